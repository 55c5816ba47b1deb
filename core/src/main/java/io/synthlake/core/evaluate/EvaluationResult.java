package io.synthlake.core.evaluate;

import java.util.List;

/**
 * Every figure of one evaluation of a synthetic table against its training and holdout tables.
 * Immutable; the JSON output and the HTML report are both written from it. docs/evaluation.md
 * defines each figure.
 *
 * @param tables row counts and the time the evaluation took
 * @param accuracy binned accuracy: overall, univariate, bivariate and trivariate, each beside its
 *     holdout ceiling
 * @param columns one entry per evaluated column, worst univariate accuracy first
 * @param pairs the bivariate accuracy of every column pair, worst first
 * @param correlations Pearson correlations of the numeric columns in training, holdout and
 *     synthetic data
 * @param mlUtility train-synthetic-test-real figures, or null when no target column was given
 * @param privacy distance to closest record, exact copies and rare categories
 * @param dependencies functional dependencies found in the training data and how often each table
 *     keeps them
 * @param combinations pairs of high-cardinality categorical columns with few of their value
 *     combinations in the training data, and how often each table's rows hold a training
 *     combination
 * @param relations arithmetic relations among numeric columns of the training data and how often
 *     each table keeps them
 * @param timeOfDay per date or timestamp column, the accuracy of its hour of day and day of week
 */
