package io.synthlake.core.generate;

/** Keeps the values of a hidden numeric column for one block: NaN where a row is null. */
final class NumberSink implements ColumnSink {
  private final double[] values = new double[TableSampler.BLOCK_ROWS];

  double value(int row) {
    return values[row];
  }

  @Override
  public void putNull(int row) {
    values[row] = Double.NaN;
  }

  @Override
  public void putLong(int row, long value) {
    values[row] = value;
  }

  @Override
  public void putDouble(int row, double value) {
    values[row] = value;
  }

  @Override
  public void putBoolean(int row, boolean value) {
    throw new UnsupportedOperationException("a hidden number column holds numbers");
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    throw new UnsupportedOperationException("a hidden number column holds numbers");
  }
}
