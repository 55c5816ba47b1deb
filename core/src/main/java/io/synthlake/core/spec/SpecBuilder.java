package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.format.ModelJson;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.math.Correlations;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.DependenceModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TimeOfDay;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build step: a checked spec ({@link SpecPlan}) becomes the {@link Spec} of one seed and row
 * count. Here are read what may depend on them: spec columns' distributions and bounds (values
 * written as {@code rows / k}, Datafaker pools drawn with the seed), then the correlations, the
 * rebalance and the order constraints, which need the built columns.
 */
final class SpecBuilder {
  private final SpecPlan plan;
  private final JsonFields fields;
  private final DistributionReader distributions;

  private SpecBuilder(SpecPlan plan, long seed, long rows) {
    this.plan = plan;
    this.fields = plan.fields();
    this.distributions = new DistributionReader(fields, seed, rows);
  }

  static Spec build(SpecPlan plan, long seed, long rows) {
    return new SpecBuilder(plan, seed, rows).spec();
  }

  private Spec spec() {
    int components = plan.weights().length;
    List<ColumnModel> columns = new ArrayList<>();
    for (SpecPlan.Slot slot : plan.slots()) {
      if (slot instanceof SpecPlan.Hidden hidden) {
        columns.add(hidden.group().hiddenColumn(components));
      } else if (slot instanceof SpecPlan.Built built) {
        columns.add(built.column());
      } else {
        SpecPlan.ToBuild column = (SpecPlan.ToBuild) slot;
        columns.add(
            specColumn(
                column.node(), column.path(), column.name(), column.type(), plan.overrides()));
      }
    }

    List<String> copulaColumns = new ArrayList<>();
    for (ColumnModel column : columns) {
      if (column.kind().inCopula()) {
        copulaColumns.add(column.name());
      }

      // A fitted timestamp's time of day keeps its copula column, right after the timestamp's.
      if (column instanceof NumericColumn && ((NumericColumn) column).timeOfDay() != null) {
        copulaColumns.add(TimeOfDay.copulaName(column.name()));
      }
    }

    JsonNode root = plan.root();
    JsonNode dependence = plan.dependence();
    List<double[][]> correlations =
        plan.fittedDependence()
            ? fittedCorrelations(dependence, copulaColumns)
            : specCorrelations(dependence, copulaColumns, components, plan.groupOf());
    GaussianCopulaMixture mixture = GaussianCopulaMixture.of(plan.weights(), correlations);
    JsonNode rebalance =
        root.has("rebalance")
            ? root.get("rebalance")
            : plan.fittedDependence() ? dependence.get("rebalance") : null;
    DependenceModel model =
        rebalance == null
            ? mixture
            : ModelJson.rebalance(
                mixture,
                columns,
                rebalance,
                root.has("rebalance") ? "rebalance" : "dependence.rebalance",
                fields);
    return new Spec(
        // An exported model keeps its derived columns, so it generates the rows of the model file.
        TableModel.of(columns, model, plan.properties())
            .withDerivations(ModelJson.readDerivations(root, fields)),
        plan.derived(),
        plan.order(),
        orderConstraints(root.get("constraints"), plan.names(), columns, plan.derived()),
        SpecEdgeCases.read(root.get(SpecEdgeCases.FIELD), fields, columns));
  }

  /** {@code constraints: [{order: [opened_at, closed_at]}]}: each group ascending in every row. */
  private List<List<String>> orderConstraints(
      JsonNode constraints,
      Set<String> names,
      List<ColumnModel> models,
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
        throw fields.error(
            path + ".order",
            "must name two or more different columns, got " + SynthlakeException.shown(columns));
      }

