package io.synthlake.core.marginal;

import io.synthlake.core.Errors;
import io.synthlake.core.math.Normal;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Gaussian mixture, the marginal of the CTGAN paper's mode-specific
 * normalization: each mode has a weight, mean and standard deviation, and the number of modes is
 * chosen from the data by BIC. Generation inverts the mixture CDF through a table built once at
 * construction.
 */
public final class GaussianMixtureMarginal implements Marginal {
  /**
   * Scores at which the quantile table is tabulated: fine in the body, out to ±{@link
   * Normal#MAX_SCORE}.
   */
  private static final int TABLE_POINTS = 1601;

  private static final int EM_ITERATIONS = 200;
  private static final double MIN_WEIGHT = 0.005;

  private final double[] weights;
  private final double[] means;
  private final double[] deviations;
  private final double lower;
  private final double upper;
  private final PiecewiseQuantile table;

  private GaussianMixtureMarginal(
      double[] weights, double[] means, double[] deviations, double lower, double upper) {
    this.weights = weights;
    this.means = means;
    this.deviations = deviations;
    this.lower = lower;
    this.upper = upper;
    this.table = tabulate();
  }

  /** A mixture with the given modes, truncated to [lower, upper] (the observed bounds). */
  public static GaussianMixtureMarginal of(
      double[] weights, double[] means, double[] deviations, double lower, double upper) {
    if (weights.length == 0
        || weights.length != means.length
        || weights.length != deviations.length) {
      throw Errors.invalidModel(
          "weights",
          "a Gaussian mixture needs one weight, mean and deviation per mode, got %d "
              + "weights, %d means and %d deviations",
          weights.length,
          means.length,
          deviations.length);
    }

    double total = 0;
    for (int k = 0; k < weights.length; k++) {
      if (!(weights[k] > 0) || !(deviations[k] > 0) || !Double.isFinite(means[k])) {
        throw Errors.invalidModel(
            "weights",
            "Gaussian mixture modes need positive weights and deviations, finite "
                + "means, got mode %d with weight %s, mean %s and deviation %s",
            k,
            weights[k],
            means[k],
            deviations[k]);
      }

      total += weights[k];
    }

    if (Math.abs(total - 1) > 1e-6 || !(lower <= upper)) {
      throw Errors.invalidModel(
          "weights",
          "Gaussian mixture weights must sum to 1 and bounds be ordered, got weights "
              + "summing to %s and bounds [%s, %s]",
          total,
          lower,
          upper);
    }

    return new GaussianMixtureMarginal(
        weights.clone(), means.clone(), deviations.clone(), lower, upper);
  }

  /** Fits 1 to {@code maxModes} modes by EM and keeps the count with the lowest BIC. */
  public static GaussianMixtureMarginal fit(double[] sorted, int maxModes, long seed) {
    int n = sorted.length;
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a marginal to no values");
    }

    double lower = sorted[0];
    double upper = sorted[n - 1];
    double spread = Math.max(upper - lower, Math.max(Math.abs(upper), 1.0) * 1e-9);
    double floor = spread * 1e-4;
    double[][] best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    for (int modes = 1; modes <= Math.max(1, Math.min(maxModes, n / 10)); modes++) {
      double[][] fitted =
          expectationMaximization(sorted, modes, floor, new SplittableRandom(seed + modes));
      double bic = -2 * fitted[3][0] + (3 * fitted[0].length - 1) * Math.log(n);
      if (bic < bestBic) {
        bestBic = bic;
        best = fitted;
      }
    }

