package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.format.KeyJson;
import io.synthlake.core.format.ModelJson;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The check step: everything about a spec that holds for any seed and row count. Top-level fields,
 * format and version, components, unique column names and each column's form; keys, fitted columns
 * and expressions are complete here, given-chains and combinations are expanded; spec columns are
 * left for {@link SpecBuilder}.
 */
final class SpecChecker {
  private final SpecDocument document;
  private final JsonFields fields;

  private SpecChecker(SpecDocument document) {
    this.document = document;
    this.fields = document.fields();
  }

  static SpecPlan check(SpecDocument document) {
    return new SpecChecker(document).plan();
  }

  private SpecPlan plan() {
    JsonNode root = document.root();
    fields.onlyFields(
        root,
        "",
        "format",
        "format-version",
        "properties",
        "columns",
        "dependence",
        "components",
        "constraints",
        "rebalance",
        "derived",
        SpecEdgeCases.FIELD);
    if (root.has("format") && !ModelJson.FORMAT.equals(root.get("format").asText())) {
      throw fields.error(
          "format",
          "must be "
              + ModelJson.FORMAT
              + " (or left out), got "
              + JsonFields.show(root.get("format")));
    }

    long version = root.has("format-version") ? fields.longNumber(root, "", "format-version") : 1;
    if (version < ModelJson.OLDEST_VERSION || version > ModelJson.FORMAT_VERSION) {
      throw fields.error(
          "format-version",
          "this synthlake reads versions "
              + ModelJson.OLDEST_VERSION
              + " to "
              + ModelJson.FORMAT_VERSION
              + ", got "
              + JsonFields.show(root.get("format-version")));
    }

    JsonNode dependence = root.get("dependence");
    boolean fittedDependence = dependence != null && dependence.has("type");
    JsonNode specComponents = root.get("components");
    if (fittedDependence && specComponents != null) {
      throw fields.error(
          "components",
          "cannot be combined with a fitted dependence (dependence.type); edit the fitted components instead");
    }

    double[] weights =
        fittedDependence ? fittedWeights(dependence) : componentWeights(specComponents);
    List<Map<String, JsonNode>> overrides = componentOverrides(specComponents, weights.length);
    List<SpecDocument.Entry> entries = document.columns();

    List<SpecPlan.Slot> slots = new ArrayList<>();
    List<DerivedColumn> derived = new ArrayList<>();
    List<String> order = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> specFormColumns = new HashSet<>();
    List<CategoryGroup> groups = CategoryGroup.find(document.columnsNode(), fields, overrides);
    Map<String, CategoryGroup> groupOf = new HashMap<>();
    for (CategoryGroup group : groups) {
      group.members().forEach(member -> groupOf.put(member, group));
    }

    for (SpecDocument.Entry entry : entries) {
      String path = entry.path();
      JsonNode node = entry.node();
      if (node.has("combination")) {
        fields.onlyFields(node, path, "combination");
        CategoryGroup group =
            groupOf.get(CategoryGroup.combinationMembers(node, path, fields).get(0));
        slots.add(new SpecPlan.Hidden(group));
        for (String member : group.members()) {
          if (!names.add(member)) {
            throw fields.error(
                path + ".combination.columns",
                "'"
                    + SynthlakeException.shown(member)
                    + "' is used by two columns; column names must be unique");
          }

          order.add(member);
          derived.add(group.memberColumn(member, fields));
        }

        continue;
      }

      String name = fields.string(node, path, "name");
      if (!names.add(name)) {
        throw fields.error(
            path + ".name",
            "'"
                + SynthlakeException.shown(name)
                + "' is used by two columns; column names must be unique");
      }

      order.add(name);
      if (document.setColumns().contains(name)) {
        continue; // written beside the model's columns (SpecSequence checked it)
      }

      if (groupOf.containsKey(name)) {
        CategoryGroup group = groupOf.get(name);
        if (group.members().get(0).equals(name)) {
          slots.add(new SpecPlan.Hidden(group));
        }

        derived.add(group.memberColumn(name, fields));
        continue;
      }

      DataType type =
          DataType.parse(fields.string(node, path, "type"), fields.where(path + ".type"));
      if (node.has("expression")) {
        fields.onlyFields(node, path, "name", "type", "expression");
        derived.add(expressionColumn(node, path, name, type));
      } else if (node.has("key")) {
        fields.onlyFields(node, path, "name", "type", "kind", "key");
        try {
          slots.add(
              new SpecPlan.Built(
                  KeyJson.read(
                      node.get("key"), path + ".key", name, type, fields, KeyJson.Form.SPEC)));
        } catch (InvalidModelException
            | NumberFormatException e) { // NumberFormatException: a pattern's width
          throw fields.error(path + ".key", e.getMessage());
        }
      } else if (node.has("components") || node.has("categories")) {
        ColumnModel fitted = ModelJson.readColumn(node, path, fields);
        requireComponents(fitted, weights.length, path);
        slots.add(new SpecPlan.Built(fitted));
      } else {
        fields.onlyFields(
            node,
            path,
            "name",
            "type",
            "kind",
            "distribution",
            "null-share",
            "min",
            "max",
            "decimals",
            "step");
        slots.add(new SpecPlan.ToBuild(path, node, name, type));
        specFormColumns.add(name);
      }
    }

    for (int k = 0; k < overrides.size(); k++) {
      for (String name : overrides.get(k).keySet()) {
        if (!names.contains(name)) {
          throw fields.error(
              "components[" + k + "].distributions." + name, "names no column of the spec");
        }

        if (!specFormColumns.contains(name)) {
          throw fields.error(
              "components[" + k + "].distributions." + name,
              "'"
                  + SynthlakeException.shown(name)
                  + "' is a key, an expression or a "
                  + "fitted column; only columns with a distribution can be overridden per component");
        }
      }
    }

    Map<String, String> properties = new LinkedHashMap<>();
    if (root.has("properties")) {
      root.get("properties")
          .fields()
          .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    } else {
      properties.put("created-by", "synthlake spec " + document.source());
    }

    if (slots.isEmpty()) {
      throw fields.error("columns", "needs at least one column that is not an expression");
    }

    if (root.has("rebalance") && fittedDependence && dependence.has("rebalance")) {
      throw fields.error(
          "rebalance",
          "the fitted dependence already rebalances "
              + JsonFields.show(dependence.get("rebalance").path("column"))
              + "; keep one of the two");
    }

    return new SpecPlan(
        document.source(),
        fields,
        root,
        dependence,
        fittedDependence,
        weights,
        overrides,
        document.overridePaths(),
        slots,
        groupOf,
        names,
        derived,
        order,
        properties,
        usesRows(root),
        usesFaker(root));
  }

