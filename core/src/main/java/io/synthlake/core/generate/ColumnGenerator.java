package io.synthlake.core.generate;

/**
 * Fills one column of a block. Implementations share immutable fitted state; scratch lives in the
 * caller.
 */
interface ColumnGenerator {
  /**
   * @param firstRow global index of the block's first row
   * @param rows rows to write
   * @param components the mixture component of each row
   * @param uniforms this column's copula uniforms, or its normal scores if {@link
   *     #takesNormalScores} (null for key columns)
   * @param block the block index, for the column's own random stream
   */
  void fill(
      long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink);

  /**
   * Whether {@link #fill} wants the copula's standard normal scores instead of uniforms (fixed for
   * a model).
   */
  default boolean takesNormalScores() {
    return false;
  }
}
