package io.synthlake.core.math;

import io.synthlake.core.metrics.TwoSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

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

  /** The one-sample KS statistic sup |F_n − F| of a sample against a continuous CDF. */
  public static double ks(double[] sample, DoubleUnaryOperator cdf) {
    double[] x = sample.clone();
    Arrays.sort(x);
    int n = x.length;
    double max = 0;
    for (int i = 0; i < n; i++) {
      double f = cdf.applyAsDouble(x[i]);
      max = Math.max(max, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
    }

    return max;
  }

  /**
   * The one-sample KS critical value at α = 0.001 for a sample of size n: c(α) / sqrt(n), c(α) =
   * 1.949.
   */
  public static double ksCritical(int n) {
    return TwoSample.KS_C_ALPHA_0_001 / Math.sqrt(n);
  }

  /**
   * The chi-square critical value at α = 0.001: the 0.999 quantile of the chi-square distribution.
   */
  public static double chiSquareCritical(int degreesOfFreedom) {
    return new ChiSquaredDistribution(degreesOfFreedom).inverseCumulativeProbability(0.999);
  }

  /**
   * Pearson's chi-square goodness of fit of observed counts to the probabilities of the same cells.
   * Adjacent cells are pooled left to right until each pooled cell expects at least 5, and a short
   * remainder joins the last pooled cell, so that the chi-square approximation holds; cells with
   * probability 0 must have no observations.
   */
  public static ChiSquare chiSquare(long[] observed, double[] probabilities) {
    if (observed.length != probabilities.length) {
      throw new IllegalArgumentException("one probability per observed cell");
    }

    long n = Arrays.stream(observed).sum();
    double total = Arrays.stream(probabilities).sum();
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("cell probabilities sum to " + total + ", not 1");
    }

    List<double[]> cells = new ArrayList<>();
    double expected = 0;
    double count = 0;
    for (int i = 0; i < observed.length; i++) {
      if (probabilities[i] == 0 && observed[i] > 0) {
        throw new AssertionError(
            "cell " + i + " has probability 0 but " + observed[i] + " observations");
      }

      expected += n * probabilities[i];
      count += observed[i];
      if (expected >= 5) {
        cells.add(new double[] {count, expected});
        expected = 0;
        count = 0;
      }
    }

    if (expected > 0 || count > 0) {
      double[] last = cells.get(cells.size() - 1);
      last[0] += count;
      last[1] += expected;
    }

    double statistic = 0;
    for (double[] cell : cells) {
      statistic += (cell[0] - cell[1]) * (cell[0] - cell[1]) / cell[1];
    }

    return new ChiSquare(statistic, cells.size() - 1);
  }

  /**
   * A chi-square statistic with its degrees of freedom (pooled cells − 1; no parameter is
   * estimated).
   */
  public static final class ChiSquare {
    private final double statistic;
    private final int degreesOfFreedom;

    ChiSquare(double statistic, int degreesOfFreedom) {
      this.statistic = statistic;
      this.degreesOfFreedom = degreesOfFreedom;
    }

    public double statistic() {
      return statistic;
    }

    public int degreesOfFreedom() {
      return degreesOfFreedom;
    }

    /** The critical value at α = 0.001 for these degrees of freedom. */
    public double critical() {
      return chiSquareCritical(degreesOfFreedom);
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "chi-square %.2f on %d df (critical %.2f at alpha 0.001)",
          statistic,
          degreesOfFreedom,
          critical());
    }
  }
}