public record EvaluationResult(
    Tables tables,
    Accuracy accuracy,
    List<ColumnReport> columns,
    List<PairReport> pairs,
    CorrelationReport correlations,
    MlUtility mlUtility,
    Privacy privacy,
    List<DependencyReport> dependencies,
    List<CombinationReport> combinations,
    List<RelationReport> relations,
    List<TimeOfDayReport> timeOfDay) {

  public EvaluationResult {
    columns = List.copyOf(columns);
    pairs = List.copyOf(pairs);
    dependencies = List.copyOf(dependencies);
    combinations = List.copyOf(combinations);
    relations = List.copyOf(relations);
    timeOfDay = List.copyOf(timeOfDay);
  }

  /** A result without the structure figures that format version 2 added. */
  public EvaluationResult(
      Tables tables,
      Accuracy accuracy,
      List<ColumnReport> columns,
      List<PairReport> pairs,
      CorrelationReport correlations,
      MlUtility mlUtility,
      Privacy privacy,
      List<DependencyReport> dependencies) {
    this(
        tables,
        accuracy,
        columns,
        pairs,
        correlations,
        mlUtility,
        privacy,
        dependencies,
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * Row counts, wall time, and the key columns set aside (nearly all values distinct: generated
   * keys are fresh by design, so comparing them says nothing).
   */
  public record Tables(
      long trainRows,
      long holdoutRows,
      long syntheticRows,
      double seconds,
      List<String> keyColumns) {
    public Tables {
      keyColumns = List.copyOf(keyColumns);
    }

    public Tables(long trainRows, long holdoutRows, long syntheticRows, double seconds) {
      this(trainRows, holdoutRows, syntheticRows, seconds, List.of());
    }
  }

  /**
   * A figure for the synthetic table beside the same figure for the holdout table (the ceiling:
   * what real unseen data achieves against the training data).
   */
  public record Score(double synthetic, double ceiling) {
    /**
     * synthetic / ceiling; 1.0 means as close to the training data as real unseen data is. NaN when
     * undefined.
     */
    public double ratio() {
      return ceiling > 0 ? synthetic / ceiling : Double.NaN;
    }

    /** The mean of each side over the scores where it is defined. */
    public static Score mean(List<Score> scores) {
      return new Score(
          scores.stream()
              .mapToDouble(Score::synthetic)
              .filter(Double::isFinite)
              .average()
              .orElse(Double.NaN),
          scores.stream()
              .mapToDouble(Score::ceiling)
              .filter(Double::isFinite)
              .average()
              .orElse(Double.NaN));
    }
  }

  /**
   * Accuracy = 1 − total variation distance between binned distributions, averaged per order.
   *
   * @param overall the mean of univariate, bivariate and trivariate accuracy
   * @param overallUniBi the mean of univariate and bivariate accuracy only, as MOSTLY AI's
   *     model-quality report and the tools that quote it compute "overall accuracy"; higher than
   *     {@code overall}, since trivariate accuracy is the lowest of the three
   */
  public record Accuracy(
      Score overall,
      Score overallUniBi,
      Score univariate,
      Score bivariate,
      Score trivariate,
      int pairCount,
      int tripleCount) {
    /** The two overall figures computed from the three orders. */
    public static Accuracy of(
        Score univariate, Score bivariate, Score trivariate, int pairCount, int tripleCount) {
      return new Accuracy(
          Score.mean(List.of(univariate, bivariate, trivariate)),
          Score.mean(List.of(univariate, bivariate)),
          univariate,
          bivariate,
          trivariate,
          pairCount,
          tripleCount);
    }
  }

  /**
   * One column: its univariate accuracy, a two-sample statistic (KS for numeric columns, TVD for
   * categorical ones), and the binned shares that the report charts.
   *
   * @param binning "numeric" (equal-frequency bins) or "categorical" (most frequent values and
   *     "(other)")
   * @param statisticName "KS" or "TVD"
   * @param bins the bin labels, nulls last when the column has any
   */
  public record ColumnReport(
      String name,
      String binning,
      Score accuracy,
      String statisticName,
      double statistic,
      List<String> bins,
      List<Double> trainShares,
      List<Double> holdoutShares,
      List<Double> syntheticShares) {
    public ColumnReport {
      bins = List.copyOf(bins);
      trainShares = List.copyOf(trainShares);
      holdoutShares = List.copyOf(holdoutShares);
      syntheticShares = List.copyOf(syntheticShares);
    }
  }

  /** The bivariate accuracy of two columns. */
  public record PairReport(String first, String second, Score accuracy) {}

  /**
   * Pearson correlation matrices over the numeric columns (dates and timestamps as their epoch
   * values), and the correlation similarity 1 − |ρ_train − ρ_other| / 2 averaged over the pairs.
   * Undefined entries (a constant column) are NaN in memory and null in JSON.
   */
  public record CorrelationReport(
      List<String> columns,
      double[][] train,
      double[][] holdout,
      double[][] synthetic,
      Score similarity) {
    public CorrelationReport {
      columns = List.copyOf(columns);
    }
  }

  /**
   * Train-synthetic-test-real: one model trained on (a sample of) the synthetic table and one on
   * the training table, both scored on the holdout table.
   *
   * @param task "classification" or "regression"
   * @param metric "AUC" (one-vs-rest, weighted by class share, for more than two classes) or "R2"
   * @param trainedOnSynthetic the metric of the model trained on synthetic rows
   * @param trainedOnTraining the metric of the model trained on real rows: the ceiling
   */
  public record MlUtility(
      String target,
      String task,
      String model,
      String metric,
      double trainedOnSynthetic,
      double trainedOnTraining,
      long trainRowsUsed,
      long syntheticRowsUsed,
      long holdoutRowsUsed) {
    public double ratio() {
      return trainedOnTraining != 0 ? trainedOnSynthetic / trainedOnTraining : Double.NaN;
    }
  }

  /**
   * Privacy figures.
   *
   * @param dcrShare share of sampled synthetic rows closer to the training rows than to the holdout
   *     rows (ties count half); 0.5 is ideal, 1.0 means the synthetic rows are copies of training
   *     rows
   * @param syntheticSampleRows synthetic rows sampled for the distance search
   * @param referenceRows rows sampled from training and, as many, from holdout
   * @param medianDcrTrain median distance of a synthetic row to its closest training row
   * @param medianDcrHoldout median distance of a synthetic row to its closest holdout row
   * @param exactCopyShare share of all synthetic rows equal to some training row (key columns
   *     excluded)
   * @param exactCopies how many synthetic rows that is
   * @param holdoutExactCopyShare the same share for the holdout rows: what real data shows by
   *     chance
   * @param rareThreshold categories seen fewer times than this in training are protected
   * @param rareCategoriesLeaked protected categories that appear in the synthetic table; empty is
   *     the goal
   */
  public record Privacy(
      double dcrShare,
      long syntheticSampleRows,
      long referenceRows,
      double medianDcrTrain,
      double medianDcrHoldout,
      double exactCopyShare,
      long exactCopies,
      double holdoutExactCopyShare,
      int rareThreshold,
      long rareCategoriesChecked,
      List<LeakedCategory> rareCategoriesLeaked) {
    public Privacy {
      rareCategoriesLeaked = List.copyOf(rareCategoriesLeaked);
    }
  }

  /** A protected (rare) training category found in the synthetic table. */
  public record LeakedCategory(String column, String value, long trainCount, long syntheticCount) {}

  /**
   * A functional dependency of the training data (each value of {@code determinant}, one column or
   * two, goes with one value of {@code dependent}) and the share of rows that keep it, among rows
   * whose determinant value the training data has.
   *
   * @param trainShare the share of the training sample's rows that keep it (at least 0.99)
   */
  public record DependencyReport(
      List<String> determinant,
      String dependent,
      int determinantValues,
      double trainShare,
      Score adherence) {
    public DependencyReport {
      determinant = List.copyOf(determinant);
    }

    /** The determinant's columns joined for display: "origin, destination". */
    public String determinantText() {
      return String.join(", ", determinant);
    }
  }

  /**
   * Two high-cardinality categorical columns whose training sample holds few of the value
   * combinations possible, and the share of each table's rows whose combination is one of them.
   *
   * @param trainCombinations the combinations the training sample holds
   */
  public record CombinationReport(
      String first, String second, int trainCombinations, Score share) {}

  /**
   * An arithmetic relation among numeric columns of the training data ({@code total = a + b},
   * {@code carat ≈ 0.0061 · x · y · z}) and the share of each table's rows that keep it, among rows
   * where all its columns are present.
   *
   * @param relation the relation as text
   * @param kind "linear" (kept within {@code tolerance}, in the target's units) or "product" (a
   *     product of powers, kept within {@code tolerance} as a relative error)
   * @param trainShare the share of the training sample's rows that keep it
   */
  public record RelationReport(
      String relation,
      List<String> columns,
      String kind,
      double tolerance,
      double trainShare,
      Score adherence) {
    public RelationReport {
      columns = List.copyOf(columns);
    }
  }

  /**
   * The binned accuracy of a date or timestamp column's hour of day (24 bins, timestamps only; the
   * wall clock in the session time zone) and day of week (7 bins), nulls in a bin of their own.
   */
  public record TimeOfDayReport(String column, String zone, Score hourOfDay, Score dayOfWeek) {}
}
