package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetSampler;

/**
 * Walks one partition of a table of a set chunk by chunk: each root block's rows of the table, at
 * most one block of rows at a time, in the order every reader and writer gives them.
 */
final class TableSetCursor {
  private final TableSetPartition partition;
  private final TableSetSampler.Walker walker;
  private final long rootRows;
  private final long[] tableRows;
  private long block;
  private long blockRows;
  private int chunk;
  private int rows;

  TableSetCursor(
      TableSetPartition partition,
      TableSetSampler sampler,
      String table,
      long rootRows,
      long[] tableRows) {
    this.partition = partition;
    this.walker = sampler.newWalker(table);
    this.rootRows = rootRows;
    this.tableRows = tableRows;
    this.block = partition.firstBlock - 1;
    this.chunk = -1;
  }

  /** Moves to the next chunk; false when the partition has no more rows. */
  boolean next() {
    chunk++;
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

    rows =
        (int) Math.min(TableSampler.BLOCK_ROWS, blockRows - chunk * (long) TableSampler.BLOCK_ROWS);
    return true;
  }

  /** The rows of the current chunk. */
  int rows() {
    return rows;
  }

  /** Writes the current chunk into {@code sinks}, one per output column of the table. */
  void write(ColumnSink[] sinks) {
    walker.write(chunk, rows, sinks);
  }
}
