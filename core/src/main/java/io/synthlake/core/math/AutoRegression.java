package io.synthlake.core.math;

import io.synthlake.core.Errors;
import java.util.Arrays;

/**
 * A stationary autoregressive process of unit variance, AR(p), given by its autocorrelations at
 * lags 1 to p: {@code z_t = φ_1 z_{t-1} + … + φ_p z_{t-p} + σ e_t} with standard normal innovations
 * e_t. The Durbin-Levinson recursion gives the coefficients of every order up to p, so a series
 * started cold (its first value {@code e_0}, then orders 1, 2, … until p values exist) follows the
 * stationary law from its first step: each value is standard normal and each lag has its
 * autocorrelation. Immutable.
 */
public final class AutoRegression {
  /** The highest order a process may have: a model file holds at most this many lags. */
  public static final int MAX_ORDER = 64;

  private final double[] autocorrelations;

  /** coefficients[k]: the order-k coefficients φ_{k,1..k} (row 0 empty). */
  private final double[][] coefficients;

  /** innovations[k]: the innovation standard deviation of order k. */
  private final double[] innovations;

  private AutoRegression(double[] autocorrelations, double[][] coefficients, double[] innovations) {
    this.autocorrelations = autocorrelations;
    this.coefficients = coefficients;
    this.innovations = innovations;
  }

  /**
   * The process with autocorrelations {@code rho[0..p)} at lags 1 to p; they must describe a
   * stationary process (each partial autocorrelation strictly inside (-1, 1)).
   */
  public static AutoRegression of(double[] rho) {
    int p = rho.length;
    if (p > MAX_ORDER) {
      throw Errors.invalidModel(
          "autocorrelations", "a process has at most %d lags, got %d", MAX_ORDER, p);
    }

    double[][] phi = new double[p + 1][];
    double[] sigma = new double[p + 1];
    phi[0] = new double[0];
    double variance = 1;
    sigma[0] = 1;
    for (int k = 1; k <= p; k++) {
      double partial = partial(rho, phi[k - 1], variance);
      if (!(Math.abs(partial) < 1)) {
        throw Errors.invalidModel(
            "autocorrelations",
            "autocorrelations %s are not those of a stationary process (partial autocorrelation "
                + "at lag %d is %s); fit the model again",
            Arrays.toString(rho),
            k,
            partial);
      }

      phi[k] = stepUp(phi[k - 1], partial);
      variance *= 1 - partial * partial;
      sigma[k] = Math.sqrt(variance);
    }

    return new AutoRegression(rho.clone(), phi, sigma);
  }

  /**
   * The process {@code z_t = φ_1 z_{t-1} + … + φ_p z_{t-p} + σ e_t} of unit variance with
   * coefficients {@code phi}, as a spec writes it: the step-down (Schur-Cohn) recursion gives its
   * partial autocorrelations, which must lie strictly inside (-1, 1) for the process to be
   * stationary, and the Durbin-Levinson step-up its autocorrelations (the solution of the
   * Yule-Walker equations).
   */
  public static AutoRegression ofCoefficients(double[] phi) {
    int p = phi.length;
    if (p == 0 || p > MAX_ORDER) {
      throw Errors.invalidModel(
          "ar", "an AR process has 1 to %d coefficients, got %d", MAX_ORDER, p);
    }

    double[] partials = new double[p];
    double[] a = phi.clone();
    for (int k = p; k >= 1; k--) {
      double kappa = a[k - 1];
      if (!(Math.abs(kappa) < 1)) {
        throw Errors.invalidModel(
            "ar",
            "coefficients %s make a non-stationary process (partial autocorrelation at lag %d is "
                + "%.3f), whose values would grow without bound; keep one coefficient below 1 in "
                + "size, or several whose sum is below 1, such as [0.6, 0.2]",
            Arrays.toString(phi),
            k,
            kappa);
      }

      partials[k - 1] = kappa;
      double[] lower = new double[k - 1];
      for (int i = 1; i < k; i++) {
        lower[i - 1] = (a[i - 1] + kappa * a[k - 1 - i]) / (1 - kappa * kappa);
      }

      a = lower;
    }

    double[] rho = new double[p];
    double[] previous = new double[0];
    double variance = 1;
    for (int k = 1; k <= p; k++) {
      double kappa = partials[k - 1];
      double sum = 0;
      for (int i = 1; i < k; i++) {
        sum += previous[i - 1] * rho[k - 1 - i];
      }

      rho[k - 1] = sum + kappa * variance;
      previous = stepUp(previous, kappa);
      variance *= 1 - kappa * kappa;
    }

    return of(rho);
  }

  /** The coefficients φ_1..φ_p of the process at its full order. */
  public double[] coefficients() {
    return coefficients[order()].clone();
  }

  /**
   * The order chosen by the Bayesian information criterion among 0 to {@code maxOrder}, for sample
   * autocorrelations {@code rho} (lags 1 to at least maxOrder) measured on {@code pairs} pairs: the
   * process of that order. Orders whose partial autocorrelations leave (-1, 1) are not taken.
   */
  public static AutoRegression fit(double[] rho, int maxOrder, long pairs) {
    int best = 0;
    double bestScore = 0; // order 0: log(1) * n
    double variance = 1;
    double[] previous = new double[0];
    for (int k = 1; k <= Math.min(maxOrder, rho.length); k++) {
      double partial = partial(rho, previous, variance);
      if (!(Math.abs(partial) < 0.999)) {
        break;
      }

      previous = stepUp(previous, partial);
      variance *= 1 - partial * partial;
      double score = pairs * Math.log(variance) + k * Math.log(Math.max(2, pairs));
      if (score < bestScore) {
        bestScore = score;
        best = k;
      }
    }

    return of(Arrays.copyOf(rho, best));
  }

  /**
   * The Durbin-Levinson partial autocorrelation at lag k = {@code previous.length + 1}, from the
   * order k-1 coefficients and that order's innovation variance.
   */
  private static double partial(double[] rho, double[] previous, double variance) {
    int k = previous.length + 1;
    double numerator = rho[k - 1];
    for (int i = 1; i < k; i++) {
      numerator -= previous[i - 1] * rho[k - 1 - i];
    }

    return numerator / variance;
  }

  /** The Durbin-Levinson step up: the order k coefficients from order k-1's and the partial. */
  private static double[] stepUp(double[] previous, double partial) {
    int k = previous.length + 1;
    double[] current = new double[k];
    for (int i = 1; i < k; i++) {
      current[i - 1] = previous[i - 1] - partial * previous[k - 1 - i];
    }

    current[k - 1] = partial;
    return current;
  }

  public int order() {
    return autocorrelations.length;
  }

  public double[] autocorrelations() {
    return autocorrelations.clone();
  }

  /**
   * The value at {@code step} (0 for a series' first) from innovation {@code innovation} and the
   * series' earlier values, {@code history[0]} the last: at most {@link #order()} of them are read,
   * and only {@code min(step, order)}.
   */
  public double next(double innovation, double[] history, int step) {
    int k = Math.min(step, order());
    double[] phi = coefficients[k];
    double value = innovations[k] * innovation;
    for (int i = 0; i < k; i++) {
      value += phi[i] * history[i];
    }

    return value;
  }
}
