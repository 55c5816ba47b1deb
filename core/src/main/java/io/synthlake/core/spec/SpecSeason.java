package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.model.Seasonality;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sequence column's {@code season} (docs/spec-format.md section 11.9): how its value moves with
 * the time of its row, written as shifts of the column's normal score, so that 1.0 moves a value by
 * about one spread of the column whatever its distribution. It becomes a {@link Seasonality}: the
 * weekly shifts as its week levels, a daily and a yearly cycle as one harmonic each (a peak and an
 * amplitude read more easily than sine and cosine coefficients), a trend as its knots. Its scale
 * makes the score's total spread about 1: the column keeps about its distribution over the rows,
 * with the seasons moving it from row to row.
 */
final class SpecSeason {
  /** The largest shift: three spreads already move a value to the edge of its distribution. */
  static final double MAX_SHIFT = 3;

  /** The most knots of a trend, as for a fitted one. */
  static final int MAX_KNOTS = 64;

  /** The least variance left to the column's own draw, so a season never fixes it entirely. */
  static final double MIN_RESIDUAL_VARIANCE = 0.05;

  private static final List<String> DAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final double DAYS_PER_YEAR = 365.2425;

  private SpecSeason() {}

  /**
   * Reads {@code season} of column entry {@code column} at {@code where} (the column's path) in a
   * table ordered by a column of type {@code orderType}.
   */
  static Seasonality read(
      JsonFields fields,
      DistributionReader reader,
      JsonNode column,
      String where,
      String table,
      String order,
      DataType orderType) {
    String at = where + ".season";
    JsonNode season = column.get("season");
    if (!season.isObject() || season.isEmpty()) {
      throw fields.error(
          at,
          "must be a mapping of cycles, such as {week: {saturday: 0.5, sunday: 0.5}, day: "
              + "{peak-hour: 18, amplitude: 0.8}}; give week, day, year or trend");
    }

    fields.onlyFields(season, at, "week", "day", "year", "trend");
    LogicalType logical = orderType.logicalType();
    String ordered = table + " is ordered by " + order + ", a " + orderType;
    for (String cycle : List.of("week", "year", "day")) {
      if (season.has(cycle) && !logical.isTemporal()) {
        throw fields.error(
            at + "." + cycle,
            "a calendar cycle needs a date or timestamp order, but "
                + ordered
                + "; a number order takes a trend only");
      }
    }

    if (season.has("day") && logical == LogicalType.DATE) {
      throw fields.error(
          at + ".day",
          "a daily cycle needs a timestamp order, but "
              + ordered
              + ", which has no time of day; use week or year");
    }

    double variance = 0;
    double[] week = new double[0];
    if (season.has("week")) {
      week = week(fields, season.get("week"), at + ".week");
      variance += variance(week);
    }

    double[] dayCos = new double[0];
    double[] daySin = new double[0];
    if (season.has("day")) {
      double[] harmonic =
          harmonic(
              fields,
              season.get("day"),
              at + ".day",
              "peak-hour",
              0,
              24,
              "an hour of the day from 0 up to 24 (UTC for a timestamp order)");
      dayCos = new double[] {harmonic[0]};
      daySin = new double[] {harmonic[1]};
      variance += harmonic[2];
    }

    double[] yearCos = new double[0];
    double[] yearSin = new double[0];
    if (season.has("year")) {
      double[] harmonic =
          harmonic(
              fields,
              season.get("year"),
              at + ".year",
              "peak-day",
              1,
              1 + DAYS_PER_YEAR,
              "a day of the year from 1 (1 January) to 366");
      yearCos = new double[] {harmonic[0]};
      yearSin = new double[] {harmonic[1]};
      variance += harmonic[2];
    }

    double[] knots = new double[0];
    double[] levels = {0};
    if (season.has("trend")) {
      JsonNode trend = season.get("trend");
      String path = at + ".trend";
      if (!trend.isObject()) {
        throw fields.error(
            path, "must be a mapping such as {at: [2025-01-01, 2025-12-31], shift: [0, 0.5]}");
      }

      fields.onlyFields(trend, path, "at", "shift");
      JsonNode atNode = fields.array(trend, path, "at");
      levels = fields.numbers(trend, path, "shift");
      if (atNode.size() < 2 || atNode.size() > MAX_KNOTS || levels.length != atNode.size()) {
        throw fields.error(
            path,
            "needs 2 to "
                + MAX_KNOTS
                + " times in at and as many shifts in shift, got "
                + atNode.size()
                + " and "
                + levels.length);
      }

      knots = new double[atNode.size()];
      for (int i = 0; i < knots.length; i++) {
        knots[i] = reader.value(atNode.get(i), orderType, path + ".at[" + i + "]");
        if (i > 0 && !(knots[i] > knots[i - 1])) {
          throw fields.error(
              path + ".at[" + i + "]", "the times of a trend must increase; sort them");
        }

        checkShift(fields, levels[i], path + ".shift[" + i + "]");
      }

      variance += trendVariance(knots, levels);
    }

    double scale = Math.sqrt(Math.max(MIN_RESIDUAL_VARIANCE, 1 - variance));
    try {
      return new Seasonality(knots, levels, yearCos, yearSin, week, dayCos, daySin, scale);
    } catch (InvalidModelException e) {
      throw fields.error(at, e.getMessage());
    }
  }

