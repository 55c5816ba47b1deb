package io.synthlake.core.math;

/** Binary search over cumulative probabilities (last entry +∞), the inner step of every discrete draw. */
public final class Cumulative {
  private Cumulative() {}

  /** The first index i at or after {@code from} with {@code cumulative[i] > u}. */
  public static int firstAbove(double[] cumulative, int from, double u) {
    int low = from;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] <= u) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }

    return low;
  }
}
