package io.synthlake.core.math;

import io.synthlake.core.metrics.TwoSample;
import java.util.Arrays;

/** Statistics for tests, over {@link TwoSample}. */
public final class Stats {
  private Stats() {}

  public static double ks(double[] a, double[] b) {
    return TwoSample.ks(a, b);
  }

  public static double ksCritical(int n, int m) {
    return TwoSample.ksCritical(n, m);
  }

  public static double pearson(double[] x, double[] y) {
    return TwoSample.pearson(x, y);
  }

  public static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }
}
