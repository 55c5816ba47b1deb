package io.synthlake.spark.internal;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import java.util.Arrays;

/**
 * One block of one column as the generators leave it, in whatever order they write its rows; the
 * direct file writer and Spark's scan ({@link BlockColumnVector}) then read the block in row order.
 * Numbers and codes sit in primitive arrays, strings in one byte array: nothing per row. Read-only
 * to everything but the generators.
 */
public final class ColumnBuffer implements ColumnSink {
  public final boolean[] nulls = new boolean[TableSampler.BLOCK_ROWS];
  public final long[] longs = new long[TableSampler.BLOCK_ROWS];
  public final double[] doubles = new double[TableSampler.BLOCK_ROWS];
  public final boolean[] booleans = new boolean[TableSampler.BLOCK_ROWS];
  public final int[] codes = new int[TableSampler.BLOCK_ROWS];
  public final int[] offsets = new int[TableSampler.BLOCK_ROWS];
  public final int[] lengths = new int[TableSampler.BLOCK_ROWS];
  public byte[] bytes = new byte[16 * TableSampler.BLOCK_ROWS];

  /** The dictionary this block's strings are codes of, or null when they came as bytes. */
  public byte[][] dictionary;

  public boolean anyNull;
  private int bytesUsed;

  /** Empties the buffer for the next block. */
  public void reset() {
    if (anyNull) {
      Arrays.fill(nulls, false);
      anyNull = false;
    }

    dictionary = null;
    bytesUsed = 0;
  }

  @Override
  public void putNull(int row) {
    nulls[row] = true;
    anyNull = true;
  }

  @Override
  public void putLong(int row, long value) {
    longs[row] = value;
  }

  @Override
  public void putDouble(int row, double value) {
    doubles[row] = value;
  }

  @Override
  public void putBoolean(int row, boolean value) {
    booleans[row] = value;
  }

  @Override
  public void putUtf8(int row, byte[] value, int offset, int length) {
    reserveBytes(length);
    System.arraycopy(value, offset, bytes, bytesUsed, length);
    offsets[row] = bytesUsed;
    lengths[row] = length;
    bytesUsed += length;
  }

  @Override
  public void putFixedWidthUtf8(byte[] values, int width, int rows) {
    int length = width * rows;
    reserveBytes(length);
    System.arraycopy(values, 0, bytes, bytesUsed, length);
    for (int r = 0; r < rows; r++) {
      offsets[r] = bytesUsed + r * width;
      lengths[r] = width;
    }

    bytesUsed += length;
  }

  private void reserveBytes(int more) {
    if (bytesUsed + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, bytesUsed + more));
    }
  }

  @Override
  public boolean acceptsDictionary(byte[][] values) {
    dictionary = values;
    return true;
  }

  @Override
  public void putCode(int row, int code) {
    codes[row] = code;
  }

  @Override
  public void putLongs(long[] values, int rows, int[] nullRows, int nullCount) {
    System.arraycopy(values, 0, longs, 0, rows);
    markNulls(nullRows, nullCount);
  }

  @Override
  public void putDoubles(double[] values, int rows, int[] nullRows, int nullCount) {
    System.arraycopy(values, 0, doubles, 0, rows);
    markNulls(nullRows, nullCount);
  }

  private void markNulls(int[] nullRows, int nullCount) {
    for (int i = 0; i < nullCount; i++) {
      putNull(nullRows[i]);
    }
  }
}
