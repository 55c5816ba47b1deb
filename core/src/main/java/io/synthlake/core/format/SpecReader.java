package io.synthlake.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.math.Correlations;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.DependenceModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.DerivedColumn;
import io.synthlake.core.spec.Spec;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads specs: YAML or JSON documents in the model format, where a column may also be written by hand as a
 * {@code distribution}, a {@code key} or a Spark SQL {@code expression}, and mixture {@code components} may override
 * distributions per component. A fitted model file is a valid spec; editing one replaces, adds or drops columns.
 * Every error names the field path: {@code conf/banking.yaml: columns[3].distribution.sigma: must be > 0, got -1}.
 * Documented in docs/spec-format.md.
 */
public final class SpecReader {
  private static final Pattern SEQUENCE_PATTERN = Pattern.compile("(.*)%0?(\\d*)d");
  /** Spark seeds these per partition, so rows would change with the partition count. */


  private final String source;
  private final JsonFields fields;
  private final DistributionReader distributions;

  private SpecReader(String source, long seed, long rows) {
    this.source = source;
    this.fields = new JsonFields(source);
    this.distributions = new DistributionReader(fields, seed, rows);
  }

  /**
   * @param seed seeds Datafaker pools, so that a spec and a seed fix every generated value
   * @param rows the row count of this generation, for values written as {@code rows / 10} (0 when unknown)
   */
  public static Spec read(String text, String source, long seed, long rows) {
    boolean yaml = source.endsWith(".yaml") || source.endsWith(".yml") || !text.stripLeading().startsWith("{");
    JsonNode root = DocumentParser.parse(text, source, yaml, "YAML or JSON", "fix the syntax");

    SpecReader reader = new SpecReader(source, seed, rows);
    try {
      return reader.spec(root);
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of("%s: %s", source, e.getMessage());
    } catch (SynthlakeException e) {
      throw e.getMessage().startsWith(source) ? e : new SynthlakeException(source + ": " + e.getMessage(), e);
    }
  }

  private Spec spec(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw fields.error("(document)", "must be a mapping with a 'columns' list");
    }

    fields.onlyFields(root, "", "format", "format-version", "properties", "columns", "dependence", "components", "constraints", "rebalance");
    if (root.has("format") && !ModelJson.FORMAT.equals(root.get("format").asText())) {
      throw fields.error("format", "must be " + ModelJson.FORMAT + " (or left out), got " + JsonFields.show(root.get("format")));
    }

    if (root.has("format-version") && fields.longNumber(root, "", "format-version") != ModelJson.FORMAT_VERSION) {
      throw fields.error("format-version", "this synthlake reads version " + ModelJson.FORMAT_VERSION + ", got " + JsonFields.show(root.get("format-version")));
    }

    JsonNode dependence = root.get("dependence");
    boolean fittedDependence = dependence != null && dependence.has("type");
    JsonNode specComponents = root.get("components");
    if (fittedDependence && specComponents != null) {
      throw fields.error("components", "cannot be combined with a fitted dependence (dependence.type); edit the fitted components instead");
    }

    double[] weights = fittedDependence ? fittedWeights(dependence) : componentWeights(specComponents);
    List<Map<String, JsonNode>> overrides = componentOverrides(specComponents, weights.length);

    JsonNode columnsNode = fields.array(root, "", "columns");
    if (columnsNode.size() == 0) {
      throw fields.error("columns", "must list at least one column");
    }

    List<ColumnModel> columns = new ArrayList<>();
    List<DerivedColumn> derived = new ArrayList<>();
    List<String> order = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> specFormColumns = new HashSet<>();
    List<CategoryGroup> groups = CategoryGroup.find(columnsNode, fields, overrides);
    Map<String, CategoryGroup> groupOf = new HashMap<>();
    for (CategoryGroup group : groups) {
      group.members().forEach(member -> groupOf.put(member, group));
    }

