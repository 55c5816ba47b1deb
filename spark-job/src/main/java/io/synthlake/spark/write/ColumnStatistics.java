package io.synthlake.spark.write;

import io.synthlake.spark.internal.ColumnBuffer;
import java.io.Serializable;

/**
 * A column's null count and value range over one file, gathered block by block from the buffers
 * (numbers as the longs or doubles the column stores): what a Delta log keeps per file for data
 * skipping, without a second pass.
 */
public final class ColumnStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean floating;
  private long nulls;
  private long values;
  private long minLong = Long.MAX_VALUE;
  private long maxLong = Long.MIN_VALUE;
  private double minDouble = Double.POSITIVE_INFINITY;
  private double maxDouble = Double.NEGATIVE_INFINITY;
  private boolean nan;

  ColumnStatistics(boolean floating) {
    this.floating = floating;
  }

  void update(ColumnBuffer block, int rows) {
    boolean[] nulls = block.anyNull ? block.nulls : null;
    long[] longs = block.longs;
    double[] doubles = block.doubles;
    long nullRows = 0;
    for (int r = 0; r < rows; r++) {
      if (nulls != null && nulls[r]) {
        nullRows++;
      } else if (floating) {
        double value = doubles[r];
        nan |= Double.isNaN(value);
        minDouble = Math.min(minDouble, value);
        maxDouble = Math.max(maxDouble, value);
      } else {
        long value = longs[r];
        minLong = Math.min(minLong, value);
        maxLong = Math.max(maxLong, value);
      }
    }

    this.nulls += nullRows;
    values += rows - nullRows;
  }

  public long nullCount() {
    return nulls;
  }

  /**
   * Whether the file holds a non-null value and, for floating point, no NaN (whose range is
   * undefined).
   */
  public boolean hasRange() {
    return values > 0 && !nan;
  }

  public long minLong() {
    return minLong;
  }

  public long maxLong() {
    return maxLong;
  }

  public double minDouble() {
    return minDouble;
  }

  public double maxDouble() {
    return maxDouble;
  }
}
