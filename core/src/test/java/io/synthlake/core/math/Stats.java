package io.synthlake.core.math;

import java.util.Arrays;

/** Small statistics for tests: two-sample Kolmogorov-Smirnov, Pearson correlation, means. */
public final class Stats {
  /** c(alpha) of the two-sample KS test at alpha = 0.001: sqrt(-ln(alpha / 2) / 2). */
  public static final double KS_C_0_001 = 1.95;

  private Stats() {}

  /** The two-sample KS statistic sup |F_a - F_b|, with ties handled by stepping over equal values together. */
  public static double ks(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double value = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == value) {
        i++;
      }

      while (j < y.length && y[j] == value) {
        j++;
      }

      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }

    return d;
  }

  /** The KS critical value at alpha = 0.001 for samples of sizes n and m: c(alpha) * sqrt((n + m) / (n * m)). */
  public static double ksCritical(int n, int m) {
    return KS_C_0_001 * Math.sqrt((double) (n + m) / ((double) n * m));
  }

  public static double pearson(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("pearson needs two samples of equal length >= 2");
    }

    double mx = mean(x);
    double my = mean(y);
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

  public static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }
}
