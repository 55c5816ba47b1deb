package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.types.LogicalType;
import java.util.Arrays;

/**
 * How a sequence column's normal score moves with time: a trend (a level at each of a few knots,
 * linear between them and flat beyond them), a yearly and a daily cycle (Fourier harmonics of the
 * time of year and of day) and a weekly one (a level per day of the week). A column's score at time
 * t is {@code mean(t) + scale · x_t}, where x_t is the column's autoregressive series of unit
 * variance; {@code scale} is the spread the seasons leave, so the score keeps its fitted spread.
 * Times are order values: days since 1970-01-01 for dates, microseconds for timestamps, the number
 * itself otherwise (which has a trend only). Immutable.
 *
 * @param knots the trend's knots, in order units, increasing; empty for no trend
 * @param levels the mean at each knot; a single level when there are no knots
 * @param yearCos the yearly harmonics' cosine coefficients (harmonic k at index k - 1)
 * @param yearSin their sine coefficients
 * @param week the mean's shift on each day of the week, Monday first; empty for no weekly cycle
 * @param dayCos the daily harmonics' cosine coefficients
 * @param daySin their sine coefficients
 * @param scale the spread of the score around its mean, in (0, 1]
 */
public record Seasonality(
    double[] knots,
    double[] levels,
    double[] yearCos,
    double[] yearSin,
    double[] week,
    double[] dayCos,
    double[] daySin,
    double scale) {
  /** The most harmonics a cycle may have. */
  public static final int MAX_HARMONICS = 8;

  private static final double DAYS_PER_YEAR = 365.2425;
  private static final double MICROS_PER_DAY = 86_400_000_000.0;

  public Seasonality {
    knots = knots.clone();
    levels = levels.clone();
    yearCos = yearCos.clone();
    yearSin = yearSin.clone();
    week = week.clone();
    dayCos = dayCos.clone();
    daySin = daySin.clone();
    String problem = problem(knots, levels, yearCos, yearSin, week, dayCos, daySin, scale);
    if (problem != null) {
      throw Errors.invalidModel("seasons", "%s; fit the model again", problem);
    }
  }

  private static String problem(
      double[] knots,
      double[] levels,
      double[] yearCos,
      double[] yearSin,
      double[] week,
      double[] dayCos,
      double[] daySin,
      double scale) {
    if (!(scale > 0 && scale <= 1)) {
      return "scale " + scale + " is not in (0, 1]";
    }

    if (knots.length == 0 ? levels.length != 1 : levels.length != knots.length) {
      return "a trend needs one level per knot (or one level and no knots), got "
          + levels.length
          + " levels for "
          + knots.length
          + " knots";
    }

    for (int i = 1; i < knots.length; i++) {
      if (!(knots[i] > knots[i - 1])) {
        return "the trend's knots " + Arrays.toString(knots) + " do not increase";
      }
    }

    if (yearCos.length != yearSin.length || dayCos.length != daySin.length) {
      return "a cycle needs as many sine as cosine coefficients";
    }

    if (yearCos.length > MAX_HARMONICS || dayCos.length > MAX_HARMONICS) {
      return "a cycle has at most " + MAX_HARMONICS + " harmonics";
    }

    if (week.length != 0 && week.length != 7) {
      return "a weekly cycle needs 7 levels, got " + week.length;
    }

    for (double[] values : new double[][] {knots, levels, yearCos, yearSin, week, dayCos, daySin}) {
      for (double value : values) {
        if (!Double.isFinite(value)) {
          return "a coefficient is " + value;
        }
      }
    }

    return null;
  }

  /** Days since 1970-01-01 of an order value of a date or timestamp type {@code type}. */
  public static double days(double time, LogicalType type) {
    return type == LogicalType.DATE ? time : time / MICROS_PER_DAY;
  }

  /** The fraction of the year at {@code days} since 1970-01-01, in [0, 1). */
  public static double yearPhase(double days) {
    double phase = days / DAYS_PER_YEAR;
    return phase - Math.floor(phase);
  }

  /** The fraction of the day at {@code days}, in [0, 1). */
  public static double dayPhase(double days) {
    return days - Math.floor(days);
  }

  /** The day of the week at {@code days}, 0 for Monday (1970-01-01 was a Thursday). */
  public static int dayOfWeek(double days) {
    return (int) Math.floorMod((long) Math.floor(days) + 3, 7L);
  }

  /**
   * The trend's value at {@code time}: linear between knots, flat beyond the first and last (so a
   * series generated past the fitted span keeps its last level rather than running off).
   */
  public static double trend(double[] knots, double[] levels, double time) {
    if (knots.length == 0) {
      return levels[0];
    }

    if (time <= knots[0]) {
      return levels[0];
    }

    int last = knots.length - 1;
    if (time >= knots[last]) {
      return levels[last];
    }

    int i = Arrays.binarySearch(knots, time);
    if (i >= 0) {
      return levels[i];
    }

    int right = -i - 1;
    double share = (time - knots[right - 1]) / (knots[right] - knots[right - 1]);
    return levels[right - 1] + share * (levels[right] - levels[right - 1]);
  }

  /** The sum of the harmonics {@code Σ cos[k]·cos(2π(k+1)φ) + sin[k]·sin(2π(k+1)φ)}. */
  public static double harmonics(double[] cos, double[] sin, double phase) {
    double sum = 0;
    for (int k = 0; k < cos.length; k++) {
      double angle = 2 * Math.PI * (k + 1) * phase;
      sum += cos[k] * Math.cos(angle) + sin[k] * Math.sin(angle);
    }

    return sum;
  }

  /** Whether the order type has calendar cycles (dates and timestamps). */
  public static boolean hasCalendar(LogicalType type) {
    return type.isTemporal();
  }

  /** The score's mean at order value {@code time} of type {@code type}. */
  public double mean(double time, LogicalType type) {
    double mean = trend(knots, levels, time);
    if (!hasCalendar(type)) {
      return mean;
    }

    double days = days(time, type);
    if (yearCos.length > 0) {
      mean += harmonics(yearCos, yearSin, yearPhase(days));
    }

    if (week.length > 0) {
      mean += week[dayOfWeek(days)];
    }

    if (dayCos.length > 0) {
      mean += harmonics(dayCos, daySin, dayPhase(days));
    }

    return mean;
  }

  /** The cycles present, for {@code describe}: e.g. "trend, year, week". */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (knots.length > 0) {
      text.append("trend");
    }

    append(text, yearCos.length > 0, "year");
    append(text, week.length > 0, "week");
    append(text, dayCos.length > 0, "day");
    return text.length() == 0 ? "level" : text.toString();
  }

  private static void append(StringBuilder text, boolean present, String name) {
    if (present) {
      text.append(text.length() == 0 ? "" : ", ").append(name);
    }
  }

  @Override
  public double[] knots() {
    return knots.clone();
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  @Override
  public double[] yearCos() {
    return yearCos.clone();
  }

  @Override
  public double[] yearSin() {
    return yearSin.clone();
  }

  @Override
  public double[] week() {
    return week.clone();
  }

  @Override
  public double[] dayCos() {
    return dayCos.clone();
  }

  @Override
  public double[] daySin() {
    return daySin.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Seasonality that
        && Arrays.equals(knots, that.knots)
        && Arrays.equals(levels, that.levels)
        && Arrays.equals(yearCos, that.yearCos)
        && Arrays.equals(yearSin, that.yearSin)
        && Arrays.equals(week, that.week)
        && Arrays.equals(dayCos, that.dayCos)
        && Arrays.equals(daySin, that.daySin)
        && scale == that.scale;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(levels) * 31 + Double.hashCode(scale);
  }

  @Override
  public String toString() {
    return "Seasonality[" + describe() + ", scale=" + scale + "]";
  }
}
