package io.synthlake.core.generate;

import java.util.Arrays;

/**
 * Passes on rows {@code skip} and later of a block as rows 0, 1, …, and drops the rows before: a
 * run that starts inside a block generates that block from its first row, exactly as a run from row
 * 0 does, and keeps only its own rows.
 */
final class SkippingSink implements ColumnSink {
  private final ColumnSink sink;
  private final int skip;

  SkippingSink(ColumnSink sink, int skip) {
    this.sink = sink;
    this.skip = skip;
  }

  @Override
  public void putNull(int row) {
    if (row >= skip) {
      sink.putNull(row - skip);
    }
  }

  @Override
  public void putLong(int row, long value) {
    if (row >= skip) {
      sink.putLong(row - skip, value);
    }
  }

  @Override
  public void putDouble(int row, double value) {
    if (row >= skip) {
      sink.putDouble(row - skip, value);
    }
  }

  @Override
  public void putBoolean(int row, boolean value) {
    if (row >= skip) {
      sink.putBoolean(row - skip, value);
    }
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    if (row >= skip) {
      sink.putUtf8(row - skip, bytes, offset, length);
    }
  }

  @Override
  public void putFixedWidthUtf8(byte[] bytes, int width, int rows) {
    sink.putFixedWidthUtf8(
        Arrays.copyOfRange(bytes, skip * width, rows * width), width, rows - skip);
  }

  @Override
  public boolean acceptsDictionary(byte[][] values) {
    return sink.acceptsDictionary(values);
  }

  @Override
  public void putCode(int row, int code) {
    if (row >= skip) {
      sink.putCode(row - skip, code);
    }
  }

  @Override
  public void putLongs(long[] values, int rows, int[] nullRows, int nullCount) {
    int[] kept = keptNulls(nullRows, nullCount);
    sink.putLongs(Arrays.copyOfRange(values, skip, rows), rows - skip, kept, kept.length);
  }

  @Override
  public void putDoubles(double[] values, int rows, int[] nullRows, int nullCount) {
    int[] kept = keptNulls(nullRows, nullCount);
    sink.putDoubles(Arrays.copyOfRange(values, skip, rows), rows - skip, kept, kept.length);
  }

  /** The null rows from {@code skip} on, shifted like the values. */
  private int[] keptNulls(int[] nullRows, int nullCount) {
    return Arrays.stream(nullRows, 0, nullCount)
        .filter(row -> row >= skip)
        .map(row -> row - skip)
        .toArray();
  }
}
