package io.synthlake.core.marginal;

import java.util.Arrays;

/**
 * A nondecreasing piecewise-linear quantile function through knots (p[i], x[i]). Flat stretches are
 * point masses; equal consecutive probabilities are jumps. Lookups start from a bucket index over
 * p, so they cost a few comparisons.
 */
final class PiecewiseQuantile {
  private static final int MIN_BUCKETS = 1024;
  private static final int MAX_BUCKETS = 1 << 22;

  private final double[] p;
  private final double[] x;
  private final int buckets;

  /** bucketStart[b]: the last knot index k with p[k] <= b / buckets. */
  private final int[] bucketStart;

  PiecewiseQuantile(double[] p, double[] x) {
    if (p.length != x.length || p.length == 0) {
      throw new IllegalArgumentException("quantile knots need equal, non-zero lengths");
    }

    for (int i = 1; i < p.length; i++) {
      if (!(p[i] >= p[i - 1]) || !(x[i] >= x[i - 1])) {
        throw new IllegalArgumentException("quantile knots must be nondecreasing at index " + i);
      }
    }

    this.p = p.clone();
    this.x = x.clone();
    // Two to four buckets per knot (a time range has one knot per hour, 8,760 a year) keep the
    // forward walk short.
    this.buckets =
        Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, Integer.highestOneBit(p.length) * 4));
    this.bucketStart = new int[buckets + 1];
    int k = 0;
    for (int b = 0; b <= buckets; b++) {
      double level = (double) b / buckets;
      while (k + 1 < p.length && p[k + 1] <= level) {
        k++;
      }

      bucketStart[b] = k;
    }
  }

  double quantile(double u) {
    if (u <= p[0]) {
      return x[0];
    }

    int last = p.length - 1;
    if (u >= p[last]) {
      return x[last];
    }

    int k = bucketStart[(int) (u * buckets)];
    while (k < last && p[k + 1] <= u) {
      k++;
    }

    double width = p[k + 1] - p[k];
    return width > 0 ? x[k] + (u - p[k]) / width * (x[k + 1] - x[k]) : x[k + 1];
  }

  void quantiles(double[] u, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = quantile(u[i]);
    }
  }

  /**
   * The CDF at {@code value}: the largest p whose quantile is at most {@code value} (for scoring,
   * not generation).
   */
  double cdf(double value) {
    if (value < x[0]) {
      return 0.0;
    }

    int k = Arrays.binarySearch(x, value);
    if (k >= 0) {
      while (k + 1 < x.length && x[k + 1] == value) {
        k++;
      }

      return p[k];
    }

    int upper = -k - 1;
    if (upper >= x.length) {
      return 1.0;
    }

    int lower = upper - 1;
    return p[lower] + (value - x[lower]) / (x[upper] - x[lower]) * (p[upper] - p[lower]);
  }

  double first() {
    return x[0];
  }

  double last() {
    return x[x.length - 1];
  }
}