      for (String column : columns) {
        if (!names.contains(column)) {
          throw fields.error(
              path + ".order",
              "names no column of the spec: '" + SynthlakeException.shown(column) + "'");
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
        throw fields.error(
            path,
            "'"
                + SynthlakeException.shown(first)
                + "' ("
                + types.get(first)
                + ") and '"
                + SynthlakeException.shown(column)
                + "' ("
                + types.get(column)
                + ") hold different sorts of values, which "
                + "cannot be ordered; order columns of one sort (numbers, dates, timestamps, strings or booleans)");
      }
    }
  }

  private static String valueSort(DataType type) {
    LogicalType logical = type.logicalType();
    return logical.isNumeric() && !logical.isTemporal() ? "number" : logical.jsonName();
  }

  /**
   * A constraint that no row of the declared distributions can meet is an error, not a silent swap
   * of the columns' ranges: for a listed before b, the smallest value a can take must not exceed
   * the largest b can take.
   */
  private void requireSatisfiable(
      List<String> columns, Map<String, NumericColumn> numeric, String path) {
    for (int i = 0; i < columns.size(); i++) {
      for (int j = i + 1; j < columns.size(); j++) {
        NumericColumn lower = numeric.get(columns.get(i));
        NumericColumn upper = numeric.get(columns.get(j));
        if (lower != null && upper != null && lower.format().min() > upper.format().max()) {
          throw fields.error(
              path,
              "'"
                  + SynthlakeException.shown(lower.name())
                  + "' is at least "
                  + lower.format().min()
                  + " in every row but '"
                  + SynthlakeException.shown(upper.name())
                  + "' at most "
                  + upper.format().max()
                  + ", so the order can never hold and sorting would swap the two columns' ranges; fix the distributions or "
                  + "the order of the columns in the constraint");
        }
      }
    }
  }

  // ---------------------------------------------------------------- dependence

  /**
   * Fitted correlations, restricted to the columns still present; added columns are independent.
   */
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
        throw fields.error(
            path + ".correlation",
            "has "
                + rows.size()
                + " rows but dependence.columns names "
                + fitted.size()
                + " columns; the matrix must be d x d for the d columns listed");
      }

      double[][] fittedMatrix = new double[fitted.size()][];
      for (int r = 0; r < fitted.size(); r++) {
        fittedMatrix[r] = fields.numberArray(rows.get(r), path + ".correlation[" + r + "]");
        if (fittedMatrix[r].length != fitted.size()) {
          throw fields.error(
              path + ".correlation[" + r + "]",
              "has "
                  + fittedMatrix[r].length
                  + " entries but dependence.columns "
                  + "names "
                  + fitted.size()
                  + " columns; the matrix must be d x d for the d columns listed");
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

  /**
   * {@code dependence: {correlations: [{columns: [a, b], value: 0.6}, …]}}, the same for every
   * component.
   */
  private List<double[][]> specCorrelations(
      JsonNode dependence,
      List<String> copulaColumns,
      int components,
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
          throw fields.error(
              path + ".columns",
              "must name two different columns, got " + SynthlakeException.shown(pair));
        }

        // A conditional or combined column takes part through its group's hidden tuple column.
        int a =
            copulaColumns.indexOf(
                groupOf.containsKey(pair.get(0))
                    ? groupOf.get(pair.get(0)).hiddenName()
                    : pair.get(0));
        int b =
            copulaColumns.indexOf(
                groupOf.containsKey(pair.get(1))
                    ? groupOf.get(pair.get(1)).hiddenName()
                    : pair.get(1));
        if (a == b && a >= 0) {
          throw fields.error(
              path + ".columns",
              "both columns belong to one combination, whose dependence is fixed by its weights");
        }

        for (int side = 0; side < 2; side++) {
          if ((side == 0 ? a : b) < 0) {
            throw fields.error(
                path + ".columns",
                "'"
                    + SynthlakeException.shown(pair.get(side))
                    + "' is not a generated column of the spec (keys and expressions have no correlation)");
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
        throw fields.error(
            "dependence.correlations",
            "these correlations cannot hold together (the matrix is not positive "
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

  // ---------------------------------------------------------------- spec columns

  private ColumnModel specColumn(
      JsonNode node,
      String path,
      String name,
      DataType type,
      List<Map<String, JsonNode>> overrides) {
    double nullShare = node.has("null-share") ? fields.number(node, path, "null-share") : 0;
    if (!(nullShare >= 0 && nullShare <= 1)) {
      throw fields.error(path + ".null-share", "must be in [0, 1], got " + nullShare);
    }

    double lower =
        node.has("min")
            ? distributions.value(node.get("min"), type, path + ".min")
            : Double.NEGATIVE_INFINITY;
    double upper =
        node.has("max")
            ? distributions.value(node.get("max"), type, path + ".max")
            : Double.POSITIVE_INFINITY;
    if (lower > upper) {
      throw fields.error(
          path + ".max",
          "must be >= min, got min "
              + JsonFields.show(node.get("min"))
              + " and max "
              + JsonFields.show(node.get("max")));
    }

    List<JsonNode> distributions = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int k = 0; k < overrides.size(); k++) {
      JsonNode override = overrides.get(k).get(name);
      JsonNode chosen = override != null ? override : node.get("distribution");
      if (chosen == null) {
        throw fields.error(
            path + ".distribution",
            "is missing; give the column a distribution, a key or an expression");
      }

      distributions.add(chosen);
      paths.add(override != null ? plan.overridePath(k, name) : path + ".distribution");
    }

    boolean categorical = isCategorical(distributions.get(0), paths.get(0));
    for (int k = 1; k < distributions.size(); k++) {
      if (isCategorical(distributions.get(k), paths.get(k)) != categorical) {
        throw fields.error(
            paths.get(k),
            "mixes categories and numbers with " + paths.get(0) + "; one column takes one sort");
      }
    }

    if (categorical) {
      return categoricalColumn(name, type, path, nullShare, distributions, paths);
    }

    if (type.logicalType() == LogicalType.STRING || type.logicalType() == LogicalType.BOOLEAN) {
      throw fields.error(
          paths.get(0),
          "a numeric distribution cannot fill a " + type + " column; use categories or faker");
    }

    boolean timeRange = false;
    for (JsonNode distribution : distributions) {
      timeRange |= "time-range".equals(distribution.path("type").asText());
    }

    LogicalType logical = type.logicalType();
    double defaultStep =
        logical.isIntegral() || logical == LogicalType.DATE
            ? 1
            : logical.isTemporal() ? (timeRange ? 1_000_000 : 1) : 0;
    double step = node.has("step") ? fields.number(node, path, "step") : defaultStep;
    List<NumericDistribution> components = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    // Components that do not override the column share its marginal object, so generation sees one
    // marginal.
    Map<JsonNode, Marginal> marginals = new IdentityHashMap<>();
    for (int k = 0; k < distributions.size(); k++) {
      int component = k;
      Marginal marginal =
          marginals.computeIfAbsent(
              distributions.get(k),
              distribution ->
                  this.distributions.numeric(
                      distribution, paths.get(component), type, lower, upper, step));
      // A time range's bins are shifted down by half a step (see timeRange), so its values round
      // into [start, end);
      // a stepped uniform reaches half a step beyond each end (see numeric). Neither widening
      // belongs in the bounds.
      String family = distributions.get(k).path("type").asText();
      double shift =
          family.equals("time-range") || family.equals("uniform") && step > 0 ? step / 2 : 0;
      min = Math.min(min, marginal.min() + shift);
      max = Math.max(max, marginal.max() - shift);
      components.add(NumericDistribution.of(nullShare, marginal));
    }

    int decimals =
        node.has("decimals")
            ? fields.intNumber(node, path, "decimals")
            : logical == LogicalType.DECIMAL ? type.scale() : -1;
    ColumnKind kind =
        node.has("kind")
            ? ColumnKind.parse(fields.string(node, path, "kind"), fields.where(path + ".kind"))
            : logical.isIntegral()
                ? ColumnKind.INTEGER
                : logical == LogicalType.DATE
                    ? ColumnKind.DATE
                    : logical.isTemporal() ? ColumnKind.TIMESTAMP : ColumnKind.CONTINUOUS;
    try {
      return NumericColumn.of(
          name,
          type,
          kind,
          NumericFormat.of(Math.max(min, lower), Math.min(max, upper), step, decimals),
          components);
    } catch (InvalidModelException e) {
      throw fields.error(path, e.getMessage());
    }
  }

  private boolean isCategorical(JsonNode distribution, String path) {
    if (!distribution.isObject()) {
      throw fields.error(
          path, "must be a mapping with a 'type', such as {type: normal, mean: 0, sd: 1}");
    }

    String type = fields.string(distribution, path, "type");
    return type.equals("categories") || type.equals("faker");
  }

  private ColumnModel categoricalColumn(
      String name,
      DataType type,
      String path,
      double nullShare,
      List<JsonNode> distributions,
      List<String> paths) {
    List<Map<String, Double>> perComponent = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (int k = 0; k < distributions.size(); k++) {
      Map<String, Double> weights =
          this.distributions.categoryWeights(distributions.get(k), paths.get(k), type);
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

    ColumnKind kind =
        type.logicalType() == LogicalType.BOOLEAN ? ColumnKind.BOOLEAN : ColumnKind.CATEGORICAL;
    try {
      return CategoricalColumn.of(name, type, kind, categories, probabilities, nullShares, null);
    } catch (InvalidModelException e) {
      throw fields.error(path, e.getMessage());
    }
  }
}
