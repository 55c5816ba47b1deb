package io.synthlake.spark.source;

import org.apache.spark.sql.connector.read.InputPartition;

/** Blocks [firstBlock, endBlock) of the output; the last block of the whole output may be partial. */
final class GenerationPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  final long firstBlock;
  final long endBlock;
  final long totalRows;

  GenerationPartition(long firstBlock, long endBlock, long totalRows) {
    this.firstBlock = firstBlock;
    this.endBlock = endBlock;
    this.totalRows = totalRows;
  }
}
