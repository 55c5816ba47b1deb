package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.math.Correlations;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.Seasonality;
import io.synthlake.core.model.StateTransitions;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Months;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What a sequence table's fit adds to a table's: its rows put in order within each parent (the
 * entity; one entity for a single series), the gap since the entity's previous row as a hidden
 * column of the table's model (in months when every date falls on one day of its month), the time
 * each entity starts as a hidden column of the parent's model, and the dynamics of {@link
 * #dynamics}: Markov chains, seasons and autoregressive processes along each entity's rows.
 */
final class SequenceFitting {
  /** The longest lag considered: a week and a day of daily rows, eight hours of hourly ones. */
  static final int MAX_LAG = 8;

  private SequenceFitting() {}

  /**
   * {@code kept} in sequence order: by parent row, then by the order column, ties in sample order.
   * Under {@link OrderPolicy#LENIENT} rows whose order value is null are left out and ties kept,
   * each with a warning; under {@link OrderPolicy#STRICT} either stops the fit.
   *
   * @param parentRows each kept row's parent row
   */
  static int[] ordered(
      String table,
      SampleColumn order,
      int[] kept,
      int[] parentRows,
      OrderPolicy policy,
      List<String> warnings) {
    Integer[] positions =
        IntStream.range(0, kept.length)
            .filter(i -> !order.isNull(kept[i]))
            .boxed()
            .toArray(Integer[]::new);
    int nulls = kept.length - positions.length;
    SynthlakeException.check(
        positions.length > 0,
        "table '%s': order column '%s' is null in every row; name a column that orders the rows",
        table,
        order.name());
    SynthlakeException.check(
        nulls == 0 || policy == OrderPolicy.LENIENT,
        "table '%s': order column '%s' is null in %d rows, which cannot be placed in their "
            + "history; fill them, or fit with the lenient order policy to leave them out",
        table,
        order.name(),
        nulls);
    if (nulls > 0) {
      warnings.add(
          String.format(
              "table '%s': %d rows have no '%s' and are left out of the sequence fit",
              table, nulls, order.name()));
    }

    Arrays.sort(
        positions,
        Comparator.<Integer>comparingInt(i -> parentRows[i])
            .thenComparingDouble(i -> order.number(kept[i]))
            .thenComparingInt(i -> i));
    int ties = 0;
    for (int p = 1; p < positions.length; p++) {
      int i = positions[p];
      int previous = positions[p - 1];
      ties +=
          parentRows[i] == parentRows[previous]
                  && order.number(kept[i]) == order.number(kept[previous])
              ? 1
              : 0;
    }

    SynthlakeException.check(
        ties == 0 || policy == OrderPolicy.LENIENT,
        "table '%s': %d rows repeat the '%s' of the row before them in their history, so the "
            + "order between them is unknown; add a column that breaks the ties to the order, or "
            + "fit with the lenient order policy to keep them at a gap of 0",
        table,
        ties,
        order.name());
    if (ties > 0) {
      warnings.add(
          String.format(
              "table '%s': %d rows repeat the '%s' of the row before them in their history; they "
                  + "are kept in the input's order at a gap of 0",
              table, ties, order.name()));
    }

    return Arrays.stream(positions).mapToInt(i -> kept[i]).toArray();
  }

  /**
   * The day of the month every row of a date order falls on, when there is one and the rows are at
   * least about a month apart (prices on the first of each month): its gaps then count months. 0
   * otherwise.
   */
  static int monthDay(SampleColumn order, int[] ordered, int[] parentRows) {
    if (order.type().logicalType() != LogicalType.DATE || ordered.length < 2) {
      return 0;
    }

    int day = Months.dayOfMonth(order.number(ordered[0]));
    double[] steps = new double[ordered.length];
    int count = 0;
    for (int r = 0; r < ordered.length; r++) {
      if (Months.dayOfMonth(order.number(ordered[r])) != day) {
        return 0;
      }

      if (r > 0 && parentRows[r] == parentRows[r - 1]) {
        steps[count++] = order.number(ordered[r]) - order.number(ordered[r - 1]);
      }
    }

    double[] sorted = Arrays.copyOf(steps, count);
    Arrays.sort(sorted);
    return count > 0 && sorted[count / 2] >= 28 ? day : 0;
  }

