package io.synthlake.core.generate;

/**
 * Keeps the values of a hidden count column: how many child rows each parent row of a block gets.
 * Nulls and negative values count as none.
 */
final class CountSink implements ColumnSink {
  private final long[] counts = new long[TableSampler.BLOCK_ROWS];

  long count(int row) {
    return counts[row];
  }

  @Override
  public void putNull(int row) {
    counts[row] = 0;
  }

  @Override
  public void putLong(int row, long value) {
    counts[row] = Math.max(0, value);
  }

  @Override
  public void putDouble(int row, double value) {
    counts[row] = value > 0 ? Math.round(value) : 0;
  }

  @Override
  public void putBoolean(int row, boolean value) {
    throw new UnsupportedOperationException("a count column is an integer column");
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    throw new UnsupportedOperationException("a count column is an integer column");
  }
}
