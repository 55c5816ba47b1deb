package io.synthlake.spark.source;

import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetSampler;
import java.util.List;

/**
 * Walks one partition of a table of a set chunk by chunk: each root block's rows of the table, at
 * most one block of rows at a time, in the order every reader and writer gives them, with the
 * ancestors' columns carried beside them, if any.
 */
final class TableSetCursor {
  private final TableSetPartition partition;
  private final TableSetSampler.Walker walker;
  private final long rootRows;
  private final long[] tableRows;

  /** The carried ancestors' columns, or null when none is. */
  private final AncestorColumns ancestors;

  private final ColumnSink[] ownSinks;
  private final ColumnSink[] carriedSinks;
  private long block;
  private long blockRows;
  private int chunk;
  private int rows;

  TableSetCursor(
      TableSetPartition partition,
      TableSetSampler sampler,
      String table,
      long rootRows,
      long[] tableRows,
      List<AncestorColumns.Column> carried) {
    this.partition = partition;
    this.walker = sampler.newWalker(table);
    this.rootRows = rootRows;
    this.tableRows = tableRows;
    this.ancestors = carried.isEmpty() ? null : new AncestorColumns(sampler, table, carried);
    this.ownSinks = new ColumnSink[sampler.set().table(table).columns().size()];
    this.carriedSinks = new ColumnSink[carried.size()];
    this.block = partition.firstBlock - 1;
    this.chunk = -1;
    if (partition.visibleRows != null) {
      walker.pickAmongGrowingRows();
      if (ancestors != null) {
        ancestors.pickAmongGrowingRows();
      }
    }
  }

  /** Moves to the next chunk; false when the partition has no more rows. */
  boolean next() {
    chunk++;
    while (chunk * (long) TableSampler.BLOCK_ROWS >= blockRows) {
      if (++block >= partition.endBlock) {
        return false;
      }

      int at = (int) (block - partition.firstBlock);
      long[] rowsBefore = partition.rowsBefore[at];
      long[] referenced = partition.visibleRows == null ? tableRows : partition.visibleRows[at];
      blockRows = walker.start(block, rootRows, rowsBefore, referenced, partition.cut);
      if (ancestors != null) {
        ancestors.start(block, rootRows, rowsBefore, referenced);
      }

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

  /**
   * Writes the current chunk into {@code sinks}, one per output column of the table, then one per
   * carried column, then for a table with edge cases the marker's (null to skip a column).
   */
  void write(ColumnSink[] sinks) {
    int marker = ownSinks.length + carriedSinks.length;
    walker.markEdgeCases(sinks.length > marker ? sinks[marker] : null);
    System.arraycopy(sinks, 0, ownSinks, 0, ownSinks.length);
    walker.write(chunk, rows, ownSinks);
    if (ancestors != null) {
      System.arraycopy(sinks, ownSinks.length, carriedSinks, 0, carriedSinks.length);
      ancestors.write(walker, chunk, rows, carriedSinks);
    }
  }
}