  /** Seven shifts, Monday first, from an array or a mapping of day names (others 0). */
  private static double[] week(JsonFields fields, JsonNode node, String where) {
    double[] week = new double[7];
    if (node.isArray()) {
      if (node.size() != 7) {
        throw fields.error(
            where,
            "an array of shifts needs one per day, Monday first, got "
                + node.size()
                + "; or map day names to shifts, such as {saturday: 0.5, sunday: 0.5}");
      }

      week = fields.numberArray(node, where);
      for (int d = 0; d < 7; d++) {
        checkShift(fields, week[d], where + "[" + d + "]");
      }
    } else if (node.isObject() && !node.isEmpty()) {
      Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String path = where + "." + entry.getKey();
        int day = DAYS.indexOf(entry.getKey().toLowerCase(Locale.ROOT));
        if (day < 0) {
          throw fields.error(
              path,
              "is not a day of the week; use monday, tuesday, wednesday, thursday, friday, "
                  + "saturday or sunday");
        }

        if (!entry.getValue().isNumber()) {
          throw fields.error(path, "must be a number, got " + JsonFields.show(entry.getValue()));
        }

        week[day] = entry.getValue().asDouble();
        checkShift(fields, week[day], path);
      }
    } else {
      throw fields.error(
          where,
          "must be 7 shifts, Monday first, or a mapping of day names to shifts, such as "
              + "{saturday: 0.5, sunday: 0.5}");
    }

    return week;
  }

  /**
   * One harmonic {@code amplitude · cos(2π (phase − peak) / period)} as its cosine and sine
   * coefficients and its variance over the cycle: {@code {cos, sin, amplitude² / 2}}. The peak is
   * read in [low, high), the cycle's own unit (an hour of the day, a day of the year from 1).
   */
  private static double[] harmonic(
      JsonFields fields,
      JsonNode node,
      String where,
      String peakField,
      double low,
      double high,
      String range) {
    if (!node.isObject()) {
      throw fields.error(
          where, "must be a mapping such as {" + peakField + ": 18, amplitude: 0.5}");
    }

    fields.onlyFields(node, where, peakField, "amplitude");
    double peak = fields.number(node, where, peakField);
    if (!(peak >= low && peak < high)) {
      throw fields.error(where + "." + peakField, "must be " + range + ", got " + peak);
    }

    double amplitude = fields.number(node, where, "amplitude");
    if (!(amplitude >= 0 && amplitude <= MAX_SHIFT)) {
      throw fields.error(
          where + ".amplitude",
          "must be from 0 to " + MAX_SHIFT + " spreads of the column, got " + amplitude);
    }

    double angle = 2 * Math.PI * (peak - low) / (high - low);
    return new double[] {
      amplitude * Math.cos(angle), amplitude * Math.sin(angle), amplitude * amplitude / 2
    };
  }

  private static void checkShift(JsonFields fields, double shift, String where) {
    if (!(Math.abs(shift) <= MAX_SHIFT)) {
      throw fields.error(
          where,
          "must be a shift from -"
              + MAX_SHIFT
              + " to "
              + MAX_SHIFT
              + " spreads of the column, got "
              + shift);
    }
  }

  /** The variance of the values, each day of the cycle weighted alike. */
  private static double variance(double[] values) {
    double mean = 0;
    for (double value : values) {
      mean += value / values.length;
    }

    double variance = 0;
    for (double value : values) {
      variance += (value - mean) * (value - mean) / values.length;
    }

    return variance;
  }

  /** The variance of the trend over its span, time weighted alike: exact for linear pieces. */
  static double trendVariance(double[] knots, double[] levels) {
    double span = knots[knots.length - 1] - knots[0];
    double first = 0;
    double second = 0;
    for (int i = 1; i < knots.length; i++) {
      double share = (knots[i] - knots[i - 1]) / span;
      double a = levels[i - 1];
      double b = levels[i];
      first += share * (a + b) / 2;
      second += share * (a * a + a * b + b * b) / 3;
    }

    return Math.max(0, second - first * first);
  }
}
