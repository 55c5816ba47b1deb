package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.marginal.HistogramMarginal;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.marginal.ParametricMarginal;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a spec's {@code distribution} objects and values: parametric families, histograms, time
 * ranges, Gaussian mixtures, weighted categories and Datafaker pools; numbers, ISO dates and times,
 * and {@code rows / k}. Errors name the field path. Used by the build step of {@link SpecCompiler}.
 */
final class DistributionReader {
  static final Pattern ROWS =
      Pattern.compile("\\s*rows\\s*(?:([*/])\\s*([0-9]+(?:\\.[0-9]+)?))?\\s*");
  private static final int DEFAULT_POOL = 10_000;
  private static final int MAX_POOL = 1_000_000;

  /** Longest Datafaker provider or template: real ones are a few dozen characters. */
  static final int MAX_PROVIDER_CHARS = 200;

  private static final long MICROS_PER_HOUR = 3_600_000_000L;

  private final JsonFields fields;
  private final long seed;
  private final long rows;

  DistributionReader(JsonFields fields, long seed, long rows) {
    this.fields = fields;
    this.seed = seed;
    this.rows = rows;
  }

  Map<String, Double> categoryWeights(JsonNode node, String path, DataType type) {
    String kind = fields.string(node, path, "type");
    Map<String, Double> weights = new LinkedHashMap<>();
    if (kind.equals("faker")) {
      fields.onlyFields(node, path, "type", "provider", "locale", "pool");
      if (type.logicalType() != LogicalType.STRING) {
        throw fields.error(path, "faker values need a string column, not " + type);
      }

      int pool = node.has("pool") ? fields.intNumber(node, path, "pool") : DEFAULT_POOL;
      if (pool < 1 || pool > MAX_POOL) {
        throw fields.error(path + ".pool", "must be 1 to " + MAX_POOL + ", got " + pool);
      }

      String provider = fields.string(node, path, "provider");
      if (provider.length() > MAX_PROVIDER_CHARS) {
        throw fields.error(
            path + ".provider",
            "has "
                + provider.length()
                + " characters; a Datafaker provider or template has "
                + "at most "
                + MAX_PROVIDER_CHARS
                + ", such as Address.city or #{Name.firstName}.#{Name.lastName}@example.com");
      }

      Map<String, Integer> counts =
          FakerPool.draw(
              provider,
              fields.optionalString(node, "locale", "en-US"),
              pool,
              Seeds.derive(seed, 0, path.hashCode()),
              path + ".provider");
      counts.forEach((value, count) -> weights.put(value, (double) count / pool));
      return weights;
    }

    fields.onlyFields(node, path, "type", "weights");
    JsonNode weightsNode = fields.field(node, path, "weights");
    if (!weightsNode.isObject() || weightsNode.size() == 0) {
      throw fields.error(
          path + ".weights",
          "must map each value to its probability, like {Grocery: 0.3, Travel: 0.7}");
    }

    double total = 0;
    Iterator<Map.Entry<String, JsonNode>> entries = weightsNode.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String where = path + ".weights." + entry.getKey();
      if (!entry.getValue().isNumber() || !(entry.getValue().asDouble() >= 0)) {
        throw fields.error(
            where, "must be a probability >= 0, got " + JsonFields.show(entry.getValue()));
      }

      if (type.logicalType() != LogicalType.STRING) {
        Values.parse(entry.getKey(), type, fields.where(where));
      }

      weights.put(entry.getKey(), entry.getValue().asDouble());
      total += entry.getValue().asDouble();
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw fields.error(path + ".weights", "probabilities must sum to 1, got " + total);
    }

