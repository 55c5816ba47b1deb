package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns whose values come in allowed combinations: conditional categories ({@code given:
 * country}, where city weights depend on the country) and explicit {@code combination} entries
 * (country with its currency). A group is generated as one hidden categorical column over its
 * tuples, weighted P(root)·P(child | parent)…, and each member is derived from the tuple index
 * ({@link DerivedColumn.Lookup}; spark-job builds the Spark expression). Every row therefore holds
 * an allowed combination, by construction.
 */
final class CategoryGroup {
  /** More tuples than this would make the hidden column's model unwieldy. */
  private static final int MAX_TUPLES = 100_000;

  private final String hiddenName;
  private final List<String> members;
  private final List<DataType> types;
  private final List<List<String>> tuples;
  private final List<Double> weights;
  private final double nullShare;
  private final String where;

  private CategoryGroup(
      String hiddenName,
      List<String> members,
      List<DataType> types,
      List<List<String>> tuples,
      List<Double> weights,
      double nullShare,
      String where) {
    this.hiddenName = hiddenName;
    this.members = members;
    this.types = types;
    this.tuples = tuples;
    this.weights = weights;
    this.nullShare = nullShare;
    this.where = where;
  }

  String hiddenName() {
    return hiddenName;
  }

  List<String> members() {
    return members;
  }

  /** The hidden tuple-index column, the same in every component. */
  ColumnModel hiddenColumn(int components) {
    List<String> categories = new ArrayList<>();
    double[] p = new double[tuples.size()];
    double total = weights.stream().mapToDouble(Double::doubleValue).sum();
    for (int t = 0; t < tuples.size(); t++) {
      categories.add(Integer.toString(t));
      p[t] = weights.get(t) / total;
    }

    List<double[]> probabilities = new ArrayList<>();
    double[] nullShares = new double[components];
    for (int k = 0; k < components; k++) {
      probabilities.add(p);
      nullShares[k] = nullShare;
    }

    return CategoricalColumn.of(
        hiddenName,
        DataType.of(LogicalType.INT),
        ColumnKind.CATEGORICAL,
        categories,
        probabilities,
        nullShares,
        null);
  }

  /** One member, described as a lookup of its values by the hidden tuple index. */
  DerivedColumn memberColumn(String member, JsonFields fields) {
    int position = members.indexOf(member);
    DataType type = types.get(position);
    List<Object> values = new ArrayList<>();
    for (List<String> tuple : tuples) {
      values.add(typed(tuple.get(position), type));
    }

    return DerivedColumn.lookup(member, type, hiddenName, values, fields.where(where));
  }

  /** A value already checked by {@link Values#parse}, as {@link DerivedColumn.Lookup} types it. */
  private static Object typed(String value, DataType type) {
    String trimmed = value.trim();
    switch (type.logicalType()) {
      case STRING:
        return value;
      case BOOLEAN:
        return Boolean.parseBoolean(trimmed);
      case DATE:
        return LocalDate.parse(trimmed);
      case TIMESTAMP:
        return Instant.parse(trimmed);
      case TIMESTAMP_NTZ:
        return LocalDateTime.parse(trimmed);
      default:
        BigDecimal number;
        try {
          number = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
          // Java number forms that BigDecimal does not read (1d, hexadecimal) are still finite
          // doubles.
          number = new BigDecimal(Double.toString(Double.parseDouble(trimmed)));
        }

        return number.scale() < 0 ? number.setScale(0) : number;
    }
  }

  // ---------------------------------------------------------------- discovery

  /** Explicit combination entries' member names, in order. */
  static List<String> combinationMembers(JsonNode entry, String path, JsonFields fields) {
    JsonNode columns = fields.array(entry.get("combination"), path + ".combination", "columns");
    List<String> names = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      names.add(fields.string(columns.get(c), path + ".combination.columns[" + c + "]", "name"));
    }