  /** The month index of each row's date: the order a monthly sequence counts its gaps in. */
  static SampleColumn months(SampleColumn order) {
    double[] months = new double[order.size()];
    boolean[] nulls = new boolean[order.size()];
    for (int r = 0; r < months.length; r++) {
      nulls[r] = order.isNull(r);
      months[r] = nulls[r] ? 0 : Months.index(order.number(r));
    }

    return SampleColumn.numbers(order.name(), DataType.of(LogicalType.LONG), months, nulls);
  }

  /**
   * The hidden gap column over the ordered rows: each row's order value less its entity's previous
   * row's. An entity's first row has no gap; it takes its entity's next gap, or for an entity of
   * one row the median gap, so the column's distribution is the gaps' own.
   */
  static SampleColumn gaps(SampleColumn order, int[] ordered, int[] parentRows) {
    int n = ordered.length;
    double[] gaps = new double[n];
    boolean[] first = new boolean[n];
    double[] known = new double[n];
    int knownCount = 0;
    for (int r = 0; r < n; r++) {
      first[r] = r == 0 || parentRows[r] != parentRows[r - 1];
      if (!first[r]) {
        gaps[r] = order.number(ordered[r]) - order.number(ordered[r - 1]);
        known[knownCount++] = gaps[r];
      }
    }

    double[] sorted = Arrays.copyOf(known, knownCount);
    Arrays.sort(sorted);
    double median = knownCount == 0 ? 0 : sorted[knownCount / 2];
    for (int r = 0; r < n; r++) {
      if (first[r]) {
        gaps[r] = r + 1 < n && !first[r + 1] ? gaps[r + 1] : median;
      }
    }

    return SampleColumn.numbers(TableSet.GAP_COLUMN, gapType(order.type()), gaps, new boolean[n]);
  }

  /** Gaps are whole numbers for dates (days), timestamps (microseconds) and integer orders. */
  private static DataType gapType(DataType order) {
    LogicalType type = order.logicalType();
    return DataType.of(
        type.isTemporal() || type.isIntegral() ? LogicalType.LONG : LogicalType.DOUBLE);
  }

  /**
   * The parent's hidden start column for sequence child {@code child}: each kept parent row's
   * earliest order value among its children; a parent without children takes the median start,
   * which nothing reads (it has no rows to start).
   *
   * @param childParents each child sample row's parent among the kept parent rows, or -1
   */
  static SampleColumn starts(
      String child, SampleColumn order, int[] childParents, int parents, DataType orderType) {
    double[] starts = new double[parents];
    boolean[] seen = new boolean[parents];
    for (int row = 0; row < childParents.length; row++) {
      int parent = childParents[row];
      if (parent >= 0 && !order.isNull(row)) {
        double value = order.number(row);
        starts[parent] = seen[parent] ? Math.min(starts[parent], value) : value;
        seen[parent] = true;
      }
    }

    double[] known =
        IntStream.range(0, parents).filter(p -> seen[p]).mapToDouble(p -> starts[p]).toArray();
    Arrays.sort(known);
    double median = known.length == 0 ? 0 : known[known.length / 2];
    for (int p = 0; p < parents; p++) {
      starts[p] = seen[p] ? starts[p] : median;
    }

    return SampleColumn.numbers(
        TableSet.startColumn(child), orderType, starts, new boolean[parents]);
  }

