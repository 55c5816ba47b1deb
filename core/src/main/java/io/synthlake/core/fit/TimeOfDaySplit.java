package io.synthlake.core.fit;

import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LocalClock;
import io.synthlake.core.types.LogicalType;
import java.util.SplittableRandom;

/**
 * Splits a timestamp column's time of day from its date for the fit: each value's seconds since
 * local midnight on the wall clock of the zone the user reads the values in (UTC for a timestamp
 * without time zone, whose values count wall-clock time already).
 */
final class TimeOfDaySplit {
  private static final double MICROS_PER_SECOND = 1e6;

  /** The grids a time of day may keep, coarsest first (seconds). */
  private static final double[] STEPS = {3600, 1800, 900, 600, 300, 60, 1};

  private TimeOfDaySplit() {}

  /** The zone whose wall clock a column's times of day are read on. */
  static String zone(SampleColumn column, FitSettings settings) {
    return column.type().logicalType() == LogicalType.TIMESTAMP_NTZ ? "UTC" : settings.timeZone();
  }

  /**
   * The times of day of a timestamp column's values, in seconds since local midnight, as a column
   * without nulls; null when every value is at local midnight (a date stored as a timestamp, which
   * the column's step keeps whole) or the column holds no value. A null timestamp takes the time of
   * day of a value drawn at random from the column, so that the time-of-day copula column's scores
   * follow the times of day themselves rather than piling the nulls at its low end.
   */
  static SampleColumn timesOfDay(SampleColumn column, String zone, long seed) {
    int n = column.size();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int row = 0; row < n; row++) {
      if (!column.isNull(row)) {
        min = Math.min(min, column.number(row));
        max = Math.max(max, column.number(row));
      }
    }

    if (min > max) {
      return null;
    }

    LocalClock clock =
        LocalClock.of(
            zone,
            (long) Math.floor(min / MICROS_PER_SECOND),
            (long) Math.ceil(max / MICROS_PER_SECOND));
    double[] times = new double[n];
    int[] valued = new int[n];
    int count = 0;
    boolean anyTime = false;
    for (int row = 0; row < n; row++) {
      if (!column.isNull(row)) {
        times[row] = timeOfDay(column.number(row), clock);
        anyTime |= times[row] != 0;
        valued[count++] = row;
      }
    }

    if (!anyTime) {
      return null;
    }

    SplittableRandom random = new SplittableRandom(seed);
    for (int row = 0; row < n; row++) {
      if (column.isNull(row)) {
        times[row] = times[valued[random.nextInt(count)]];
      }
    }

    return SampleColumn.numbers(
        column.name(), DataType.of(LogicalType.DOUBLE), times, new boolean[n]);
  }

  /**
   * The coarsest of the usual grids (an hour down to a second) that every time of day lies on, or
   * 0: timetables leave every five minutes, and generated times stay on their grid.
   */
  static double step(SampleColumn times) {
    for (double step : STEPS) {
      boolean all = true;
      for (int row = 0; row < times.size() && all; row++) {
        double value = times.number(row);
        all = Math.rint(value / step) * step == value;
      }

      if (all) {
        return step;
      }
    }

    return 0;
  }

  /** Seconds since local midnight, with the microseconds, of epoch microseconds {@code micros}. */
  static double timeOfDay(double micros, LocalClock clock) {
    long whole = (long) Math.floor(micros);
    long second = Math.floorDiv(whole, 1_000_000L);
    long local = clock.localSecond(second);
    return Math.floorMod(local, LocalClock.SECONDS_PER_DAY)
        + (whole - second * 1_000_000L) / MICROS_PER_SECOND;
  }
}