    for (int i = 0; i < columnsNode.size(); i++) {
      String path = "columns[" + i + "]";
      JsonNode node = columnsNode.get(i);
      if (node.has("combination")) {
        fields.onlyFields(node, path, "combination");
        CategoryGroup group = groupOf.get(CategoryGroup.combinationMembers(node, path, fields).get(0));
        columns.add(group.hiddenColumn(weights.length));
        for (String member : group.members()) {
          if (!names.add(member)) {
            throw fields.error(path + ".combination.columns", "'" + SynthlakeException.shown(member) + "' is used by two columns; column names must be unique");
          }

          order.add(member);
          derived.add(group.memberColumn(member, source));
        }

        continue;
      }

      String name = fields.string(node, path, "name");
      if (groupOf.containsKey(name)) {
        if (!names.add(name)) {
          throw fields.error(path + ".name", "'" + SynthlakeException.shown(name) + "' is used by two columns; column names must be unique");
        }

        CategoryGroup group = groupOf.get(name);
        if (group.members().get(0).equals(name)) {
          columns.add(group.hiddenColumn(weights.length));
        }

        order.add(name);
        derived.add(group.memberColumn(name, source));
        continue;
      }

      if (!names.add(name)) {
        throw fields.error(path + ".name", "'" + SynthlakeException.shown(name) + "' is used by two columns; column names must be unique");
      }

      order.add(name);
      DataType type = DataType.parse(fields.string(node, path, "type"), source + ": " + path + ".type");
      if (node.has("expression")) {
        fields.onlyFields(node, path, "name", "type", "expression");
        derived.add(derivedColumn(node, path, name, type));
      } else if (node.has("key")) {
        fields.onlyFields(node, path, "name", "type", "kind", "key");
        columns.add(key(node.get("key"), path + ".key", name, type));
      } else if (node.has("components") || node.has("categories")) {
        ColumnModel fitted = ModelJson.readColumn(node, path, fields);
        requireComponents(fitted, weights.length, path);
        columns.add(fitted);
      } else {
        columns.add(specColumn(node, path, name, type, overrides));
        specFormColumns.add(name);
      }
    }

    for (int k = 0; k < overrides.size(); k++) {
      for (String name : overrides.get(k).keySet()) {
        if (!names.contains(name)) {
          throw fields.error("components[" + k + "].distributions." + name, "names no column of the spec");
        }

        if (!specFormColumns.contains(name)) {
          throw fields.error("components[" + k + "].distributions." + name, "'" + SynthlakeException.shown(name) + "' is a key, an expression or a "
              + "fitted column; only columns with a distribution can be overridden per component");
        }
      }
    }

    List<String> copulaColumns = new ArrayList<>();
    for (ColumnModel column : columns) {
      if (column.kind().inCopula()) {
        copulaColumns.add(column.name());
      }
    }

    List<double[][]> correlations = fittedDependence
        ? fittedCorrelations(dependence, copulaColumns)
        : specCorrelations(dependence, copulaColumns, weights.length, groupOf);
    Map<String, String> properties = new LinkedHashMap<>();
    if (root.has("properties")) {
      root.get("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    } else {
      properties.put("created-by", "synthlake spec " + source);
    }

    if (columns.isEmpty()) {
      throw fields.error("columns", "needs at least one column that is not an expression");
    }

    GaussianCopulaMixture mixture = GaussianCopulaMixture.of(weights, correlations);
    JsonNode rebalance = root.has("rebalance") ? root.get("rebalance") : fittedDependence ? dependence.get("rebalance") : null;
    if (root.has("rebalance") && fittedDependence && dependence.has("rebalance")) {
      throw fields.error("rebalance", "the fitted dependence already rebalances " + JsonFields.show(dependence.get("rebalance").path("column"))
          + "; keep one of the two");
    }

    DependenceModel model = rebalance == null ? mixture
        : ModelJson.rebalance(mixture, columns, rebalance, root.has("rebalance") ? "rebalance" : "dependence.rebalance", fields);
    return new Spec(TableModel.of(columns, model, properties), derived, order,
        orderConstraints(root.get("constraints"), names, columns, derived));
  }

