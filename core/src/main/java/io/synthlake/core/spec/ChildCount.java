package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many child rows each parent row has: a table-set spec's {@code count}, one law for every
 * parent row or one per category of the parent column it is {@code given}. Each law is checked and
 * bounded here, so that a spec cannot ask for absurd row counts, and becomes the distribution of
 * the parent's hidden count column; its mean sizes the child table.
 */
final class ChildCount {
  /** Most children one parent row may have. */
  static final int MAX_CHILDREN = 100_000;

  /** Largest mean number of children per parent row. */
  static final double MAX_MEAN = 1_000;

  private static final double MAX_DISPERSION = 1e6;
  private static final double MAX_EXPONENT = 10;

  /** Negative binomial weight left out above the last count kept. */
  private static final double TAIL = 1e-12;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FAMILIES =
      "constant, uniform, poisson, negative-binomial, zipf or histogram";

  /** One count law: the count column's distribution, and its mean. */
  record Law(JsonNode distribution, double mean) {}

  private final Split given;
  private final List<Law> laws;

  private ChildCount(Split given, List<Law> laws) {
    this.given = given;
    this.laws = List.copyOf(laws);
  }

  /**
   * Reads {@code count} at {@code path}: a count law, or {@code {given, distributions}} with one
   * law per category of {@code given} (already resolved by the caller; null when the count has no
   * {@code given}).
   */
  static ChildCount read(JsonNode count, String path, JsonFields fields, Split given) {
    if (given == null) {
      return new ChildCount(null, List.of(law(count, path, fields)));
    }

    fields.onlyFields(count, path, "given", "distributions");
    JsonNode byCategory = fields.field(count, path, "distributions");
    String where = path + ".distributions";
    given.checkKeys(byCategory, where, fields, "a count law", "{type: poisson, mean: 2}");
    List<Law> laws = new ArrayList<>();
    for (String category : given.categories()) {
      if (!byCategory.has(category)) {
        throw fields.error(
            where,
            "has no count law for "
                + given.qualified()
                + " '"
                + SynthlakeException.shown(category)
                + "'; give every value of it one");
      }

      laws.add(law(byCategory.get(category), JsonFields.join(where, category), fields));
    }

    return new ChildCount(given, laws);
  }

  /** The column the count is given, or null. */
  Split given() {
    return given;
  }

  /** The law for parent rows of category {@code category} (any, when not given). */
  Law law(int category) {
    return laws.get(given == null ? 0 : category);
  }

  double mean(int category) {
    return law(category).mean();
  }

  // ---------------------------------------------------------------- laws

  private static Law law(JsonNode node, String path, JsonFields fields) {
    if (node == null || !node.isObject()) {
      throw fields.error(path, "must be a mapping with a 'type', such as {type: poisson, mean: 2}");
    }

    String type = fields.string(node, path, "type");
    ObjectNode out = NODES.objectNode();
    switch (type) {
      case "constant":
        {
          fields.onlyFields(node, path, "type", "value");
          long value = whole(node, path, "value", 0, fields);
          out.put("type", "constant").put("value", value);
          return checkedMean(new Law(out, value), path, fields);
        }
      case "uniform":
        {
          fields.onlyFields(node, path, "type", "min", "max");
          long min = whole(node, path, "min", 0, fields);
          long max = whole(node, path, "max", min, fields);
          if (min == max) {
            out.put("type", "constant").put("value", min);
          } else {
            out.put("type", "uniform").put("min", min).put("max", max);
          }

          return checkedMean(new Law(out, (min + max) / 2.0), path, fields);
        }
      case "poisson":
        {
          fields.onlyFields(node, path, "type", "mean");
          double mean = positive(node, path, "mean", MAX_MEAN, fields);
          out.put("type", "poisson").put("mean", mean);
          return new Law(out, mean);
        }
      case "negative-binomial":
        fields.onlyFields(node, path, "type", "mean", "dispersion");
        return negativeBinomial(
            positive(node, path, "mean", MAX_MEAN, fields),
            positive(node, path, "dispersion", MAX_DISPERSION, fields),
            path,
            fields);
      case "zipf":
        {
          fields.onlyFields(node, path, "type", "n", "exponent");
          long n = whole(node, path, "n", 1, fields);
          double exponent = positive(node, path, "exponent", MAX_EXPONENT, fields);
          double weights = 0;
          double weighted = 0;
          for (long k = 1; k <= n; k++) {
            double weight = Math.pow(k, -exponent);
            weights += weight;
            weighted += k * weight;
          }

          out.put("type", "zipf").put("n", n).put("exponent", exponent);
          return checkedMean(new Law(out, weighted / weights), path, fields);
        }
      case "histogram":
        return histogram(node, path, fields);
      default:
        throw fields.error(
            path + ".type",
            "unknown count distribution '" + SynthlakeException.shown(type) + "'; use " + FAMILIES);
    }
  }

