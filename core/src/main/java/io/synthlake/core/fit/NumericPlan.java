package io.synthlake.core.fit;

import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.LogicalType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fits continuous, integer, date and timestamp columns: observed bounds and precision, then
 * per-component marginals.
 */
final class NumericPlan implements ColumnPlan {
  /** The Gaussian-mixture EM runs on at most this many quantiles of the values. */
  private static final int MIXTURE_FIT_VALUES = 20_000;

  /** A component gets one knot per this many values, within [MIN_KNOTS, maxKnots]. */
  private static final int ROWS_PER_KNOT = 4;

  private static final int MIN_KNOTS = 32;
  private static final long[] TIMESTAMP_STEPS = {
    86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L, 1L
  };

  private final SampleColumn sample;
  private final ColumnKind kind;
  private final FitSettings settings;
  private final MarginalFamily family;
  private final NumericFormat format;
  private final double[] keys;

  /** The shape shared by every component, once {@link #poolShape} has been called. */
  private PooledShape shape;

  NumericPlan(SampleColumn sample, ColumnKind kind, FitSettings settings) {
    this.sample = sample;
    this.kind = kind;
    this.settings = settings;
    this.family = settings.marginal(sample.name());
    this.keys = new double[sample.size()];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int row = 0; row < keys.length; row++) {
      if (sample.isNull(row)) {
        keys[row] = Double.NEGATIVE_INFINITY;
      } else {
        keys[row] = sample.number(row);
        min = Math.min(min, keys[row]);
        max = Math.max(max, keys[row]);
      }
    }

    if (min > max) {
      min = 0;
      max = 0;
    }

    this.format =
        NumericFormat.of(min, max, step(), kind == ColumnKind.CONTINUOUS ? decimals() : -1);
  }

  /**
   * The rounding step: 1 for integers and dates, the coarsest whole time unit for timestamps, none
   * for continuous.
   */
  private double step() {
    if (kind == ColumnKind.TIMESTAMP) {
      for (long step : TIMESTAMP_STEPS) {
        if (allMultiplesOf(step)) {
          return step;
        }
      }

      return 1;
    }

    return kind == ColumnKind.CONTINUOUS ? 0 : 1;
  }

  private boolean allMultiplesOf(long step) {
    for (int row = 0; row < keys.length; row++) {
      if (!sample.isNull(row) && Math.floorMod((long) keys[row], step) != 0) {
        return false;
      }
    }

    return true;
  }

  /** The fewest decimal places (0 to 10) that represent every value, or -1 when none does. */
  private int decimals() {
    LogicalType type = sample.type().logicalType();
    if (type == LogicalType.DECIMAL) {
      return sample.type().scale();
    }

    double tolerance = type == LogicalType.FLOAT ? 1e-6 : 1e-9;
    for (int places = 0; places <= 10; places++) {
      double scale = Math.pow(10, places);
      boolean fits = true;
      for (int row = 0; row < keys.length && fits; row++) {
        if (!sample.isNull(row)) {
          double scaled = keys[row] * scale;
          fits = Math.abs(scaled - Math.rint(scaled)) <= tolerance * Math.max(1, Math.abs(scaled));
        }
      }

      if (fits) {
        return places;
      }
    }

    return -1;
  }

  /** The observed bounds and precision generated values are shaped to. */
  NumericFormat format() {
    return format;
  }

  @Override
  public double[] scoreKeys() {
    return keys;
  }

  /**
   * Pools the marginal shape across {@code members} (rows per component) from now on: each
   * component then keeps its location, scale and the column's point masses ({@link PooledShape}).
   * Used for small components; a Gaussian-mixture marginal keeps its own fit.
   */
  void poolShape(int[][] members) {
    if (family == MarginalFamily.GAUSSIAN_MIXTURE) {
      return;
    }

    double[][] values = new double[members.length][];
    for (int k = 0; k < members.length; k++) {
      values[k] =
          Arrays.stream(members[k])
              .filter(row -> !sample.isNull(row))
              .mapToDouble(row -> keys[row])
              .sorted()
              .toArray();
    }

    shape =
        PooledShape.fit(
            values, settings.pointMassShare(), settings.rareCount(), settings.maxKnots());
  }

  @Override
  public Object fitComponent(int[] rows, long seed) {
    double[] values = new double[rows.length];
    int count = 0;
    for (int row : rows) {
      if (!sample.isNull(row)) {
        values[count++] = keys[row];
      }
    }

    double nullShare = rows.length == 0 ? 0 : 1.0 - (double) count / rows.length;
    if (count == 0) {
      return NumericDistribution.of(1.0, null);
    }

    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return NumericDistribution.of(
        nullShare, shape != null ? shape.marginal(sorted) : marginal(sorted, seed));
  }

  private Marginal marginal(double[] sorted, long seed) {
    if (family == MarginalFamily.GAUSSIAN_MIXTURE && sorted[0] < sorted[sorted.length - 1]) {
      double[] fitValues = sorted.length > MIXTURE_FIT_VALUES ? compressSorted(sorted) : sorted;
      return GaussianMixtureMarginal.fit(fitValues, settings.maxModes(), seed);
    }

    int knots = Math.max(MIN_KNOTS, Math.min(settings.maxKnots(), sorted.length / ROWS_PER_KNOT));
    int minMassRows = Math.min(settings.rareCount(), sorted.length);
    return EmpiricalMarginal.fit(sorted, settings.pointMassShare(), minMassRows, knots);
  }

  private static double[] compressSorted(double[] sorted) {
    double[] result = new double[MIXTURE_FIT_VALUES];
    for (int i = 0; i < result.length; i++) {
      result[i] = sorted[(int) ((i + 0.5) / result.length * sorted.length)];
    }

    return result;
  }

  @Override
  public ColumnModel build(List<Object> components) {
    return NumericColumn.of(
        sample.name(),
        sample.type(),
        kind,
        format,
        components.stream().map(NumericDistribution.class::cast).collect(Collectors.toList()));
  }
}
