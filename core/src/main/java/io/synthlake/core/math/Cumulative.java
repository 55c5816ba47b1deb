package io.synthlake.core.math;

/**
 * Inversion of a discrete distribution given by cumulative probabilities (last entry +∞), the inner step of every
 * discrete draw. A compiled instance keeps a guide table (Chen and Asau, 1974) of where each of n equal slices of
 * [0, 1) starts, so a draw costs one or two comparisons whatever the number of outcomes, and returns exactly what the
 * binary search would.
 */
public final class Cumulative {
  private final double[] cumulative;
  private final int[] guide;

  private Cumulative(double[] cumulative) {
    this.cumulative = cumulative;
    this.guide = new int[cumulative.length];
    for (int b = 0; b < guide.length; b++) {
      guide[b] = firstAbove(cumulative, 0, (double) b / guide.length);
    }
  }

  /** @param cumulative nondecreasing, ending in +∞; not copied, so the caller must not change it */
  public static Cumulative of(double[] cumulative) {
    if (cumulative.length == 0 || cumulative[cumulative.length - 1] != Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("cumulative probabilities must end in +Infinity");
    }

    return new Cumulative(cumulative);
  }

  /** The first index i with {@code cumulative[i] > u}, for u in [0, 1). */
  public int firstAbove(double u) {
    int slice = Math.min(guide.length - 1, Math.max(0, (int) (u * guide.length)));
    int i = guide[slice];
    // u * n may round up past a slice boundary; stepping back keeps the answer exact.
    while (i > 0 && cumulative[i - 1] > u) {
      i--;
    }

    while (cumulative[i] <= u) {
      i++;
    }

    return i;
  }

  /** The first index i at or after {@code from} with {@code cumulative[i] > u}, by binary search. */
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