    return names;
  }

  static List<CategoryGroup> find(
      JsonNode columns, JsonFields fields, List<Map<String, JsonNode>> overrides) {
    List<CategoryGroup> groups = new ArrayList<>();
    Map<String, Integer> categoricalIndex = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      JsonNode node = columns.get(i);
      String path = "columns[" + i + "]";
      if (node.has("combination")) {
        groups.add(combination(node, path, fields));
      } else if (node.path("distribution").path("type").asText().equals("categories")
          && node.has("name")) {
        categoricalIndex.put(node.get("name").asText(), i);
      }
    }

    Map<String, List<String>> children = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> entry : categoricalIndex.entrySet()) {
      JsonNode distribution = columns.get(entry.getValue()).get("distribution");
      if (distribution.has("given")) {
        String path = "columns[" + entry.getValue() + "].distribution.given";
        String parent = distribution.get("given").asText();
        if (!categoricalIndex.containsKey(parent)) {
          throw fields.error(
              path,
              "'"
                  + SynthlakeException.shown(parent)
                  + "' is not a column with a categories distribution");
        }

        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(entry.getKey());
      }
    }

    for (Map.Entry<String, Integer> entry : categoricalIndex.entrySet()) {
      JsonNode root = columns.get(entry.getValue());
      if (!root.get("distribution").has("given") && children.containsKey(entry.getKey())) {
        groups.add(
            conditional(entry.getKey(), columns, categoricalIndex, children, fields, overrides));
      }
    }

    // A given-chain whose every member names a parent has no root: a cycle.
    int grouped = 0;
    for (CategoryGroup group : groups) {
      grouped += group.members.size();
    }

    for (Map.Entry<String, Integer> entry : categoricalIndex.entrySet()) {
      boolean member = groups.stream().anyMatch(g -> g.members.contains(entry.getKey()));
      if (!member && columns.get(entry.getValue()).get("distribution").has("given")) {
        throw fields.error(
            "columns[" + entry.getValue() + "].distribution.given",
            "the given-chain through '"
                + entry.getKey()
                + "' is a cycle; one column of it must have unconditional weights");
      }
    }

    return grouped == 0 ? List.of() : groups;
  }

  private static CategoryGroup combination(JsonNode entry, String path, JsonFields fields) {
    JsonNode combination = entry.get("combination");
    String at = path + ".combination";
    fields.onlyFields(combination, at, "columns", "values", "weights", "null-share");
    JsonNode columns = fields.array(combination, at, "columns");
    List<String> names = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      String columnPath = at + ".columns[" + c + "]";
      fields.onlyFields(columns.get(c), columnPath, "name", "type");
      names.add(fields.string(columns.get(c), columnPath, "name"));
      types.add(
          DataType.parse(
              fields.string(columns.get(c), columnPath, "type"),
              fields.where(columnPath + ".type")));
    }

    if (names.size() < 2) {
      throw fields.error(at + ".columns", "a combination needs two or more columns");
    }

    JsonNode values = fields.array(combination, at, "values");
    double[] weights = fields.numbers(combination, at, "weights");
    if (values.size() == 0 || values.size() != weights.length) {
      throw fields.error(
          at + ".weights",
          "needs one weight per combination in values: "
              + values.size()
              + " values, "
              + weights.length
              + " weights");
    }

    List<List<String>> tuples = new ArrayList<>();
    List<Double> tupleWeights = new ArrayList<>();
    double total = 0;
    for (int t = 0; t < values.size(); t++) {
      String tuplePath = at + ".values[" + t + "]";
      JsonNode tuple = values.get(t);
      if (!tuple.isArray() || tuple.size() != names.size()) {
        throw fields.error(
            tuplePath,
            "must list "
                + names.size()
                + " values, one per column "
                + SynthlakeException.shown(names));
      }

      List<String> row = new ArrayList<>();
      for (int c = 0; c < names.size(); c++) {
        row.add(checked(tuple.get(c).asText(), types.get(c), tuplePath + "[" + c + "]", fields));
      }

      if (!(weights[t] >= 0)) {
        throw fields.error(at + ".weights[" + t + "]", "must be >= 0, got " + weights[t]);
      }

      tuples.add(row);
      tupleWeights.add(weights[t]);
      total += weights[t];
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw fields.error(at + ".weights", "probabilities must sum to 1, got " + total);
    }

    double nullShare =
        combination.has("null-share") ? fields.number(combination, at, "null-share") : 0;
    return new CategoryGroup(
        "__combination_" + names.get(0), names, types, tuples, tupleWeights, nullShare, at);
  }

  private static CategoryGroup conditional(
      String root,
      JsonNode columns,
      Map<String, Integer> index,
      Map<String, List<String>> children,
      JsonFields fields,
      List<Map<String, JsonNode>> overrides) {
    List<String> members = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    List<List<String>> tuples = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    String rootPath = "columns[" + index.get(root) + "]";
    JsonNode rootNode = columns.get(index.get(root));
    members.add(root);
    types.add(
        DataType.parse(
            fields.string(rootNode, rootPath, "type"), fields.where(rootPath + ".type")));
    Map<String, Double> rootWeights =
        weights(
            rootNode.get("distribution").get("weights"),
            rootPath + ".distribution.weights",
            fields);
    for (Map.Entry<String, Double> entry : rootWeights.entrySet()) {
      tuples.add(
          new ArrayList<>(
              List.of(
                  checked(
                      entry.getKey(),
                      types.get(0),
                      rootPath + ".distribution.weights." + entry.getKey(),
                      fields))));
      weights.add(entry.getValue());
    }

    for (int next = 0; next < members.size(); next++) {
      for (String child : children.getOrDefault(members.get(next), List.of())) {
        int parentPosition = next;
        String path = "columns[" + index.get(child) + "]";
        JsonNode node = columns.get(index.get(child));
        for (int k = 0; k < overrides.size(); k++) {
          if (overrides.get(k).containsKey(child) || overrides.get(k).containsKey(root)) {
            throw fields.error(
                "components[" + k + "].distributions",
                "'"
                    + (overrides.get(k).containsKey(child) ? child : root)
                    + "' belongs to a given-chain, whose weights cannot be overridden per component yet");
          }
        }

        if (node.has("null-share") && node.get("null-share").asDouble() > 0) {
          throw fields.error(
              path + ".null-share",
              "a conditional column is null exactly when its root '"
                  + SynthlakeException.shown(root)
                  + "' is; set null-share there");
        }

        DataType type =
            DataType.parse(fields.string(node, path, "type"), fields.where(path + ".type"));
        JsonNode byParent = node.get("distribution").get("weights");
        String weightsPath = path + ".distribution.weights";
        if (byParent == null || !byParent.isObject()) {
          throw fields.error(
              weightsPath,
              "must map each value of '"
                  + SynthlakeException.shown(members.get(parentPosition))
                  + "' to weights, like {US: {Boston: 0.5, Austin: 0.5}}");
        }

        List<List<String>> expanded = new ArrayList<>();
        List<Double> expandedWeights = new ArrayList<>();
        for (int t = 0; t < tuples.size(); t++) {
          String parentValue = tuples.get(t).get(parentPosition);
          JsonNode conditional = byParent.get(parentValue);
          if (conditional == null) {
            throw fields.error(
                weightsPath,
                "has no weights for "
                    + members.get(parentPosition)
                    + " '"
                    + SynthlakeException.shown(parentValue)
                    + "'");
          }

          for (Map.Entry<String, Double> entry :
              weights(conditional, weightsPath + "." + parentValue, fields).entrySet()) {
            List<String> tuple = new ArrayList<>(tuples.get(t));
            tuple.add(
                checked(
                    entry.getKey(),
                    type,
                    weightsPath + "." + parentValue + "." + entry.getKey(),
                    fields));
            expanded.add(tuple);
            expandedWeights.add(weights.get(t) * entry.getValue());
            if (expanded.size() > MAX_TUPLES) {
              throw fields.error(
                  weightsPath, "the given-chain has more than " + MAX_TUPLES + " combinations");
            }
          }
        }

        Iterator<String> names = byParent.fieldNames();
        while (names.hasNext()) {
          String parentValue = names.next();
          if (tuples.stream().noneMatch(tuple -> tuple.get(parentPosition).equals(parentValue))) {
            throw fields.error(
                weightsPath + "." + parentValue,
                "is not a value of '"
                    + SynthlakeException.shown(members.get(parentPosition))
                    + "'");
          }
        }

        members.add(child);
        types.add(type);
        tuples = expanded;
        weights = expandedWeights;
      }
    }

    double nullShare =
        rootNode.has("null-share") ? fields.number(rootNode, rootPath, "null-share") : 0;
    return new CategoryGroup(
        "__" + root + "_given",
        members,
        types,
        tuples,
        weights,
        nullShare,
        rootPath + ".distribution");
  }

  private static Map<String, Double> weights(JsonNode node, String path, JsonFields fields) {
    if (node == null || !node.isObject() || node.size() == 0) {
      throw fields.error(path, "must map each value to its probability");
    }

    Map<String, Double> result = new LinkedHashMap<>();
    double total = 0;
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (!entry.getValue().isNumber() || !(entry.getValue().asDouble() >= 0)) {
        throw fields.error(
            path + "." + entry.getKey(),
            "must be a probability >= 0, got " + JsonFields.show(entry.getValue()));
      }

      result.put(entry.getKey(), entry.getValue().asDouble());
      total += entry.getValue().asDouble();
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw fields.error(path, "probabilities must sum to 1, got " + total);
    }

    return result;
  }

  private static String checked(String value, DataType type, String path, JsonFields fields) {
    if (type.logicalType() != LogicalType.STRING) {
      Values.parse(value, type, fields.where(path));
    }

    return value;
  }
}