  /** {@code constraints: [{order: [opened_at, closed_at]}]}: each group ascending in every row. */
  private List<List<String>> orderConstraints(JsonNode constraints, Set<String> names, List<ColumnModel> models,
      List<DerivedColumn> derived) {
    Map<String, DataType> types = new HashMap<>();
    Map<String, NumericColumn> numeric = new HashMap<>();
    for (ColumnModel column : models) {
      types.put(column.name(), column.type());
      if (column instanceof NumericColumn) {
        numeric.put(column.name(), (NumericColumn) column);
      }
    }

    for (DerivedColumn column : derived) {
      types.put(column.name(), column.type());
    }

    List<List<String>> result = new ArrayList<>();
    if (constraints == null) {
      return result;
    }

    if (!constraints.isArray()) {
      throw fields.error("constraints", "must be a list such as [{order: [opened_at, closed_at]}]");
    }

    for (int i = 0; i < constraints.size(); i++) {
      String path = "constraints[" + i + "]";
      fields.onlyFields(constraints.get(i), path, "order");
      List<String> columns = fields.strings(constraints.get(i), path, "order");
      if (columns.size() < 2 || new HashSet<>(columns).size() != columns.size()) {
        throw fields.error(path + ".order", "must name two or more different columns, got " + SynthlakeException.shown(columns));
      }

      for (String column : columns) {
        if (!names.contains(column)) {
          throw fields.error(path + ".order", "names no column of the spec: '" + SynthlakeException.shown(column) + "'");
        }
      }

      requireComparable(columns, types, path + ".order");
      requireSatisfiable(columns, numeric, path + ".order");
      result.add(columns);
    }

    return result;
  }

  /** Sorting compares values, so the columns of one order constraint hold one sort of value. */
  private void requireComparable(List<String> columns, Map<String, DataType> types, String path) {
    String first = columns.get(0);
    for (String column : columns.subList(1, columns.size())) {
      if (!valueSort(types.get(first)).equals(valueSort(types.get(column)))) {
        throw fields.error(path, "'" + SynthlakeException.shown(first) + "' (" + types.get(first) + ") and '"
            + SynthlakeException.shown(column) + "' (" + types.get(column) + ") hold different sorts of values, which "
            + "cannot be ordered; order columns of one sort (numbers, dates, timestamps, strings or booleans)");
      }
    }
  }

  private static String valueSort(DataType type) {
    LogicalType logical = type.logicalType();
    return logical.isNumeric() && !logical.isTemporal() ? "number" : logical.jsonName();
  }

  /**
   * A constraint that no row of the declared distributions can meet is an error, not a silent swap of the columns'
   * ranges: for a listed before b, the smallest value a can take must not exceed the largest b can take.
   */
  private void requireSatisfiable(List<String> columns, Map<String, NumericColumn> numeric, String path) {
    for (int i = 0; i < columns.size(); i++) {
      for (int j = i + 1; j < columns.size(); j++) {
        NumericColumn lower = numeric.get(columns.get(i));
        NumericColumn upper = numeric.get(columns.get(j));
        if (lower != null && upper != null && lower.format().min() > upper.format().max()) {
          throw fields.error(path, "'" + SynthlakeException.shown(lower.name()) + "' is at least " + lower.format().min()
              + " in every row but '" + SynthlakeException.shown(upper.name()) + "' at most " + upper.format().max()
              + ", so the order can never hold and sorting would swap the two columns' ranges; fix the distributions or "
              + "the order of the columns in the constraint");
        }
      }
    }
  }

  // ---------------------------------------------------------------- components and dependence

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

