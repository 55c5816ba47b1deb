package io.synthlake.core.metrics;

import java.util.Arrays;

/**
 * Two-sample comparisons of a real and a synthetic column, for tests: core's and the integration
 * tests' (core's test-jar publishes it; depend on synthlake-core with type test-jar).
 */
public final class TwoSample {
  /** c(α) of the two-sample Kolmogorov-Smirnov test at α = 0.001: sqrt(-ln(α / 2) / 2). */
  public static final double KS_C_ALPHA_0_001 = 1.949;

  private TwoSample() {}

  /**
   * The two-sample KS statistic sup |F_a − F_b|; equal values are stepped over together, so ties
   * are exact.
   */
  public static double ks(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double max = 0;
    while (i < x.length && j < y.length) {
      double value = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == value) {
        i++;
      }

      while (j < y.length && y[j] == value) {
        j++;
      }

      max = Math.max(max, Math.abs((double) i / x.length - (double) j / y.length));
    }

    return max;
  }

  /**
   * The KS critical value at α = 0.001 for samples of sizes n and m: c(α)·sqrt((n + m) / (n·m)).
   */
  public static double ksCritical(int n, int m) {
    return KS_C_ALPHA_0_001 * Math.sqrt((double) (n + m) / ((double) n * m));
  }

  /** Pearson's correlation of paired samples. */
  public static double pearson(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("pearson needs two samples of equal length >= 2");
    }

    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }

    return sxy / Math.sqrt(sxx * syy);
  }
}