    return weights;
  }

  Marginal numeric(
      JsonNode node, String path, DataType type, double lower, double upper, double step) {
    String kind = fields.string(node, path, "type");
    try {
      switch (kind) {
        case "histogram":
          fields.onlyFields(node, path, "type", "edges", "weights");
          JsonNode edgesNode = fields.array(node, path, "edges");
          double[] edges = new double[edgesNode.size()];
          for (int i = 0; i < edges.length; i++) {
            edges[i] = value(edgesNode.get(i), type, path + ".edges[" + i + "]");
          }

          return HistogramMarginal.of(edges, fields.numbers(node, path, "weights"), path);
        case "time-range":
          return timeRange(node, path, type, step);
        case "gaussian-mixture":
          fields.onlyFields(node, path, "type", "weights", "means", "deviations");
          double[] means = fields.numbers(node, path, "means");
          double[] deviations = fields.numbers(node, path, "deviations");
          double low = Double.POSITIVE_INFINITY;
          double high = Double.NEGATIVE_INFINITY;
          for (int k = 0; k < Math.min(means.length, deviations.length); k++) {
            low = Math.min(low, means[k] - 8 * deviations[k]);
            high = Math.max(high, means[k] + 8 * deviations[k]);
          }

          return GaussianMixtureMarginal.of(
              fields.numbers(node, path, "weights"),
              means,
              deviations,
              Math.max(low, lower),
              Math.min(high, upper));
        default:
          ParametricMarginal.Family family = ParametricMarginal.Family.parse(kind);
          if (family == null) {
            throw fields.error(
                path + ".type",
                "unknown distribution '"
                    + SynthlakeException.shown(kind)
                    + "'; use constant, uniform, normal, log-normal, "
                    + "exponential, poisson, zipf, gaussian-mixture, histogram, time-range, categories or faker");
          }

          Map<String, Double> parameters = new HashMap<>();
          Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
          while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getKey().equals("type")) {
              parameters.put(
                  entry.getKey(), value(entry.getValue(), type, path + "." + entry.getKey()));
            }
          }

          if (family == ParametricMarginal.Family.UNIFORM
              && step > 0
              && parameters.containsKey("min")
              && parameters.containsKey("max")) {
            // Values are rounded to the step, so a uniform over whole numbers spans half a step
            // beyond each end:
            // otherwise the two end values would get half the share of the others.
            parameters.put("min", parameters.get("min") - step / 2);
            parameters.put("max", parameters.get("max") + step / 2);
            return ParametricMarginal.of(
                family, parameters, lower - step / 2, upper + step / 2, path);
          }

          return ParametricMarginal.of(family, parameters, lower, upper, path);
      }
    } catch (InvalidModelException e) {
      // A message that names its own field under path (distribution.sd) keeps it, below the base.
      String message = e.getMessage();
      int colon = message.startsWith(path) ? message.indexOf(": ", path.length()) : -1;
      throw colon < 0
          ? fields.error(path, message)
          : fields.error(message.substring(0, colon), message.substring(colon + 2));
    }
  }

  /**
   * One histogram bin per hour (per day for dates) between start and end, weighted by hour of day
   * and day of week (Monday first), in UTC. The column format rounds values to the nearest multiple
   * of {@code step} (start is one), so the bins are shifted down by half a step: a value drawn in a
   * bin then rounds to a value inside that bin's own [from, to), and never to end.
   */
  private Marginal timeRange(JsonNode node, String path, DataType type, double step) {
    fields.onlyFields(node, path, "type", "start", "end", "hour-weights", "day-of-week-weights");
    LogicalType logical = type.logicalType();
    if (!logical.isTemporal()) {
      throw fields.error(path, "a time-range fills date and timestamp columns, not " + type);
    }

    double start = value(fields.field(node, path, "start"), type, path + ".start");
    double end = value(fields.field(node, path, "end"), type, path + ".end");
    if (!(end > start)) {
      throw fields.error(path + ".end", "must be after start");
    }

    double[] hours = node.has("hour-weights") ? fields.numbers(node, path, "hour-weights") : null;
    double[] days =
        node.has("day-of-week-weights") ? fields.numbers(node, path, "day-of-week-weights") : null;
    if (hours != null && hours.length != 24) {
      throw fields.error(
          path + ".hour-weights", "needs 24 weights (hour 0 to 23), got " + hours.length);
    }

    if (days != null && days.length != 7) {
      throw fields.error(
          path + ".day-of-week-weights", "needs 7 weights (Monday to Sunday), got " + days.length);
    }

    boolean date = logical == LogicalType.DATE;
    double unit = date ? 1 : MICROS_PER_HOUR;
    long bins = (long) Math.ceil((end - start) / unit);
    if (bins > 2_000_000) {
      throw fields.error(
          path,
          "spans " + bins + " " + (date ? "days" : "hours") + "; at most 2000000 are supported");
    }

    double[] edges = new double[(int) bins + 1];
    double[] weights = new double[(int) bins];
    for (int i = 0; i <= bins; i++) {
      edges[i] = Math.min(end, start + i * unit);
    }

    for (int i = 0; i < bins; i++) {
      LocalDate day;
      int hour;
      if (date) {
        day = LocalDate.ofEpochDay((long) edges[i]);
        hour = 0;
      } else {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv((long) edges[i], 1_000_000L));
        day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        hour = instant.atOffset(ZoneOffset.UTC).getHour();
      }

      double weight = (edges[i + 1] - edges[i]) / unit;
      weight *= hours == null || date ? 1 : hours[hour];
      weight *=
          days == null ? 1 : days[day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()];
      weights[i] = weight;
    }

    for (int i = 0; i <= bins; i++) {
      edges[i] -= step / 2;
    }

    return HistogramMarginal.of(edges, weights, path);
  }

  /** A number in the column's number form; dates and timestamps may be written as ISO-8601 text. */
  double value(JsonNode node, DataType type, String path) {
    if (node.isNumber()) {
      return node.asDouble();
    }

    if (node.isTextual()) {
      Matcher scaled = ROWS.matcher(node.asText());
      if (scaled.matches()) {
        if (rows <= 0) {
          throw fields.error(
              path,
              "'"
                  + SynthlakeException.shown(node.asText())
                  + "' depends on the row count, which is known only when generating");
        }

        double factor = scaled.group(1) == null ? 1 : Double.parseDouble(scaled.group(2));
        if (factor == 0 && "/".equals(scaled.group(1))) {
          throw fields.error(
              path, "'" + SynthlakeException.shown(node.asText()) + "' divides by zero");
        }

        return Math.max(
            1,
            Math.floor(
                scaled.group(1) == null || scaled.group(1).equals("*")
                    ? rows * factor
                    : rows / factor));
      }

      if (type.logicalType().isTemporal()) {
        return Values.parse(node.asText(), type, fields.where(path));
      }
    }

    throw fields.error(
        path,
        "must be a number"
            + (type.logicalType().isTemporal() ? " or an ISO-8601 date or time" : "")
            + " (or rows, rows / k, rows * f), got "
            + JsonFields.show(node));
  }
}
