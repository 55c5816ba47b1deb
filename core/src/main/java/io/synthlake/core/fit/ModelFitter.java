package io.synthlake.core.fit;

import io.synthlake.core.Errors;
import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.SynthlakeVersion;
import io.synthlake.core.math.Correlations;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.model.TimeOfDay;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Fits a {@link TableModel} to a sample: column kinds and per-column plans, normal scores,
 * clustering of the scores into mixture components (at least {@link FitSettings#minComponentRows()}
 * rows each), then per component the marginals and a positive-definite copula correlation.
 */
public final class ModelFitter {
  private ModelFitter() {}

  public static FitResult fit(SampleTable sample, FitSettings settings, ScoreClusterer clusterer) {
    return fitRows(
            sample,
            settings,
            clusterer,
            new double[0][],
            false,
            settings.derivesColumns(),
            settings.splitsTimeOfDay())
        .result();
  }

  /**
   * A fit, with each sample row's mixture component and normal scores ({@code [copula
   * column][row]}): over the whole sample, and within the row's component (the scores its
   * component's copula draws).
   */
  record FittedRows(
      FitResult result,
      int[] components,
      double[][] scores,
      double[][] componentScores,
      boolean[] singleValued) {
    /**
     * The scores of the copula columns that hold more than one value: what a child's clusters may
     * read of this table's rows (the others are jitter).
     */
    double[][] varyingScores() {
      List<double[]> kept = new ArrayList<>();
      for (int j = 0; j < scores.length; j++) {
        if (!singleValued[j]) {
          kept.add(scores[j]);
        }
      }

      return kept.toArray(double[][]::new);
    }
  }

  /**
   * Fits like {@link #fit}, clustering the rows on their normal scores joined with {@code context}
   * ({@code [column][row]}: scores that are not the table's own, such as each row's parent's), and
   * keeps each row's component and scores.
   */
  static FittedRows fitRows(
      SampleTable sample,
      FitSettings settings,
      ScoreClusterer clusterer,
      double[][] context,
      boolean contextOnly) {
    // A table of a set finds groups, derived columns and times of day as a single table does,
    // among the columns it draws: its keys, hidden columns and the columns written from keys,
    // positions and gaps take no part. A sequence (contextOnly) finds no groups: its categorical
    // columns stay its own, for the state chains along its entities.
    return fitRows(
        sample,
        settings,
        clusterer,
        context,
        contextOnly,
        settings.derivesColumns(),
        settings.splitsTimeOfDay());
  }

  /**
   * The clusterer's components of the rows' scores, or one component when the rows allow no more or
   * have no columns to tell them apart.
   */
  private static ScoreClusterer.Clustering cluster(
      ScoreClusterer clusterer,
      double[][] clustered,
      boolean noColumns,
      int maxComponents,
      int n,
      FitSettings settings) {
    if (maxComponents == 1 || noColumns) {
      return new ScoreClusterer.Clustering(
          new int[n],
          "single component ("
              + n
              + " rows allow at most 1 of "
              + settings.minComponentRows()
              + " rows)");
    }

    if (clustered.length == 0) {
      return new ScoreClusterer.Clustering(
          new int[n],
          "single component (a sequence whose entities have no columns to tell them apart)");
    }

    return clusterer.cluster(clustered, maxComponents, settings.seed());
  }

  private static FittedRows fitRows(
      SampleTable sample,
      FitSettings settings,
      ScoreClusterer clusterer,
      double[][] context,
      boolean contextOnly,
      boolean derive,
      boolean timesOfDay) {
    int n = sample.rows();
    SynthlakeException.check(
        n > 0,
        "the input has no rows, so there is nothing to fit: check the input path, format and filters");
    checkNamedColumns(sample, settings);
    List<String> warnings = new ArrayList<>();
    List<SampleColumn> kept = new ArrayList<>();
    List<ColumnKind> kinds = new ArrayList<>();
    for (SampleColumn column : sample.columns()) {
      checkFinite(column);
      // A key column is never degenerate: an entity table of one history has one key.
      if (settings.kinds().get(column.name()) != ColumnKind.KEY
          && isDegenerate(column, settings, warnings)) {
        continue;
      }

      ColumnKind kind =
          settings.kinds().containsKey(column.name())
              ? settings.kinds().get(column.name())
              : KindDetector.detect(column, settings.rareCount());
      String problem = KindDetector.incompatibility(kind, column.type().logicalType());
      SynthlakeException.check(
          problem == null,
          "column '%s' cannot be of kind %s: it %s, and its type is %s; choose another kind",
          column.name(),
          kind.jsonName(),
          problem,
          column.type());
      kept.add(column);
      kinds.add(kind);
    }

    SynthlakeException.check(
        !kept.isEmpty(), "no column is left to model after dropping degenerate columns");
    // A derived column's copula slot models its residual: what its inputs leave unexplained. A
    // sequence keeps only exact relations: a near-exact one's residual would follow the series'
    // trend and seasons apart from its inputs', and the target's level drifts from the real one.
    DerivationFinder.Found derived =
        derive
            ? DerivationFinder.find(kept, kinds, settings, contextOnly)
            : DerivationFinder.Found.NONE;
    // Determined columns and sparse combinations are drawn as learned tuples, one copula column a
    // group, at its first member's place.
    ColumnGroups groups =
        settings.detectsGroups() && !contextOnly
            ? ColumnGroups.find(
                kept,
                kinds,
                settings,
                derived.derivations().stream().map(d -> d.target()).collect(Collectors.toSet()))
            : ColumnGroups.NONE;
    List<ColumnPlan> plans = new ArrayList<>();
    List<Integer> planColumn = new ArrayList<>();
    Map<Integer, Double> timeSteps = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      ColumnKind kind = derived.modelledKind(kept.get(i), kinds.get(i));
      if (kind == ColumnKind.KEY || groups.isLaterMember(kept.get(i).name())) {
        continue;
      }

      if (groups.of(kept.get(i).name()) != null) {
        plans.add(groups.of(kept.get(i).name()));
        planColumn.add(i);
        continue;
      }

      SampleColumn column = derived.modelled(kept.get(i));
      plans.add(
          kind.isNumeric()
              ? new NumericPlan(column, kind, settings)
              : new CategoricalPlan(column, kind, settings));
      planColumn.add(i);
      // A timestamp's time of day takes the copula column right after its own; a hidden start
      // column of a set's sequence keeps its instants whole, since its children's order reads them.
      SampleColumn times =
          timesOfDay
                  && kind == ColumnKind.TIMESTAMP
                  && column.type().logicalType().isTemporal()
                  && !TableSet.isHidden(column.name())
              ? TimeOfDaySplit.timesOfDay(
                  column,
                  TimeOfDaySplit.zone(column, settings),
                  Seeds.derive(settings.seed(), i, -1))
              : null;
      if (times != null) {
        plans.add(new NumericPlan(times, ColumnKind.CONTINUOUS, settings));
        planColumn.add(i);
        timeSteps.put(i, TimeOfDaySplit.step(times));
      }
    }

    SplittableRandom random = new SplittableRandom(settings.seed());
    int[] allRows = new int[n];
    for (int row = 0; row < n; row++) {
      allRows[row] = row;
    }

    double[][] scores = scores(plans, allRows, random, n);
    orderCategories(plans, scores, allRows, random);
    int maxComponents =
        Math.max(1, Math.min(settings.maxComponents(), n / settings.minComponentRows()));
    // A sequence's rows are clustered on their entity's scores alone: its components are kinds of
    // entity, which every row of a history shares.
    double[][] clustered = contextOnly ? context : withContext(varying(scores, plans), context);
    // A small table's components are its category values where they tell the rows apart.
    CategorySplits.Split split =
        context.length == 0 && !contextOnly ? CategorySplits.find(plans, scores, settings) : null;
    ScoreClusterer.Clustering clustering =
        split != null
            ? new ScoreClusterer.Clustering(split.labels(), split.selection())
            : cluster(clusterer, clustered, plans.isEmpty(), maxComponents, n, settings);
    int[] labels =
        split != null
            ? split.labels()
            : ComponentMerger.merge(clustering.labels(), clustered, settings.minComponentRows());
    int components = Arrays.stream(labels).max().orElse(0) + 1;
    int[][] members = members(labels, components);
    if (split != null) {
      for (ColumnPlan plan : plans) {
        if (plan instanceof NumericPlan numeric) {
          numeric.poolShape(members);
        }
      }
    }

    double[][] withinComponent = new double[plans.size()][n];
    double[] weights = new double[components];
    List<double[][]> correlations = new ArrayList<>();
    List<List<Object>> fitted = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      fitted.add(new ArrayList<>());
    }

    for (int k = 0; k < components; k++) {
      weights[k] = (double) members[k].length / n;
      for (int p = 0; p < plans.size(); p++) {
        fitted
            .get(p)
            .add(plans.get(p).fitComponent(members[k], Seeds.derive(settings.seed(), k, p)));
      }

      double[][] componentScores = scores(plans, members[k], random, n);
      for (int p = 0; p < plans.size(); p++) {
        for (int row : members[k]) {
          withinComponent[p][row] = componentScores[p][row];
        }
      }

      correlations.add(
          Correlations.positiveDefinite(Correlations.pearson(componentScores, members[k])));
    }

    List<ColumnModel> columns = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      int plan = planColumn.indexOf(i);
      if (groups.of(kept.get(i).name()) != null) {
        if (plan >= 0) {
          plans.get(plan).build(fitted.get(plan));
        }

        columns.add(groups.member(kept.get(i).name()));
        continue;
      }

      ColumnModel built =
          plan >= 0
              ? derived.restore(plans.get(plan).build(fitted.get(plan)), kept.get(i), kinds.get(i))
              : KeyFitter.fit(kept.get(i));
      if (plan >= 0 && plan + 1 < plans.size() && planColumn.get(plan + 1) == i) {
        built =
            ((NumericColumn) built)
                .withTimeOfDay(
                    TimeOfDay.of(
                        TimeOfDaySplit.zone(kept.get(i), settings),
                        timeSteps.get(i),
                        ((NumericColumn) plans.get(plan + 1).build(fitted.get(plan + 1)))
                            .components()));
      }

      columns.add(built);
    }

    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("created-by", "synthlake " + SynthlakeVersion.current());
    properties.put("sample-rows", Integer.toString(n));
    properties.put("fit-seed", Long.toString(settings.seed()));
    properties.put("components", Integer.toString(components));
    properties.put("component-selection", clustering.selection());
    properties.put("min-component-rows", Integer.toString(settings.minComponentRows()));
    properties.put("rare-count", Integer.toString(settings.rareCount()));
    FitResult result =
        new FitResult(
            TableModel.of(
                    columns,
                    GaussianCopulaMixture.of(weights, correlations),
                    properties,
                    groups.fitted())
                .withDerivations(derived.derivations()),
            warnings);
    boolean[] singleValued = new boolean[plans.size()];
    for (int p = 0; p < plans.size(); p++) {
      singleValued[p] = plans.get(p).singleValued();
    }

    return new FittedRows(result, labels, scores, withinComponent, singleValued);
  }

  /**
   * The scores of the columns that hold more than one value: a column of one value (a hidden gap
   * column of daily rows, say) has scores that are pure jitter, which would only blur the clusters.
   */
  private static double[][] varying(double[][] scores, List<ColumnPlan> plans) {
    List<double[]> kept = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      if (!plans.get(p).singleValued()) {
        kept.add(scores[p]);
      }
    }

    return kept.size() == scores.length || kept.isEmpty() ? scores : kept.toArray(double[][]::new);
  }

  private static double[][] withContext(double[][] scores, double[][] context) {
    if (context.length == 0) {
      return scores;
    }

    double[][] joined = Arrays.copyOf(scores, scores.length + context.length);
    System.arraycopy(context, 0, joined, scores.length, context.length);
    return joined;
  }

  /** Reorders categorical columns for the copula, then rescores them under the new order. */
  private static void orderCategories(
      List<ColumnPlan> plans, double[][] scores, int[] rows, SplittableRandom random) {
    for (int p = 0; p < plans.size(); p++) {
      CategoricalPlan plan =
          plans.get(p) instanceof GroupPlan
              ? ((GroupPlan) plans.get(p)).tuples()
              : plans.get(p) instanceof CategoricalPlan ? (CategoricalPlan) plans.get(p) : null;
      if (plan != null && plan.reorderable()) {
        double[] keys =
            CategoryOrdering.categoryKeys(scores, p, plan.scoreKeys(), plan.categoryCount());
        plan.reorder(plans.get(p) instanceof GroupPlan group ? group.blockedKeys(keys) : keys);
        NormalScores.score(plan.scoreKeys(), rows, random, scores[p]);
      }
    }
  }

  /**
   * Normal scores of each plan's column over {@code rows}, as {@code [plan][row]} arrays of the
   * full sample length.
   */
  private static double[][] scores(
      List<ColumnPlan> plans, int[] rows, SplittableRandom random, int n) {
    double[][] scores = new double[plans.size()][n];
    for (int p = 0; p < plans.size(); p++) {
      NormalScores.score(plans.get(p).scoreKeys(), rows, random, scores[p]);
    }

    return scores;
  }

  private static int[][] members(int[] labels, int components) {
    int[] sizes = new int[components];
    for (int label : labels) {
      sizes[label]++;
    }

    int[][] members = new int[components][];
    for (int k = 0; k < components; k++) {
      members[k] = new int[sizes[k]];
    }

    int[] filled = new int[components];
    for (int row = 0; row < labels.length; row++) {
      members[labels[row]][filled[labels[row]]++] = row;
    }

    return members;
  }

  private static void checkNamedColumns(SampleTable sample, FitSettings settings) {
    Set<String> names =
        sample.columns().stream().map(SampleColumn::name).collect(Collectors.toSet());
    Set<String> named = new HashSet<>(settings.kinds().keySet());
    named.addAll(settings.marginals().keySet());
    for (String name : named) {
      if (!names.contains(name)) {
        throw Errors.unknownColumn(
            settings.kinds().containsKey(name) ? Setting.KIND : Setting.MARGINAL,
            name,
            sample.columns().stream().map(SampleColumn::name).collect(Collectors.toList()));
      }
    }
  }

  private static void checkFinite(SampleColumn column) {
    if (column.isString()) {
      return;
    }

    int bad = 0;
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row) && !Double.isFinite(column.number(row))) {
        bad++;
      }
    }

    SynthlakeException.check(
        bad == 0,
        "column '%s' has %d NaN or infinite values in the sample: synthlake models finite "
            + "numbers; turn them into nulls first (for example nanvl(col, null)) or exclude the column",
        column.name(),
        bad);
  }

  private static boolean isDegenerate(
      SampleColumn column, FitSettings settings, List<String> warnings) {
    if (TableSet.isHidden(column.name())) {
      return false; // every parent with the same number of children is a fact to keep, not a column
      // to drop
    }

    int rows = column.size();
    Set<Object> distinct = new HashSet<>();
    int nonNull = 0;
    for (int row = 0; row < rows && distinct.size() < 2; row++) {
      if (!column.isNull(row)) {
        nonNull++;
        distinct.add(column.isString() ? column.string(row) : (Object) column.number(row));
      }
    }

    if (distinct.size() >= 2) {
      return false;
    }

    String what =
        nonNull == 0
            ? "is null in all " + rows + " sampled rows"
            : "holds the single value '"
                + distinct.iterator().next()
                + "' in every non-null sampled row";
    switch (settings.degenerate()) {
      case KEEP:
        return false;
      case DROP:
        warnings.add("column '" + column.name() + "' " + what + "; dropped from the model");
        return true;
      default:
        throw Errors.degenerateColumn(column.name(), what);
    }
  }
}