  /**
   * Bins of whole numbers: edges [0, 1, 3] give 0, or 1 and 2 equally. The count column rounds to
   * whole numbers, so each bin [a, b) becomes [a - 0.5, b - 0.5).
   */
  private static Law histogram(JsonNode node, String path, JsonFields fields) {
    fields.onlyFields(node, path, "type", "edges", "weights");
    JsonNode edges = fields.array(node, path, "edges");
    double[] weights = fields.numbers(node, path, "weights");
    if (edges.size() != weights.length + 1) {
      throw fields.error(
          path,
          "a histogram needs n + 1 edges for n weights, got "
              + edges.size()
              + " edges and "
              + weights.length
              + " weights");
    }

    long[] whole = new long[edges.size()];
    for (int i = 0; i < whole.length; i++) {
      JsonNode edge = edges.get(i);
      String where = path + ".edges[" + i + "]";
      if (!edge.isNumber()
          || edge.asDouble() != Math.rint(edge.asDouble())
          || edge.asDouble() < (i == 0 ? 0 : whole[i - 1] + 1)
          || edge.asDouble() > MAX_CHILDREN + 1) {
        throw fields.error(
            where,
            "count edges must be increasing whole numbers from 0 to "
                + (MAX_CHILDREN + 1)
                + ", got "
                + JsonFields.show(edge));
      }

      whole[i] = edge.asLong();
    }

    double total = 0;
    double weighted = 0;
    ObjectNode out = NODES.objectNode().put("type", "histogram");
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw fields.error(
            path + ".weights[" + i + "]", "must be a finite number >= 0, got " + weights[i]);
      }

      total += weights[i];
      weighted += weights[i] * (whole[i] + whole[i + 1] - 1) / 2.0;
      out.withArray("weights").add(weights[i]);
    }

    if (!(total > 0)) {
      throw fields.error(path + ".weights", "at least one weight must be positive");
    }

    for (long edge : whole) {
      out.withArray("edges").add(edge - 0.5);
    }

    return checkedMean(new Law(out, weighted / total), path, fields);
  }

  /**
   * The negative binomial of mean m and dispersion r (variance m + m²/r) as a histogram of its
   * probabilities, up to the count above which less than {@link #TAIL} of the weight lies.
   */
  private static Law negativeBinomial(double mean, double r, String path, JsonFields fields) {
    double q = mean / (r + mean);
    double logQ = Math.log(q);
    List<Double> logs = new ArrayList<>();
    double log = r * Math.log1p(-q);
    double best = log;
    for (int k = 0; ; k++) {
      logs.add(log);
      best = Math.max(best, log);
      double ratio = (k + r) / (k + 1) * q;
      if (k > mean && ratio < 1 && log - Math.log1p(-ratio) < best + Math.log(TAIL)) {
        break;
      }

      if (k == MAX_CHILDREN) {
        throw fields.error(
            path,
            String.format(
                Locale.ROOT,
                "a negative binomial of mean %s and dispersion %s puts more than %s of its parent "
                    + "rows above %d children; raise the dispersion or lower the mean",
                mean,
                r,
                TAIL,
                MAX_CHILDREN));
      }

      log += Math.log((k + r) / (k + 1)) + logQ;
    }

    ObjectNode out = NODES.objectNode().put("type", "histogram");
    double total = 0;
    double weighted = 0;
    for (int k = 0; k < logs.size(); k++) {
      double weight = Math.exp(logs.get(k) - best);
      total += weight;
      weighted += k * weight;
      out.withArray("edges").add(k - 0.5);
      out.withArray("weights").add(weight);
    }

    out.withArray("edges").add(logs.size() - 0.5);
    return new Law(out, weighted / total);
  }

  private static Law checkedMean(Law law, String path, JsonFields fields) {
    if (law.mean() > MAX_MEAN) {
      throw fields.error(
          path,
          "gives "
              + String.format(Locale.ROOT, "%.1f", law.mean())
              + " children per parent row on average; at most "
              + (long) MAX_MEAN
              + " are allowed");
    }

    return law;
  }

  private static long whole(JsonNode node, String path, String name, long min, JsonFields fields) {
    double value = fields.number(node, path, name);
    if (value != Math.rint(value) || value < min || value > MAX_CHILDREN) {
      throw fields.error(
          JsonFields.join(path, name),
          "must be a whole number from " + min + " to " + MAX_CHILDREN + ", got " + value);
    }

    return (long) value;
  }

  private static double positive(
      JsonNode node, String path, String name, double max, JsonFields fields) {
    double value = fields.number(node, path, name);
    if (!(value > 0) || !(value <= max)) {
      throw fields.error(
          JsonFields.join(path, name),
          "must be a finite number > 0 and at most " + (long) max + ", got " + value);
    }

    return value;
  }
}