  /** Fitted correlations, restricted to the columns still present; added columns are independent. */
  private List<double[][]> fittedCorrelations(JsonNode dependence, List<String> copulaColumns) {
    fields.onlyFields(dependence, "dependence", "type", "columns", "components", "rebalance");
    List<String> fitted = fields.strings(dependence, "dependence", "columns");
    JsonNode components = fields.array(dependence, "dependence", "components");
    List<double[][]> result = new ArrayList<>();
    for (int k = 0; k < components.size(); k++) {
      String path = "dependence.components[" + k + "]";
      fields.onlyFields(components.get(k), path, "weight", "correlation");
      JsonNode rows = fields.array(components.get(k), path, "correlation");
      if (rows.size() != fitted.size()) {
        throw fields.error(path + ".correlation", "has " + rows.size() + " rows but dependence.columns names " + fitted.size()
            + " columns; the matrix must be d x d for the d columns listed");
      }

      double[][] fittedMatrix = new double[fitted.size()][];
      for (int r = 0; r < fitted.size(); r++) {
        fittedMatrix[r] = fields.numberArray(rows.get(r), path + ".correlation[" + r + "]");
        if (fittedMatrix[r].length != fitted.size()) {
          throw fields.error(path + ".correlation[" + r + "]", "has " + fittedMatrix[r].length + " entries but dependence.columns "
              + "names " + fitted.size() + " columns; the matrix must be d x d for the d columns listed");
        }
      }

      double[][] matrix = identity(copulaColumns.size());
      for (int a = 0; a < copulaColumns.size(); a++) {
        for (int b = 0; b < copulaColumns.size(); b++) {
          int fa = fitted.indexOf(copulaColumns.get(a));
          int fb = fitted.indexOf(copulaColumns.get(b));
          if (a != b && fa >= 0 && fb >= 0) {
            matrix[a][b] = fittedMatrix[fa][fb];
          }
        }
      }

      result.add(matrix);
    }

    return result;
  }

  /** {@code dependence: {correlations: [{columns: [a, b], value: 0.6}, …]}}, the same for every component. */
  private List<double[][]> specCorrelations(JsonNode dependence, List<String> copulaColumns, int components,
      Map<String, CategoryGroup> groupOf) {
    double[][] matrix = identity(copulaColumns.size());
    if (dependence != null) {
      fields.onlyFields(dependence, "dependence", "correlations");
      JsonNode entries = fields.array(dependence, "dependence", "correlations");
      for (int i = 0; i < entries.size(); i++) {
        String path = "dependence.correlations[" + i + "]";
        fields.onlyFields(entries.get(i), path, "columns", "value");
        List<String> pair = fields.strings(entries.get(i), path, "columns");
        if (pair.size() != 2 || pair.get(0).equals(pair.get(1))) {
          throw fields.error(path + ".columns", "must name two different columns, got " + SynthlakeException.shown(pair));
        }

        // A conditional or combined column takes part through its group's hidden tuple column.
        int a = copulaColumns.indexOf(groupOf.containsKey(pair.get(0)) ? groupOf.get(pair.get(0)).hiddenName() : pair.get(0));
        int b = copulaColumns.indexOf(groupOf.containsKey(pair.get(1)) ? groupOf.get(pair.get(1)).hiddenName() : pair.get(1));
        if (a == b && a >= 0) {
          throw fields.error(path + ".columns", "both columns belong to one combination, whose dependence is fixed by its weights");
        }

        for (int side = 0; side < 2; side++) {
          if ((side == 0 ? a : b) < 0) {
            throw fields.error(path + ".columns", "'" + SynthlakeException.shown(pair.get(side)) + "' is not a generated column of the spec (keys and expressions have no correlation)");
          }
        }

        double value = fields.number(entries.get(i), path, "value");
        if (!(value > -1 && value < 1)) {
          throw fields.error(path + ".value", "must lie strictly between -1 and 1, got " + value);
        }

        matrix[a][b] = value;
        matrix[b][a] = value;
      }

      try {
        Correlations.cholesky(matrix);
      } catch (IllegalArgumentException e) {
        throw fields.error("dependence.correlations", "these correlations cannot hold together (the matrix is not positive "
            + "definite); weaken some of them");
      }
    }

    List<double[][]> result = new ArrayList<>();
    for (int k = 0; k < components; k++) {
      result.add(matrix);
    }

    return result;
  }

  private static double[][] identity(int d) {
    double[][] matrix = new double[d][d];
    for (int i = 0; i < d; i++) {
      matrix[i][i] = 1;
    }

    return matrix;
  }

