package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.Score;
import java.util.List;

/**
 * The figures of one table of histories, each beside its holdout ceiling (the same figure for the
 * held-out entities): how long the histories are, the gaps between consecutive order values, each
 * numeric column's autocorrelation, each categorical column's transitions, each column's pairs of
 * consecutive values, and the rules the rows keep. Immutable; docs/evaluation.md ("Histories")
 * defines each figure.
 *
 * @param table the table of the histories
 * @param entity its column naming the entity, or null for a single series
 * @param order its column ordering each entity's rows
 * @param lags the autocorrelation's lags, 1 to this
 * @param lengths 1 − KS between the numbers of rows per entity, over every entity
 * @param gaps 1 − KS between the gaps between consecutive order values within an entity, over the
 *     sampled histories
 * @param autocorrelation the mean over numeric columns of the mean absolute difference from the
 *     training autocorrelation at lags 1 to {@code lags}: 0 is the same
 * @param transitions the mean over categorical columns of the transition-matrix distance: 0 is the
 *     same
 * @param nextStep the mean over columns of the accuracy of (value, next value) pairs
 * @param monotone the rows whose order value is at least the entity's previous one
 * @param floors each floor rule's rows that keep it
 * @param sides the entities and rows of each side, and how many were sampled
 * @param columns each numeric column's autocorrelations
 * @param categories each categorical column's transition distance
 * @param steps each column's next-step accuracy, worst first
 * @param chart a few training and synthetic histories, for the report
 */
public record SequenceReport(
    String table,
    String entity,
    String order,
    int lags,
    Score lengths,
    Score gaps,
    Distance autocorrelation,
    Distance transitions,
    Score nextStep,
    Adherences monotone,
    List<FloorAdherence> floors,
    Sides sides,
    List<ColumnAutocorrelation> columns,
    List<ColumnTransitions> categories,
    List<ColumnStep> steps,
    HistoryChart chart) {
  public SequenceReport {
    floors = List.copyOf(floors);
    columns = List.copyOf(columns);
    categories = List.copyOf(categories);
    steps = List.copyOf(steps);
  }

  /**
   * A distance from the training figure, smaller is closer: the synthetic side's and the holdout's
   * (the ceiling, what real unseen entities reach). NaN when undefined.
   */
  public record Distance(double synthetic, double ceiling) {
    /** The mean of each side over the distances where it is defined. */
    static Distance mean(List<Distance> distances) {
      return new Distance(
          distances.stream()
              .mapToDouble(Distance::synthetic)
              .filter(Double::isFinite)
              .average()
              .orElse(Double.NaN),
          distances.stream()
              .mapToDouble(Distance::ceiling)
              .filter(Double::isFinite)
              .average()
              .orElse(Double.NaN));
    }
  }

  /** Rows that keep one rule, on each side. */
  public record Adherences(Adherence train, Adherence holdout, Adherence synthetic) {}

  /**
   * The rows a rule was checked on and those that keep it.
   *
   * @param share kept / rows; NaN without rows
   */
  public record Adherence(long rows, long kept, double share) {
    public static Adherence of(long rows, long kept) {
      return new Adherence(rows, kept, rows == 0 ? Double.NaN : (double) kept / rows);
    }
  }

  /** A rule "column ≥ floor" and the rows that keep it. */
  public record FloorAdherence(String column, double floor, Adherences adherence) {}

  /** The entities and rows of each side, and the sampled histories the figures read. */
  public record Sides(Side train, Side holdout, Side synthetic) {}

  /**
   * One side's histories.
   *
   * @param entities entities with at least one row
   * @param rows rows with an entity
   * @param meanLength rows per entity
   * @param sampledEntities entities whose histories were sampled
   * @param sampledRows rows of those histories
   * @param meanGap the mean gap between consecutive order values, in the sampled histories (days
   *     for a date, microseconds for a timestamp)
   */
  public record Side(
      long entities,
      long rows,
      double meanLength,
      long sampledEntities,
      long sampledRows,
      double meanGap) {}

  /**
   * One numeric column's autocorrelation at lags 1 to n on each side, within entities and pooled.
   *
   * @param syntheticDifference |synthetic − training| at each lag
   * @param distance the mean absolute difference from training, synthetic and holdout
   */
  public record ColumnAutocorrelation(
      String column,
      double[] train,
      double[] holdout,
      double[] synthetic,
      double[] syntheticDifference,
      Distance distance) {}

  /**
   * One categorical column's transitions between its bins (its 10 most frequent training values,
   * "(other)", null) from one row to the entity's next.
   *
   * @param distance Σ over the previous value a of its share of training transitions × TVD between
   *     the training and the other side's distributions of the next value given a
   */
  public record ColumnTransitions(String column, List<String> categories, Distance distance) {
    public ColumnTransitions {
      categories = List.copyOf(categories);
    }
  }

  /** One column's accuracy of (value, next value) pairs: 1 − TVD over its bins squared. */
  public record ColumnStep(String column, Score accuracy) {}

  /**
   * A few histories of each side for the report: the order values and, per charted column, the
   * values (NaN for null), at most {@link SequenceFidelity#CHART_POINTS} rows each.
   *
   * @param orderScale how the order values read: "date" (epoch days), "timestamp" (epoch
   *     microseconds) or "number"
   * @param columns the charted numeric columns: those with the largest training lag-1
   *     autocorrelation
   */
  public record HistoryChart(
      String orderScale,
      List<String> columns,
      List<HistoryLine> train,
      List<HistoryLine> synthetic) {
    public HistoryChart {
      columns = List.copyOf(columns);
      train = List.copyOf(train);
      synthetic = List.copyOf(synthetic);
    }
  }

  /** One history: its order values and the charted columns' values along them. */
  public record HistoryLine(double[] order, List<double[]> values) {
    public HistoryLine {
      values = List.copyOf(values);
    }
  }
}
