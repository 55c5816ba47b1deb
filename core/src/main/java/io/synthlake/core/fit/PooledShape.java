package io.synthlake.core.fit;

import io.synthlake.core.marginal.EmpiricalMarginal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One numeric column's marginal shape pooled across small components: each component keeps only its
 * location and scale (mean and standard deviation of its values) and the shares of the column's
 * point masses, and draws the rest from the shape of every component's standardized values.
 *
 * <p>Why: a component of 25 to 60 rows fitted on its own has a quantile function whose knots are
 * its rows' values, so generated rows sit next to training rows (the DCR share rises), and a value
 * repeated across the column (a model year) is too rare inside it to stay a point mass. Pooled, the
 * shape comes from the whole column and the masses are the column's.
 */
final class PooledShape {
  /** One knot of the pooled shape per this many values, within [MIN_KNOTS, max knots]. */
  private static final int ROWS_PER_KNOT = 4;

  private static final int MIN_KNOTS = 32;

  private final double[] massValues;
  private final double[] shape;

  private PooledShape(double[] massValues, double[] shape) {
    this.massValues = massValues;
    this.shape = shape;
  }

  /**
   * The shape of {@code values[k]}, the sorted non-null values of component k: point masses are
   * values of the whole column holding at least {@code massShare} of its values and {@code
   * minMassRows} rows.
   */
  static PooledShape fit(double[][] values, double massShare, int minMassRows, int maxKnots) {
    Map<Double, Integer> counts = new TreeMap<>();
    int total = 0;
    for (double[] component : values) {
      for (double value : component) {
        counts.merge(value, 1, Integer::sum);
      }

      total += component.length;
    }

    int finalTotal = total;
    double[] masses =
        counts.entrySet().stream()
            .filter(e -> e.getValue() >= minMassRows && e.getValue() >= massShare * finalTotal)
            .mapToDouble(Map.Entry::getKey)
            .toArray();
    double[] residuals = new double[total];
    int pooled = 0;
    for (double[] component : values) {
      double[] rest = rest(component, masses);
      double[] location = location(rest);
      if (location[1] > 0) {
        for (double value : rest) {
          residuals[pooled++] = (value - location[0]) / location[1];
        }
      }
    }

    double[] sorted = Arrays.copyOf(residuals, pooled);
    Arrays.sort(sorted);
    int knots = Math.max(MIN_KNOTS, Math.min(maxKnots, pooled / ROWS_PER_KNOT));
    return new PooledShape(masses, quantiles(sorted, knots));
  }

  /** The marginal of one component's sorted non-null values (at least one). */
  EmpiricalMarginal marginal(double[] sorted) {
    int n = sorted.length;
    double[] rest = rest(sorted, massValues);
    int kept = 0;
    double[] values = new double[massValues.length];
    double[] shares = new double[massValues.length];
    for (double mass : massValues) {
      int from = lowerBound(sorted, mass);
      int count = lowerBound(sorted, Math.nextUp(mass)) - from;
      if (count > 0) {
        values[kept] = mass;
        shares[kept++] = (double) count / n;
      }
    }

    double[] knots;
    if (rest.length == 0) {
      knots = new double[0];
    } else {
      double[] location = location(rest);
      if (location[1] > 0 && shape.length > 0) {
        knots = new double[shape.length];
        for (int i = 0; i < knots.length; i++) {
          knots[i] = location[0] + location[1] * shape[i];
        }
      } else {
        knots = new double[] {location[0], location[0]};
      }
    }

    double[] shareArray = Arrays.copyOf(shares, kept);
    if (knots.length == 0) {
      double sum = Arrays.stream(shareArray).sum();
      for (int i = 0; i < kept; i++) {
        shareArray[i] /= sum;
      }
    }

    return EmpiricalMarginal.of(Arrays.copyOf(values, kept), shareArray, knots);
  }

  /** The values of {@code sorted} that are not point masses. */
  private static double[] rest(double[] sorted, double[] masses) {
    double[] rest = new double[sorted.length];
    int count = 0;
    for (double value : sorted) {
      if (Arrays.binarySearch(masses, value) < 0) {
        rest[count++] = value;
      }
    }

    return Arrays.copyOf(rest, count);
  }

  /** Mean and standard deviation (0 for fewer than two values). */
  private static double[] location(double[] values) {
    if (values.length == 0) {
      return new double[] {0, 0};
    }

    double mean = Arrays.stream(values).average().orElse(0);
    if (values.length < 2) {
      return new double[] {mean, 0};
    }

    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }

    return new double[] {mean, Math.sqrt(squares / (values.length - 1))};
  }

  /** Quantiles of {@code sorted} at {@code count} equally spaced probabilities. */
  private static double[] quantiles(double[] sorted, int count) {
    int n = sorted.length;
    if (n == 0) {
      return new double[0];
    }

    int size = Math.max(2, Math.min(count, n));
    double[] result = new double[size];
    for (int i = 0; i < size; i++) {
      double position = (double) i / (size - 1) * (n - 1);
      int lower = (int) Math.floor(position);
      int upper = Math.min(n - 1, lower + 1);
      result[i] = sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    return result;
  }

  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }

    return low;
  }
}
