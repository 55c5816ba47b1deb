package io.synthlake.core.generate;

import io.synthlake.core.math.Normal;

/**
 * The normal restricted to a union of half-open intervals [lo, hi), drawn by inverse CDF. An
 * interval above the mean is worked in the upper tail, Φ(-x), where Φ keeps its relative precision,
 * so rare conditions far out in a tail still draw inside their interval.
 */
final class TruncatedNormal {
  private TruncatedNormal() {}

  /** {@code x} moved into [lo, hi) (hi itself is outside, so its neighbour below stands in). */
  static double clamp(double x, double lo, double hi) {
    double top = hi == Double.POSITIVE_INFINITY ? hi : Math.nextDown(hi);
    return Math.max(lo, Math.min(top, x));
  }

  /**
   * A draw of mean + sd·Z with Z standard normal, restricted to the union of [lows[i], highs[i]), i
   * &lt; count: {@code pick} chooses the interval in proportion to its mass, {@code v} the place
   * inside it. {@code scratch} holds at least 3 × {@code count}: each interval's mass and the two Φ
   * values it came from, which the inverse CDF then reuses (interval i's mass is left in {@code
   * scratch[3 * i]}). Returns the value; the interval chosen is left in {@code chosen[0]}.
   */
  static double draw(
      double[] lows,
      double[] highs,
      int count,
      double mean,
      double sd,
      double pick,
      double v,
      double[] scratch,
      int[] chosen) {
    double total = 0;
    for (int i = 0; i < count; i++) {
      double a = (lows[i] - mean) / sd;
      double b = (highs[i] - mean) / sd;
      // Above zero the interval is worked in the upper tail, Φ(-x), where Φ keeps its precision.
      double bottom = a >= 0 ? Normal.cdf(-b) : Normal.cdf(a);
      double top = a >= 0 ? Normal.cdf(-a) : Normal.cdf(b);
      double mass = a < b ? Math.max(0, top - bottom) : 0;
      scratch[3 * i] = mass;
      scratch[3 * i + 1] = bottom;
      scratch[3 * i + 2] = top;
      total += mass;
    }

    int i = 0;
    if (total > 0) {
      double target = pick * total;
      while (i < count - 1 && (target -= scratch[3 * i]) >= 0) {
        i++;
      }

      while (scratch[3 * i] == 0) {
        // Rounding in the running difference can land on an empty interval: take the one below.
        i--;
      }
    } else {
      // So far out that every mass underflows: the interval nearest the mean.
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < count; j++) {
        double distance = Math.max(0, Math.max(lows[j] - mean, mean - highs[j]));
        if (distance < best) {
          best = distance;
          i = j;
        }
      }
    }

    chosen[0] = i;
    double a = (lows[i] - mean) / sd;
    double b = (highs[i] - mean) / sd;
    double bottom = scratch[3 * i + 1];
    double top = scratch[3 * i + 2];
    double x;
    if (!(top > bottom)) {
      x = a >= 0 ? a : b;
    } else if (a >= 0) {
      x = -Normal.quantile(bottom + v * (top - bottom));
    } else {
      x = Normal.quantile(bottom + v * (top - bottom));
    }

    return clamp(mean + sd * clamp(x, a, b), lows[i], highs[i]);
  }
}
