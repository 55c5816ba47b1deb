package io.synthlake.spark.source;

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

  TableSetPartition(long firstBlock, long endBlock, long[][] rowsBefore) {
    this.firstBlock = firstBlock;
    this.endBlock = endBlock;
    this.rowsBefore = rowsBefore;
  }
}
