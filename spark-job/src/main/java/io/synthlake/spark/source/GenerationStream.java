package io.synthlake.spark.source;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;

/**
 * A stream of generated rows whose offsets are row indexes: a micro-batch from offset a to b holds
 * rows a to b - 1, generated as a batch read of those rows would be. A query restarted from its
 * checkpoint replays a planned batch with exactly the rows it had, since a row is a pure function
 * of (model, seed, row index) and not of the batch or partition it falls in.
 */
final class GenerationStream implements PacedStream {
  private final RowRanges ranges;
  private final StreamOptions options;

  private final StreamPace pace;

  private PartitionReaderFactory readers;

  GenerationStream(RowRanges ranges, StreamOptions options) {
    this.ranges = ranges;
    this.options = options;
    this.pace = new StreamPace(options);
  }

  @Override
  public StreamPace pace() {
    return pace;
  }

  @Override
  public Offset initialOffset() {
    return offset(options.firstRow);
  }

  @Override
  public Offset deserializeOffset(String json) {
    return RowOffset.parse(json, ranges.key(), options.seed);
  }

  /**
   * The end of the next batch ({@link StreamPace}). The read limit is not used: the stream's own
   * pace sizes its batches.
   */
  @Override
  public Offset latestOffset(Offset startOffset, ReadLimit limit) {
    return offset(pace.next(((RowOffset) startOffset).row));
  }

  @Override
  public InputPartition[] planInputPartitions(Offset start, Offset end) {
    long first = ((RowOffset) start).row;
    long rows = ((RowOffset) end).row - first;
    if (rows <= 0) {
      return new InputPartition[0];
    }

    ranges.checkCapacity(first, rows);
    int count =
        options.partitions(first, rows, SparkSession.active().sparkContext().defaultParallelism());
    return ranges.partitions(first, rows, count);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    // One broadcast of the model for the whole stream, not one per micro-batch.
    if (readers == null) {
      readers = ranges.readerFactory();
    }

    return readers;
  }

  @Override
  public void stop() {
    // Nothing to release: the broadcast goes with the query's scans.
  }

  private RowOffset offset(long row) {
    return new RowOffset(row, ranges.key(), options.seed);
  }
}