  private void requireComponents(ColumnModel column, int components, String path) {
    int count = column instanceof NumericColumn ? ((NumericColumn) column).components().size()
        : column instanceof CategoricalColumn ? ((CategoricalColumn) column).componentCount() : components;
    if (count != components) {
      throw fields.error(path + ".components", "has " + count + " entries but the spec has " + components + " mixture components");
    }
  }

  // ---------------------------------------------------------------- columns

  private DerivedColumn derivedColumn(JsonNode node, String path, String name, DataType type) {
    String expression = fields.string(node, path, "expression").trim();
    if (expression.isEmpty()) {
      throw fields.error(path + ".expression", "must not be empty");
    }

    return new DerivedColumn(name, type, expression, source + ": " + path + ".expression");
  }

  private KeyColumn key(JsonNode node, String path, String name, DataType type) {
    fields.onlyFields(node, path, "style", "start", "step", "prefix", "width", "pattern", "template");
    String style = fields.string(node, path, "style");
    try {
      switch (style) {
        case "sequence":
          long start = node.has("start") ? fields.longNumber(node, path, "start") : 1;
          long step = node.has("step") ? fields.longNumber(node, path, "step") : 1;
          if (node.has("pattern")) {
            Matcher matcher = SEQUENCE_PATTERN.matcher(fields.string(node, path, "pattern"));
            if (!matcher.matches()) {
              throw fields.error(path + ".pattern", "must be a prefix followed by %d or %0Nd (like TX-%010d), got " + JsonFields.show(node.get("pattern")));
            }

            return KeyColumn.sequence(name, type, start, step, matcher.group(1),
                matcher.group(2).isEmpty() ? 0 : Integer.parseInt(matcher.group(2)));
          }

          return KeyColumn.sequence(name, type, start, step, fields.optionalString(node, "prefix", ""),
              node.has("width") ? fields.intNumber(node, path, "width") : 0);
        case "uuid":
          return KeyColumn.uuid(name, type);
        case "random":
          return KeyColumn.random(name, type);
        case "code":
          return KeyColumn.code(name, type, fields.optionalString(node, "prefix", ""), fields.string(node, path, "template"));
        default:
          throw fields.error(path + ".style", "unknown key style '" + SynthlakeException.shown(style) + "'; use sequence, uuid, random or code");
      }
    } catch (IllegalArgumentException e) {
      throw fields.error(path, e.getMessage());
    }
  }

  private ColumnModel specColumn(JsonNode node, String path, String name, DataType type, List<Map<String, JsonNode>> overrides) {
    fields.onlyFields(node, path, "name", "type", "kind", "distribution", "null-share", "min", "max", "decimals", "step");
    double nullShare = node.has("null-share") ? fields.number(node, path, "null-share") : 0;
    if (!(nullShare >= 0 && nullShare <= 1)) {
      throw fields.error(path + ".null-share", "must be in [0, 1], got " + nullShare);
    }

    double lower = node.has("min") ? distributions.value(node.get("min"), type, path + ".min") : Double.NEGATIVE_INFINITY;
    double upper = node.has("max") ? distributions.value(node.get("max"), type, path + ".max") : Double.POSITIVE_INFINITY;
    if (lower > upper) {
      throw fields.error(path + ".max", "must be >= min, got min " + JsonFields.show(node.get("min")) + " and max " + JsonFields.show(node.get("max")));
    }

    List<JsonNode> distributions = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int k = 0; k < overrides.size(); k++) {
      JsonNode override = overrides.get(k).get(name);
      JsonNode chosen = override != null ? override : node.get("distribution");
      if (chosen == null) {
        throw fields.error(path + ".distribution", "is missing; give the column a distribution, a key or an expression");
      }

      distributions.add(chosen);
      paths.add(override != null ? "components[" + k + "].distributions." + name : path + ".distribution");
    }

    boolean categorical = isCategorical(distributions.get(0), paths.get(0));
    for (int k = 1; k < distributions.size(); k++) {
      if (isCategorical(distributions.get(k), paths.get(k)) != categorical) {
        throw fields.error(paths.get(k), "mixes categories and numbers with " + paths.get(0) + "; one column takes one sort");
      }
    }

    if (categorical) {
      return categoricalColumn(name, type, path, nullShare, distributions, paths);
    }

