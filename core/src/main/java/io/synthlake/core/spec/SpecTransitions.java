package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.StateTransitions;
import io.synthlake.core.model.TableModel;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A sequence column's {@code transitions} and {@code first} (docs/spec-format.md section 11.9): the
 * weights of the next row's category after each category, and of an entity's first row's. Read and
 * checked against the categories the spec writes; built onto the compiled model's column as a
 * {@link StateTransitions} with one matrix per mixture component: a row written here is normalised,
 * every other row (and the null state's) takes that component's own weights of the column, and a
 * null comes with the column's null share in every row. Immutable.
 */
final class SpecTransitions {
  private final JsonFields fields;
  private final String where;
  private final String column;

  /** Per category written, the next row's weights by category; never empty. */
  private final Map<String, Map<String, Double>> rows;

  /** The first row's weights by category, or null for the column's own. */
  private final Map<String, Double> first;

  private SpecTransitions(
      JsonFields fields,
      String where,
      String column,
      Map<String, Map<String, Double>> rows,
      Map<String, Double> first) {
    this.fields = fields;
    this.where = where;
    this.column = column;
    this.rows = rows;
    this.first = first;
  }

  /** Whether column entry {@code column} has a chain. */
  static boolean has(JsonNode column) {
    return column.has("transitions") || column.has("first");
  }

  /**
   * Reads {@code transitions} and {@code first} of column entry {@code column} at {@code where}
   * (the column's path) of table entry {@code entry}.
   */
  static SpecTransitions read(JsonFields fields, JsonNode entry, JsonNode column, String where) {
    String name = column.path("name").asText();
    String field = column.has("transitions") ? "transitions" : "first";
    JsonNode distribution = column.path("distribution");
    boolean givenCategories = column.has("given");
    for (JsonNode each : column.path("distributions")) {
      givenCategories &= "categories".equals(each.path("type").asText());
    }

    if (!"categories".equals(distribution.path("type").asText()) && !givenCategories
        || column.has("key")
        || column.has("expression")
        || column.has("combination")
        || column.has("components")
        || column.has("categories")) {
      throw fields.error(
          where + "." + field,
          "only a column with a categories distribution, such as {type: categories, weights: "
              + "{opened: 0.2, active: 0.7, closed: 0.1}}, moves by transitions; a number column "
              + "takes ar or season instead");
    }

    if (column.has("given") || distribution.has("given")) {
      throw fields.error(
          where + "." + field,
          "a column with given draws its category from a distribution per value of another "
              + "column, which a chain cannot follow yet; remove given");
    }

    if (column.has("ar")) {
      throw fields.error(
          where + "." + field,
          "cannot be used together with ar: a categorical column moves from state to state by its "
              + "transitions, a number column by its ar; remove one of them");
    }

    Set<String> categories = categories(entry, distribution, name);
    if (categories.size() + 1 > StateTransitions.MAX_STATES) {
      throw fields.error(
          where + "." + field,
          name
              + " has "
              + categories.size()
              + " categories; a chain has at most "
              + (StateTransitions.MAX_STATES - 1)
              + ", since its matrix grows with their square");
    }

    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    if (column.has("transitions")) {
      String at = where + ".transitions";
      JsonNode transitions = column.get("transitions");
      if (!transitions.isObject() || transitions.isEmpty()) {
        throw fields.error(
            at,
            "must map a category to the weights of the category of the row after it, such as "
                + "{opened: {opened: 0.3, active: 0.7}, active: {active: 0.9, closed: 0.1}}");
      }

      Iterator<Map.Entry<String, JsonNode>> entries = transitions.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> row = entries.next();
        String path = at + "." + row.getKey();
        checkCategory(fields, categories, row.getKey(), path, name);
        rows.put(row.getKey(), weights(fields, row.getValue(), path, categories, name));
      }
    }

    Map<String, Double> first = null;
    if (column.has("first")) {
      first = weights(fields, column.get("first"), where + ".first", categories, name);
    }

    return new SpecTransitions(fields, where, name, Collections.unmodifiableMap(rows), first);
  }

  /**
   * The categories the spec writes for the column, as the compiled column orders them: its
   * distribution's, then those its components' overrides add.
   */
  private static Set<String> categories(JsonNode entry, JsonNode distribution, String name) {
    Set<String> categories = new LinkedHashSet<>();
    distribution.path("weights").fieldNames().forEachRemaining(categories::add);
    for (JsonNode component : entry.path("components")) {
      component
          .path("distributions")
          .path(name)
          .path("weights")
          .fieldNames()
          .forEachRemaining(categories::add);
    }

    return categories;
  }

  private static void checkCategory(
      JsonFields fields, Set<String> categories, String category, String path, String name) {
    if (!categories.contains(category)) {
      throw fields.error(
          path,
          "'"
              + SynthlakeException.shown(category)
              + "' is not a category of "
              + name
              + "; its categories are "
              + String.join(", ", categories));
    }
  }

  /** One row's weights: categories of the column, each at least 0, not all 0. */
  private static Map<String, Double> weights(
      JsonFields fields, JsonNode node, String path, Set<String> categories, String name) {
    if (!node.isObject()) {
      throw fields.error(
          path,
          "must map categories to weights, such as {active: 0.9, closed: 0.1}; got "
              + JsonFields.show(node));
    }

    Map<String, Double> weights = new LinkedHashMap<>();
    double total = 0;
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> weight = entries.next();
      String at = path + "." + weight.getKey();
      checkCategory(fields, categories, weight.getKey(), at, name);
      JsonNode value = weight.getValue();
      if (!value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
        throw fields.error(at, "must be a weight >= 0, got " + JsonFields.show(value));
      }

      weights.put(weight.getKey(), value.asDouble());
      total += value.asDouble();
    }

    if (!(total > 0)) {
      throw fields.error(
          path,
          "its weights sum to 0, so no category could come next; give at least one a positive "
              + "weight");
    }

    return Collections.unmodifiableMap(weights);
  }

  /** The chain on the compiled model's column, one matrix per mixture component. */
  StateTransitions build(TableModel model) {
    CategoricalColumn categorical = (CategoricalColumn) model.column(column);
    int states = categorical.categories().size() + 1;
    double[][][] matrices = new double[categorical.componentCount()][states + 1][];
    for (int k = 0; k < matrices.length; k++) {
      double nullShare = categorical.nullShare(k);
      double[] own = new double[states];
      own[0] = nullShare;
      double[] probabilities = categorical.probabilities(k);
      for (int c = 0; c < probabilities.length; c++) {
        own[c + 1] = (1 - nullShare) * probabilities[c];
      }

      matrices[k][0] = own;
      for (int c = 1; c < states; c++) {
        Map<String, Double> row = rows.get(categorical.categories().get(c - 1));
        matrices[k][c] =
            row == null
                ? own.clone()
                : row(
                    categorical,
                    k,
                    row,
                    where + ".transitions." + categorical.categories().get(c - 1));
      }

      matrices[k][states] =
          first == null ? own.clone() : row(categorical, k, first, where + ".first");
    }

    return StateTransitions.of(matrices);
  }

  /**
   * A written row in component k: null at the column's null share, the categories sharing the rest
   * in proportion to their weights. A category the component never draws cannot come next, since
   * the chain picks a place in the category's slice of the row's uniform.
   */
  private double[] row(
      CategoricalColumn categorical, int k, Map<String, Double> weights, String at) {
    double nullShare = categorical.nullShare(k);
    double[] probabilities = categorical.probabilities(k);
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double[] row = new double[probabilities.length + 1];
    row[0] = nullShare;
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      int c = categorical.categories().indexOf(weight.getKey());
      if (weight.getValue() > 0 && !(probabilities[c] > 0 && nullShare < 1)) {
        throw fields.error(
            at + "." + weight.getKey(),
            "'"
                + SynthlakeException.shown(weight.getKey())
                + "' has no weight in "
                + column
                + "'s distribution"
                + (categorical.componentCount() > 1 ? " in mixture component " + k : "")
                + ", so no row can hold it; give it a positive weight there (the weights only "
                + "fill the rows the transitions leave out)");
      }

      row[c + 1] = (1 - nullShare) * weight.getValue() / total;
    }

    return row;
  }
}
