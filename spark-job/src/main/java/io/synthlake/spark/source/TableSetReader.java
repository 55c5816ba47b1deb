package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.spark.internal.BlockColumnVector;
import io.synthlake.spark.internal.ColumnBuffer;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Generates one table of a set over a range of root blocks, as columnar batches of at most one
 * block of rows each, reusing the same buffers: memory stays that of one root block's ancestors
 * however many rows the partition holds.
 */
final class TableSetReader implements PartitionReader<ColumnarBatch> {
  private final TableSetPartition partition;
  private final TableSetSampler.Walker walker;
  private final long rootRows;
  private final long[] tableRows;
  private final ColumnBuffer[] buffers;
  private final BlockColumnVector[] vectors;
  private final ColumnSink[] sinks;
  private final ColumnarBatch batch;
  private long block;
  private long blockRows;
  private int chunk;

  /**
   * @param columns for each column read, its position among the table's output columns
   * @param width the table's output columns
   */
  TableSetReader(
      TableSetPartition partition,
      TableSetSampler sampler,
      String table,
      long rootRows,
      long[] tableRows,
      StructType readSchema,
      int[] columns,
      int width) {
    this.partition = partition;
    this.walker = sampler.newWalker(table);
    this.rootRows = rootRows;
    this.tableRows = tableRows;
    this.buffers = new ColumnBuffer[columns.length];
    this.vectors = new BlockColumnVector[columns.length];
    this.sinks = new ColumnSink[width];
    for (int i = 0; i < columns.length; i++) {
      buffers[i] = new ColumnBuffer();
      vectors[i] = new BlockColumnVector(readSchema.fields()[i].dataType(), buffers[i]);
      sinks[columns[i]] = buffers[i];
    }

    this.batch = new ColumnarBatch(vectors);
    this.block = partition.firstBlock - 1;
  }

  @Override
  public boolean next() {
    while (chunk * (long) TableSampler.BLOCK_ROWS >= blockRows) {
      if (++block >= partition.endBlock) {
        return false;
      }

      blockRows =
          walker.start(
              block,
              rootRows,
              partition.rowsBefore[(int) (block - partition.firstBlock)],
              tableRows);
      chunk = 0;
    }

    int rows =
        (int) Math.min(TableSampler.BLOCK_ROWS, blockRows - chunk * (long) TableSampler.BLOCK_ROWS);
    for (ColumnBuffer buffer : buffers) {
      buffer.reset();
    }

    walker.write(chunk, rows, sinks);
    for (BlockColumnVector vector : vectors) {
      vector.blockWritten();
    }

    batch.setNumRows(rows);
    chunk++;
    return true;
  }

  @Override
  public ColumnarBatch get() {
    return batch;
  }

  @Override
  public void close() {
    for (ColumnVector vector : vectors) {
      vector.close();
    }
  }
}
