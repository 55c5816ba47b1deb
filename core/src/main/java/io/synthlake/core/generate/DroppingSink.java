package io.synthlake.core.generate;

/** Takes values and keeps none: stands for a real sink where rows are drawn but not read. */
final class DroppingSink implements ColumnSink {
  static final DroppingSink INSTANCE = new DroppingSink();

  private DroppingSink() {}

  @Override
  public void putNull(int row) {}

  @Override
  public void putLong(int row, long value) {}

  @Override
  public void putDouble(int row, double value) {}

  @Override
  public void putBoolean(int row, boolean value) {}

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {}

  @Override
  public boolean acceptsDictionary(byte[][] values) {
    return true;
  }

  @Override
  public void putCode(int row, int code) {}
}