    return of(best[0], best[1], best[2], lower, upper);
  }

  /**
   * Returns {weights, means, deviations, {log-likelihood}}, dropping modes whose weight falls below
   * 0.5%.
   */
  private static double[][] expectationMaximization(
      double[] x, int modes, double floor, SplittableRandom random) {
    int n = x.length;
    double[] w = new double[modes];
    double[] mu = new double[modes];
    double[] sd = new double[modes];
    double overallSd = Math.max(standardDeviation(x), floor);
    for (int k = 0; k < modes; k++) {
      w[k] = 1.0 / modes;
      // Spread the starting means over the quantiles, jittered so that ties do not collapse modes.
      mu[k] =
          x[Math.min(n - 1, (int) ((k + 0.5) / modes * n))]
              + random.nextGaussian() * 1e-3 * overallSd;
      sd[k] = overallSd / modes;
    }

    double[] responsibility = new double[modes];
    double[] sumR = new double[modes];
    double[] sumRx = new double[modes];
    double[] sumRxx = new double[modes];
    double logLikelihood = Double.NEGATIVE_INFINITY;
    for (int iteration = 0; iteration < EM_ITERATIONS; iteration++) {
      Arrays.fill(sumR, 0);
      Arrays.fill(sumRx, 0);
      Arrays.fill(sumRxx, 0);
      double total = 0;
      for (double value : x) {
        double density = 0;
        for (int k = 0; k < modes; k++) {
          responsibility[k] = w[k] * Normal.pdf((value - mu[k]) / sd[k]) / sd[k];
          density += responsibility[k];
        }

        density = Math.max(density, 1e-300);
        total += Math.log(density);
        for (int k = 0; k < modes; k++) {
          double r = responsibility[k] / density;
          sumR[k] += r;
          sumRx[k] += r * value;
          sumRxx[k] += r * value * value;
        }
      }

      for (int k = 0; k < modes; k++) {
        double weight = Math.max(sumR[k], 1e-12);
        w[k] = weight / n;
        mu[k] = sumRx[k] / weight;
        sd[k] = Math.max(Math.sqrt(Math.max(sumRxx[k] / weight - mu[k] * mu[k], 0)), floor);
      }

      if (Math.abs(total - logLikelihood) < 1e-7 * Math.abs(total)) {
        logLikelihood = total;
        break;
      }

      logLikelihood = total;
    }

    int kept = 0;
    for (int k = 0; k < modes; k++) {
      if (w[k] >= MIN_WEIGHT) {
        w[kept] = w[k];
        mu[kept] = mu[k];
        sd[kept] = sd[k];
        kept++;
      }
    }

    double keptTotal = 0;
    for (int k = 0; k < kept; k++) {
      keptTotal += w[k];
    }

    for (int k = 0; k < kept; k++) {
      w[k] /= keptTotal;
    }

    return new double[][] {
      Arrays.copyOf(w, kept), Arrays.copyOf(mu, kept), Arrays.copyOf(sd, kept), {logLikelihood}
    };
  }

  private static double standardDeviation(double[] x) {
    double mean = Arrays.stream(x).average().orElse(0);
    double sum = 0;
    for (double value : x) {
      sum += (value - mean) * (value - mean);
    }

    return Math.sqrt(sum / Math.max(1, x.length - 1));
  }

  /** The untruncated mixture CDF. */
  double cdf(double value) {
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      sum += weights[k] * Normal.cdf((value - means[k]) / deviations[k]);
    }

    return sum;
  }

  private PiecewiseQuantile tabulate() {
    double low = cdf(lower);
    double high = cdf(upper);
    double mass = Math.max(high - low, 1e-300);
    double[] p = new double[TABLE_POINTS];
    double[] x = new double[TABLE_POINTS];
    for (int i = 0; i < TABLE_POINTS; i++) {
      double score = -Normal.MAX_SCORE + 2 * Normal.MAX_SCORE * i / (TABLE_POINTS - 1);
      p[i] = i == 0 ? 0.0 : i == TABLE_POINTS - 1 ? 1.0 : Normal.cdf(score);
      x[i] = invert(low + p[i] * mass);
      if (i > 0) {
        x[i] = Math.max(x[i], x[i - 1]);
        p[i] = Math.max(p[i], p[i - 1]);
      }
    }

    return new PiecewiseQuantile(p, x);
  }

  /** The value whose untruncated CDF is {@code target}, by bisection inside the bounds. */
  private double invert(double target) {
    double a = lower;
    double b = upper;
    for (int i = 0; i < 80 && b - a > 1e-12 * Math.max(1, Math.abs(a)); i++) {
      double middle = 0.5 * (a + b);
      if (cdf(middle) < target) {
        a = middle;
      } else {
        b = middle;
      }
    }

    return 0.5 * (a + b);
  }

  @Override
  public double quantile(double p) {
    return table.quantile(p);
  }

  @Override
  public void quantiles(double[] p, double[] out, int n) {
    table.quantiles(p, out, n);
  }

  @Override
  public double min() {
    return lower;
  }

  @Override
  public double max() {
    return upper;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double[] means() {
    return means.clone();
  }

  public double[] deviations() {
    return deviations.clone();
  }

  public int modes() {
    return weights.length;
  }
}