  /**
   * A sequence table's fitted dynamics: the categorical columns whose state follows the previous
   * row's as Markov chains, each other column's seasonality (fitted on its within-component scores
   * against the rows' order values), the process of what the seasons leave, and the table's model
   * with each component's correlations measured on that remainder too (the copula draws the
   * innovations the seasons move).
   *
   * @param times each fitted row's order value, rows in sequence order
   * @param parentRows each row's entity
   * @param series whether the table is a single series without parent
   */
  static Dynamics dynamics(
      String table,
      String order,
      DataType orderType,
      ModelFitter.FittedRows rows,
      double[] times,
      int[] parentRows,
      int monthDay,
      boolean series,
      List<String> warnings) {
    TableModel model = rows.result().model();
    double[][] scores = rows.componentScores().clone();
    List<String> names = model.columnNames();
    LogicalType type = orderType.logicalType();
    double[] steps = steps(times, parentRows);
    double medianGap = steps.length == 0 ? 0 : steps[steps.length / 2];
    // A categorical column whose state follows the last one's is a chain, with no process or
    // season.
    Map<String, StateTransitions> transitions = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      int j = model.copulaIndex(i);
      if (j >= 0 && model.columns().get(i) instanceof CategoricalColumn column) {
        StateTransitions chain =
            TransitionFitting.fit(column, scores[j], rows.components(), parentRows);
        if (chain != null) {
          transitions.put(names.get(i), chain);
        }
      }
    }

    // A gap follows the time of the row before it (more events by day than by night); an entity's
    // first row, whose gap only stands in for the next, its own.
    double[] before = new double[times.length];
    for (int r = 0; r < times.length; r++) {
      before[r] = r > 0 && parentRows[r] == parentRows[r - 1] ? times[r - 1] : times[r];
    }

    Map<String, Seasonality> seasons = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      int j = model.copulaIndex(i);
      if (j < 0 || rows.singleValued()[j] || transitions.containsKey(names.get(i))) {
        continue;
      }

