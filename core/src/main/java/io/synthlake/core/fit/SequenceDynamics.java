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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The dynamics of a sequence table along each entity's rows: Markov chains for categorical states,
 * seasons, and autoregressive processes on what the seasons leave, with the copula's correlations
 * measured on that remainder.
 */
final class SequenceDynamics {
  /** The longest lag considered: a week and a day of daily rows, eight hours of hourly ones. */
  static final int MAX_LAG = 8;

  private SequenceDynamics() {}

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
            model.properties(),
            model.groups())
        .withDerivations(model.derivations());
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
