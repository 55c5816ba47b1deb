package io.synthlake.core.generate;

/**
 * Where generated values of one column go, row by row inside a block. The Spark module writes
 * straight into column vectors; tests collect into arrays. Number forms: integers, epoch days,
 * epoch microseconds and decimal unscaled values go through {@link #putLong}, floating point
 * through {@link #putDouble}.
 */
public interface ColumnSink {
  void putNull(int row);

  void putLong(int row, long value);

  void putDouble(int row, double value);

  void putBoolean(int row, boolean value);

  /** UTF-8 bytes; the sink copies them, so the caller may reuse the buffer. */
  void putUtf8(int row, byte[] bytes, int offset, int length);

  /**
   * Rows 0 to rows - 1 at once, none null: row r is the {@code width} bytes of {@code bytes} from
   * {@code r * width} (fixed-width keys such as UUIDs). Sinks backed by one byte buffer copy them
   * in one go; the caller may reuse {@code bytes}.
   */
  default void putFixedWidthUtf8(byte[] bytes, int width, int rows) {
    for (int r = 0; r < rows; r++) {
      putUtf8(r, bytes, r * width, width);
    }
  }

  /**
   * Offers a column's fixed string values, once per block before any row is written. A sink that
   * returns true then receives {@link #putCode} (the index of the value) for them instead of their
   * bytes: Spark's column vectors keep such values as a dictionary and copy nothing per row.
   */
  default boolean acceptsDictionary(byte[][] values) {
    return false;
  }

  /** Row {@code row} holds {@code values[code]} of the dictionary this sink accepted. */
  default void putCode(int row, int code) {
    throw new UnsupportedOperationException("this sink accepted no dictionary");
  }

  /**
   * Rows 0 to rows - 1 at once: null for the {@code nullCount} ascending rows in {@code nullRows},
   * {@code values[r]} for the others. Sinks backed by column vectors copy the values in bulk and
   * then mark the nulls.
   */
  default void putLongs(long[] values, int rows, int[] nullRows, int nullCount) {
    NullRows.forEach(this, rows, nullRows, nullCount, r -> putLong(r, values[r]));
  }

  /** Like {@link #putLongs}, for floating point. */
  default void putDoubles(double[] values, int rows, int[] nullRows, int nullCount) {
    NullRows.forEach(this, rows, nullRows, nullCount, r -> putDouble(r, values[r]));
  }
}
