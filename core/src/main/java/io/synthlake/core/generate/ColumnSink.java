package io.synthlake.core.generate;

/**
 * Where generated values of one column go, row by row inside a block. The Spark module writes straight into column
 * vectors; tests collect into arrays. Number forms: integers, epoch days, epoch microseconds and decimal unscaled
 * values go through {@link #putLong}, floating point through {@link #putDouble}.
 */
public interface ColumnSink {
  void putNull(int row);

  void putLong(int row, long value);

  void putDouble(int row, double value);

  void putBoolean(int row, boolean value);

  /** UTF-8 bytes; the sink copies them, so the caller may reuse the buffer. */
  void putUtf8(int row, byte[] bytes, int offset, int length);
}