  // ---------------------------------------------------------------- what a build depends on

  /**
   * Whether any text of the document (properties aside) could be read as {@code rows}, {@code rows
   * / k} or {@code rows * f}.
   */
  private static boolean usesRows(JsonNode root) {
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("properties")
          && anyText(field.getValue(), DistributionReader.ROWS)) {
        return true;
      }
    }

    return false;
  }

  private static boolean anyText(JsonNode node, Pattern pattern) {
    if (node.isTextual()) {
      return pattern.matcher(node.asText()).matches();
    }

    for (JsonNode child : node) {
      if (anyText(child, pattern)) {
        return true;
      }
    }

    return false;
  }

  /**
   * Whether any mapping of the document has {@code type: faker}, whose pool is drawn with the seed.
   */
  private static boolean usesFaker(JsonNode node) {
    if (node.isObject() && "faker".equals(node.path("type").asText())) {
      return true;
    }

    for (JsonNode child : node) {
      if (usesFaker(child)) {
        return true;
      }
    }

    return false;
  }

  // ---------------------------------------------------------------- components

  private double[] fittedWeights(JsonNode dependence) {
    JsonNode components = fields.array(dependence, "dependence", "components");
    double[] weights = new double[components.size()];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = fields.number(components.get(k), "dependence.components[" + k + "]", "weight");
    }

    return weights;
  }

  private double[] componentWeights(JsonNode components) {
    if (components == null) {
      return new double[] {1.0};
    }

    if (!components.isArray() || components.size() == 0) {
      throw fields.error("components", "must be a non-empty list of {weight, distributions}");
    }

    double[] weights = new double[components.size()];
    double total = 0;
    for (int k = 0; k < weights.length; k++) {
      String path = "components[" + k + "]";
      fields.onlyFields(components.get(k), path, "name", "weight", "distributions");
      weights[k] = fields.number(components.get(k), path, "weight");
      if (!(weights[k] > 0)) {
        throw fields.error(path + ".weight", "must be > 0, got " + weights[k]);
      }

      total += weights[k];
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw fields.error("components", "weights must sum to 1, got " + total);
    }

    return weights;
  }

  private List<Map<String, JsonNode>> componentOverrides(JsonNode components, int count) {
    List<Map<String, JsonNode>> overrides = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      Map<String, JsonNode> byColumn = new LinkedHashMap<>();
      JsonNode distributions = components == null ? null : components.get(k).get("distributions");
      if (distributions != null) {
        distributions.fields().forEachRemaining(e -> byColumn.put(e.getKey(), e.getValue()));
      }

      overrides.add(byColumn);
    }

    return overrides;
  }

  private void requireComponents(ColumnModel column, int components, String path) {
    int count =
        column instanceof NumericColumn
            ? ((NumericColumn) column).components().size()
            : column instanceof CategoricalColumn
                ? ((CategoricalColumn) column).componentCount()
                : components;
    if (count != components) {
      throw fields.error(
          path + ".components",
          "has " + count + " entries but the spec has " + components + " mixture components");
    }
  }

  // ---------------------------------------------------------------- expressions

  private DerivedColumn expressionColumn(JsonNode node, String path, String name, DataType type) {
    String expression = fields.string(node, path, "expression").trim();
    if (expression.isEmpty()) {
      throw fields.error(path + ".expression", "must not be empty");
    }

    return DerivedColumn.expression(name, type, expression, fields.where(path + ".expression"));
  }
}
