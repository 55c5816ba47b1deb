package io.synthlake.core.math;

import org.apache.commons.math3.special.Erf;

/** The standard normal distribution's CDF and quantile function, fast enough for the per-value generation path. */
public final class Normal {
  private static final double SQRT2 = Math.sqrt(2.0);
  private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);
  /** Scores are clipped here so that quantiles of 0 and 1 stay finite. */
  public static final double MAX_SCORE = 8.2;

  private Normal() {}

  /**
   * Φ(x) by Hart's double-precision rational approximation (algorithm 5666, as given by G. West, "Better approximations
   * to cumulative normal functions", 2005): absolute error below 1e-14, one {@code exp} per call.
   */
  public static double cdf(double x) {
    double z = Math.abs(x);
    double tail;
    if (z > 37.0) {
      tail = 0.0;
    } else {
      double e = Math.exp(-z * z / 2.0);
      if (z < 7.07106781186547) {
        double n = 3.52624965998911E-02 * z + 0.700383064443688;
        n = n * z + 6.37396220353165;
        n = n * z + 33.912866078383;
        n = n * z + 112.079291497871;
        n = n * z + 221.213596169931;
        n = n * z + 220.206867912376;
        double d = 8.83883476483184E-02 * z + 1.75566716318264;
        d = d * z + 16.064177579207;
        d = d * z + 86.7807322029461;
        d = d * z + 296.564248779674;
        d = d * z + 637.333633378831;
        d = d * z + 793.826512519948;
        d = d * z + 440.413735824752;
        tail = e * n / d;
      } else {
        double d = z + 0.65;
        d = z + 4.0 / d;
        d = z + 3.0 / d;
        d = z + 2.0 / d;
        d = z + 1.0 / d;
        tail = e / d / SQRT_2PI;
      }
    }

    return x > 0 ? 1.0 - tail : tail;
  }

  /** Φ⁻¹(p), clipped to ±{@link #MAX_SCORE}. */
  public static double quantile(double p) {
    if (p <= 0.0) {
      return -MAX_SCORE;
    }

    if (p >= 1.0) {
      return MAX_SCORE;
    }

    double z = p < 0.5 ? -SQRT2 * Erf.erfInv(1.0 - 2.0 * p) : SQRT2 * Erf.erfInv(2.0 * p - 1.0);
    return Math.max(-MAX_SCORE, Math.min(MAX_SCORE, z));
  }

  /** The standard normal density. */
  public static double pdf(double x) {
    return Math.exp(-0.5 * x * x) / SQRT_2PI;
  }
}
