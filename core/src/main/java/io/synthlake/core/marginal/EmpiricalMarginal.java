package io.synthlake.core.marginal;

import io.synthlake.core.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compressed empirical distribution: point masses (values that hold a noticeable share of rows,
 * such as zero in a cost column) plus the quantile function of the remaining values at equally
 * spaced probabilities.
 */
public final class EmpiricalMarginal implements Marginal {
  private final double[] massValues;
  private final double[] massShares;
  private final double[] knots;
  private final PiecewiseQuantile quantile;

  private EmpiricalMarginal(double[] massValues, double[] massShares, double[] knots) {
    this.massValues = massValues;
    this.massShares = massShares;
    this.knots = knots;
    this.quantile = combine(massValues, massShares, knots);
  }

  /**
   * @param massValues point-mass values, strictly increasing
   * @param massShares their shares of the non-null values, each in (0, 1], summing to at most 1
   * @param knots quantiles of the remaining values at probabilities i / (knots.length - 1); empty
   *     when the point masses hold everything
   */
  public static EmpiricalMarginal of(double[] massValues, double[] massShares, double[] knots) {
    if (massValues.length != massShares.length) {
      throw Errors.invalidModel(
          "point-masses",
          "point masses need as many shares as values, got %d values and %d " + "shares",
          massValues.length,
          massShares.length);
    }

    double total = 0;
    for (int i = 0; i < massValues.length; i++) {
      if (!(massShares[i] > 0)
          || !Double.isFinite(massValues[i])
          || i > 0 && !(massValues[i] > massValues[i - 1])) {
        throw Errors.invalidModel(
            "point-masses",
            "point masses must be finite, increasing and have positive shares, "
                + "got value %s with share %s at index %d",
            massValues[i],
            massShares[i],
            i);
      }

      total += massShares[i];
    }

    if (total > 1 + 1e-9
        || knots.length == 0 && Math.abs(total - 1) > 1e-6
        || knots.length == 0 && massValues.length == 0) {
      throw Errors.invalidModel(
          "point-masses",
          "point-mass shares must sum to 1 without knots and to at most 1 with "
              + "them, got %s with %d knots",
          total,
          knots.length);
    }

    for (int i = 0; i < knots.length; i++) {
      if (!Double.isFinite(knots[i]) || i > 0 && knots[i] < knots[i - 1]) {
        throw Errors.invalidModel(
            "knots",
            "quantile knots must be finite and nondecreasing, got %s at index %d",
            knots[i],
            i);
      }
    }

    return new EmpiricalMarginal(massValues.clone(), massShares.clone(), knots.clone());
  }

  /**
   * Fits the marginal to {@code sorted} (ascending, finite). Values holding at least {@code
   * massShare} of the rows and at least {@code minMassCount} rows become point masses; the rest are
   * compressed to at most {@code maxKnots} knots.
   */
  public static EmpiricalMarginal fit(
      double[] sorted, double massShare, int minMassCount, int maxKnots) {
    int n = sorted.length;
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a marginal to no values");
    }

    List<double[]> masses = new ArrayList<>();
    double[] rest = new double[n];
    int restCount = 0;
    int start = 0;
    while (start < n) {
      int end = start;
      while (end < n && sorted[end] == sorted[start]) {
        end++;
      }

      int count = end - start;
      if (count >= minMassCount && count >= massShare * n) {
        masses.add(new double[] {sorted[start], (double) count / n});
      } else {
        System.arraycopy(sorted, start, rest, restCount, count);
        restCount += count;
      }

      start = end;
    }

    double[] massValues = new double[masses.size()];
    double[] massShares = new double[masses.size()];
    for (int i = 0; i < masses.size(); i++) {
      massValues[i] = masses.get(i)[0];
      massShares[i] = masses.get(i)[1];
    }

    double[] knots = compress(Arrays.copyOf(rest, restCount), maxKnots);
    if (knots.length == 0) {
      double total = Arrays.stream(massShares).sum();
      for (int i = 0; i < massShares.length; i++) {
        massShares[i] /= total;
      }
    }

    return of(massValues, massShares, knots);
  }

  /**
   * Quantiles of {@code sorted} at {@code min(maxKnots, n)} equally spaced probabilities (linear
   * interpolation).
   */
  static double[] compress(double[] sorted, int maxKnots) {
    int n = sorted.length;
    if (n == 0) {
      return new double[0];
    }

    int count = Math.max(2, Math.min(maxKnots, n));
    double[] knots = new double[count];
    for (int i = 0; i < count; i++) {
      double position = (double) i / (count - 1) * (n - 1);
      int lower = (int) Math.floor(position);
      int upper = Math.min(n - 1, lower + 1);
      knots[i] = sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    return knots;
  }

  private static PiecewiseQuantile combine(
      double[] massValues, double[] massShares, double[] knots) {
    double massTotal = Arrays.stream(massShares).sum();
    double continuous = knots.length == 0 ? 0.0 : Math.max(0.0, 1.0 - massTotal);
    PiecewiseQuantile rest = null;
    if (knots.length > 0) {
      double[] levels = new double[knots.length];
      for (int i = 0; i < knots.length; i++) {
        levels[i] = knots.length == 1 ? 1.0 : (double) i / (knots.length - 1);
      }

      rest = new PiecewiseQuantile(levels, knots);
    }

    int capacity = knots.length + 2 * massValues.length;
    double[] p = new double[capacity];
    double[] x = new double[capacity];
    int size = 0;
    double massBelow = 0;
    int m = 0;
    for (int k = 0; k <= knots.length; k++) {
      double nextKnot = k < knots.length ? knots[k] : Double.POSITIVE_INFINITY;
      while (m < massValues.length && massValues[m] < nextKnot) {
        double base = continuous * (rest == null ? 0.0 : rest.cdf(massValues[m]));
        p[size] = base + massBelow;
        x[size++] = massValues[m];
        massBelow += massShares[m];
        p[size] = base + massBelow;
        x[size++] = massValues[m];
        m++;
      }

      if (k < knots.length) {
        p[size] =
            continuous * (knots.length == 1 ? 1.0 : (double) k / (knots.length - 1)) + massBelow;
        x[size++] = knots[k];
      }
    }

    for (int i = 1; i < size; i++) {
      p[i] = Math.max(p[i], p[i - 1]);
    }

    return new PiecewiseQuantile(Arrays.copyOf(p, size), Arrays.copyOf(x, size));
  }

  @Override
  public double quantile(double u) {
    return quantile.quantile(u);
  }

  @Override
  public void quantiles(double[] p, double[] out, int n) {
    quantile.quantiles(p, out, n);
  }

  @Override
  public double min() {
    return quantile.first();
  }

  @Override
  public double max() {
    return quantile.last();
  }

  public double[] massValues() {
    return massValues.clone();
  }

  public double[] massShares() {
    return massShares.clone();
  }

  public double[] knots() {
    return knots.clone();
  }
}
