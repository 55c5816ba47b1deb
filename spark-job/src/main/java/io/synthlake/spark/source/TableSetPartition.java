package io.synthlake.spark.source;

import io.synthlake.core.generate.TableCut;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * Root blocks [firstBlock, endBlock) of one table of a set: every row the table has under those
 * root blocks, with the row numbers each table had before each of them (its key values follow).
 */
final class TableSetPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  final long firstBlock;
  final long endBlock;

  /** rowsBefore[b - firstBlock][table]: each table's rows in the root blocks before block b. */
  final long[][] rowsBefore;

  /** Where a run of an exact row count stops its table, or null. */
  final TableCut cut;

  /**
   * visibleRows[b - firstBlock][table], in a stream: each table's rows by the end of block b, among
   * which the block's further foreign keys pick ({@link TableSetStream}); null in a batch read,
   * whose further keys pick among all the rows of the run.
   */
  final long[][] visibleRows;

  TableSetPartition(long firstBlock, long endBlock, long[][] rowsBefore, TableCut cut) {
    this(firstBlock, endBlock, rowsBefore, cut, null);
  }

  TableSetPartition(
      long firstBlock, long endBlock, long[][] rowsBefore, TableCut cut, long[][] visibleRows) {
    this.firstBlock = firstBlock;
    this.endBlock = endBlock;
    this.rowsBefore = rowsBefore;
    this.cut = cut;
    this.visibleRows = visibleRows;
  }
}