      double[] at = names.get(i).equals(TableSet.GAP_COLUMN) ? before : times;
      Seasonality season = SeasonalFitting.fit(scores[j], at, type, medianGap);
      if (season != null) {
        seasons.put(names.get(i), season);
        double[] remainder = new double[times.length];
        for (int r = 0; r < times.length; r++) {
          remainder[r] = (scores[j][r] - season.mean(at[r], type)) / season.scale();
        }

        scores[j] = remainder;
      }
    }

    if (!seasons.isEmpty()) {
      model = withCorrelations(model, scores, rows.components());
    }

    TableSet.Series chunks = null;
    if (series) {
      // A monthly series counts its chunks in months, as its gaps.
      double[] clock =
          monthDay > 0 ? Arrays.stream(times).map(t -> Months.index(t)).toArray() : times;
      double[] clockSteps = monthDay > 0 ? steps(clock, parentRows) : steps;
      int n = clock.length;
      double meanGap = n > 1 ? (clock[n - 1] - clock[0]) / (n - 1) : 1;
      SynthlakeException.check(
          n > 1 && meanGap > 0,
          "series ordered by '%s': it needs at least two rows at different '%s' values to learn "
              + "its gaps",
          order,
          order);
      double span = meanGap * TableSampler.BLOCK_ROWS;
      chunks =
          new TableSet.Series(
              clock[0],
              monthDay > 0 ? Math.round(span) : span,
              clockSteps.length == 0 ? 0 : clockSteps[0]);
    }

    int longest = longest(parentRows);
    int maxLag = Math.min(MAX_LAG, longest - 1);
    if (longest < MAX_LAG + 2) {
      warnings.add(
          String.format(
              "table '%s': its longest history has %d rows, so %s",
              table,
              longest,
              maxLag == 0
                  ? "nothing is learned of how its rows follow each other"
                  : "its processes look back at most " + maxLag + " rows"));
    }

    return new Dynamics(
        model,
        TableSet.Sequence.of(
                order,
                orderType,
                processes(model, scores, parentRows, maxLag, transitions.keySet()))
            .withMonthDay(monthDay)
            .withSeasons(seasons, chunks)
            .withTransitions(transitions));
  }

  /** A sequence table's model (correlations of the deseasoned scores) and its sequence. */
  record Dynamics(TableModel model, TableSet.Sequence sequence) {}

  /**
   * An AR(1) with Kendall's correction of its coefficient for the length of the histories it was
   * measured on, φ + (1 + 3φ) / n: on a few short histories the sample autocorrelation of a near
   * random walk reads well below the process's (three stocks of 123 months read 0.952 for 0.983),
   * and the process generated from it would pull back to the middle too fast. Higher orders are
   * left as fitted.
   */
  private static AutoRegression withoutShortHistoryBias(
      AutoRegression process, int rows, int[] parentRows) {
    if (process.order() != 1) {
      return process;
    }

    int entities = rows == 0 ? 0 : 1;
    for (int r = 1; r < rows; r++) {
      entities += parentRows[r] == parentRows[r - 1] ? 0 : 1;
    }

    double length = (double) rows / Math.max(1, entities);
    double phi = process.autocorrelations()[0];
    double corrected = phi + (1 + 3 * phi) / length;
    return AutoRegression.of(new double[] {Math.max(-0.995, Math.min(0.995, corrected))});
  }

  /** The most rows an entity has (the rows are grouped by entity). */
  private static int longest(int[] parentRows) {
    int longest = parentRows.length == 0 ? 0 : 1;
    for (int r = 1, run = 1; r < parentRows.length; r++) {
      run = parentRows[r] == parentRows[r - 1] ? run + 1 : 1;
      longest = Math.max(longest, run);
    }

    return longest;
  }

  /** The sorted gaps between each entity's consecutive rows. */
  private static double[] steps(double[] times, int[] parentRows) {
    double[] steps = new double[times.length];
    int count = 0;
    for (int r = 1; r < times.length; r++) {
      if (parentRows[r] == parentRows[r - 1]) {
        steps[count++] = times[r] - times[r - 1];
      }
    }

    double[] sorted = Arrays.copyOf(steps, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** {@code model} with each component's correlations measured on {@code scores}. */
  private static TableModel withCorrelations(
      TableModel model, double[][] scores, int[] components) {
    if (!(model.dependence() instanceof GaussianCopulaMixture mixture)) {
      return model;
    }

    int count = mixture.componentCount();
    List<double[][]> correlations = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int component = k;
      int[] members =
          IntStream.range(0, components.length).filter(r -> components[r] == component).toArray();
      correlations.add(
          members.length < 2
              ? mixture.correlation(k)
              : Correlations.positiveDefinite(Correlations.pearson(scores, members)));
    }

    return TableModel.of(
        model.columns(),
        GaussianCopulaMixture.of(mixture.weights(), correlations),
        model.properties());
  }

  /**
   * Each copula column's process along the entities' rows: sample autocorrelations of its normal
   * scores at lags 1 to {@code maxLag} (at most {@link #MAX_LAG}), pooled over entities, and the
   * order the Bayesian information criterion picks. Columns whose chosen order is 0 get none.
   *
   * @param scores the fitted rows' within-component normal scores less their seasons, {@code
   *     [copula column][row]}, rows in sequence order
   * @param parentRows each row's entity
   */
  private static Map<String, AutoRegression> processes(
      TableModel model, double[][] scores, int[] parentRows, int maxLag, Set<String> chains) {
    Map<String, AutoRegression> processes = new LinkedHashMap<>();
    List<String> names = model.columnNames();
    for (int i = 0; i < names.size(); i++) {
      int j = model.copulaIndex(i);
      if (j < 0 || chains.contains(names.get(i))) {
        continue;
      }

      double[] z = scores[j];
      double squares = 0;
      for (double value : z) {
        squares += value * value;
      }

      double[] rho = new double[MAX_LAG];
      long pairs = 0;
      for (int lag = 1; lag <= MAX_LAG; lag++) {
        double sum = 0;
        for (int r = lag; r < z.length; r++) {
          if (parentRows[r] == parentRows[r - lag]) {
            sum += z[r] * z[r - lag];
            pairs += lag == 1 ? 1 : 0;
          }
        }

        rho[lag - 1] = squares > 0 ? sum / squares : 0;
      }

      AutoRegression process =
          withoutShortHistoryBias(AutoRegression.fit(rho, maxLag, pairs), z.length, parentRows);
      if (process.order() > 0) {
        processes.put(names.get(i), process);
      }
    }

    return processes;
  }
}
