package io.synthlake.core.generate;

import io.synthlake.core.math.Normal;

/**
 * The standard normal restricted to a union of half-open intervals [lo, hi), drawn by inverse CDF.
 * An interval above zero is worked in the upper tail, Φ(-x), where Φ keeps its relative precision,
 * so rare conditions far out in a tail still draw inside their interval.
 */
final class TruncatedNormal {
  private TruncatedNormal() {}

  /** P(lo <= Z < hi) for a standard normal Z. */
  static double mass(double lo, double hi) {
    if (!(lo < hi)) {
      return 0;
    }

    return lo >= 0 ? Normal.cdf(-lo) - Normal.cdf(-hi) : Normal.cdf(hi) - Normal.cdf(lo);
  }

  /**
   * The standard normal's {@code v}-quantile inside [lo, hi), {@code v} in [0, 1); the result lies
   * in the interval even where Φ rounds (a mass that underflows gives the end nearest 0).
   */
  static double quantile(double lo, double hi, double v) {
    double x;
    if (lo >= 0) {
      double top = Normal.cdf(-lo);
      double bottom = Normal.cdf(-hi);
      x = top > bottom ? -Normal.quantile(bottom + v * (top - bottom)) : lo;
    } else {
      double bottom = Normal.cdf(lo);
      double top = Normal.cdf(hi);
      x = top > bottom ? Normal.quantile(bottom + v * (top - bottom)) : hi;
    }

    return clamp(x, lo, hi);
  }

  /** {@code x} moved into [lo, hi) (hi itself is outside, so its neighbour below stands in). */
  static double clamp(double x, double lo, double hi) {
    double top = hi == Double.POSITIVE_INFINITY ? hi : Math.nextDown(hi);
    return Math.max(lo, Math.min(top, x));
  }

  /**
   * A draw of mean + sd·Z with Z standard normal, restricted to the union of [lows[i], highs[i]), i
   * &lt; count: {@code pick} chooses the interval in proportion to its mass, {@code v} the place
   * inside it. {@code masses} is scratch of at least {@code count}. Returns the value; the interval
   * chosen is left in {@code chosen[0]}.
   */
  static double draw(
      double[] lows,
      double[] highs,
      int count,
      double mean,
      double sd,
      double pick,
      double v,
      double[] masses,
      int[] chosen) {
    double total = 0;
    for (int i = 0; i < count; i++) {
      masses[i] = mass((lows[i] - mean) / sd, (highs[i] - mean) / sd);
      total += masses[i];
    }

    int i = 0;
    if (total > 0) {
      double target = pick * total;
      while (i < count - 1 && (target -= masses[i]) >= 0) {
        i++;
      }

      while (masses[i] == 0) {
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
    double x = quantile((lows[i] - mean) / sd, (highs[i] - mean) / sd, v);
    return clamp(mean + sd * x, lows[i], highs[i]);
  }
}