    if (type.logicalType() == LogicalType.STRING || type.logicalType() == LogicalType.BOOLEAN) {
      throw fields.error(paths.get(0), "a numeric distribution cannot fill a " + type + " column; use categories or faker");
    }

    boolean timeRange = false;
    for (JsonNode distribution : distributions) {
      timeRange |= "time-range".equals(distribution.path("type").asText());
    }

    LogicalType logical = type.logicalType();
    double defaultStep = logical.isIntegral() || logical == LogicalType.DATE ? 1
        : logical.isTemporal() ? (timeRange ? 1_000_000 : 1) : 0;
    double step = node.has("step") ? fields.number(node, path, "step") : defaultStep;
    List<NumericDistribution> components = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    // Components that do not override the column share its marginal object, so generation sees one marginal.
    Map<JsonNode, Marginal> marginals = new IdentityHashMap<>();
    for (int k = 0; k < distributions.size(); k++) {
      int component = k;
      Marginal marginal = marginals.computeIfAbsent(distributions.get(k),
          distribution -> this.distributions.numeric(distribution, paths.get(component), type, lower, upper, step));
      // A time range's bins are shifted down by half a step (see timeRange), so its values round into [start, end);
      // a stepped uniform reaches half a step beyond each end (see numeric). Neither widening belongs in the bounds.
      String family = distributions.get(k).path("type").asText();
      double shift = family.equals("time-range") || family.equals("uniform") && step > 0 ? step / 2 : 0;
      min = Math.min(min, marginal.min() + shift);
      max = Math.max(max, marginal.max() - shift);
      components.add(NumericDistribution.of(nullShare, marginal));
    }

    int decimals = node.has("decimals") ? fields.intNumber(node, path, "decimals")
        : logical == LogicalType.DECIMAL ? type.scale() : -1;
    ColumnKind kind = node.has("kind") ? ColumnKind.parse(fields.string(node, path, "kind"), source + ": " + path + ".kind")
        : logical.isIntegral() ? ColumnKind.INTEGER : logical == LogicalType.DATE ? ColumnKind.DATE
        : logical.isTemporal() ? ColumnKind.TIMESTAMP : ColumnKind.CONTINUOUS;
    try {
      return NumericColumn.of(name, type, kind, NumericFormat.of(Math.max(min, lower), Math.min(max, upper), step, decimals), components);
    } catch (IllegalArgumentException e) {
      throw fields.error(path, e.getMessage());
    }
  }

  private boolean isCategorical(JsonNode distribution, String path) {
    if (!distribution.isObject()) {
      throw fields.error(path, "must be a mapping with a 'type', such as {type: normal, mean: 0, sd: 1}");
    }

    String type = fields.string(distribution, path, "type");
    return type.equals("categories") || type.equals("faker");
  }

  private ColumnModel categoricalColumn(String name, DataType type, String path, double nullShare, List<JsonNode> distributions,
      List<String> paths) {
    List<Map<String, Double>> perComponent = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (int k = 0; k < distributions.size(); k++) {
      Map<String, Double> weights = this.distributions.categoryWeights(distributions.get(k), paths.get(k), type);
      for (String category : weights.keySet()) {
        if (!categories.contains(category)) {
          categories.add(category);
        }
      }

      perComponent.add(weights);
    }

    List<double[]> probabilities = new ArrayList<>();
    double[] nullShares = new double[distributions.size()];
    for (int k = 0; k < distributions.size(); k++) {
      double[] p = new double[categories.size()];
      for (int c = 0; c < p.length; c++) {
        p[c] = perComponent.get(k).getOrDefault(categories.get(c), 0.0);
      }

      probabilities.add(p);
      nullShares[k] = nullShare;
    }

    ColumnKind kind = type.logicalType() == LogicalType.BOOLEAN ? ColumnKind.BOOLEAN : ColumnKind.CATEGORICAL;
    try {
      return CategoricalColumn.of(name, type, kind, categories, probabilities, nullShares, null);
    } catch (IllegalArgumentException e) {
      throw fields.error(path, e.getMessage());
    }
  }

}
