package io.synthlake.core.generate;

/**
 * Working arrays of one block, shared by the column generators of one writer, which run one after
 * another.
 */
final class BlockScratch {
  final double[] probabilities = new double[TableSampler.BLOCK_ROWS];
  final double[] values = new double[TableSampler.BLOCK_ROWS];
  final double[] gathered = new double[TableSampler.BLOCK_ROWS];
  final double[] scattered = new double[TableSampler.BLOCK_ROWS];
  final long[] longs = new long[TableSampler.BLOCK_ROWS];
  final int[] rowOrder = new int[TableSampler.BLOCK_ROWS];
  final int[] nullRows = new int[TableSampler.BLOCK_ROWS];
}
