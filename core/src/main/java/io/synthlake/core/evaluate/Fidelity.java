package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.Accuracy;
import io.synthlake.core.evaluate.EvaluationResult.ColumnReport;
import io.synthlake.core.evaluate.EvaluationResult.CombinationReport;
import io.synthlake.core.evaluate.EvaluationResult.CorrelationReport;
import io.synthlake.core.evaluate.EvaluationResult.DependencyReport;
import io.synthlake.core.evaluate.EvaluationResult.PairReport;
import io.synthlake.core.evaluate.EvaluationResult.RelationReport;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.EvaluationResult.TimeOfDayReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fidelity figures computed from three profiles of one plan: the training table's (the
 * reference), the holdout table's (the ceiling) and the synthetic table's. Pure arithmetic on
 * counts; docs/evaluation.md defines each figure.
 */
public record Fidelity(
    Accuracy accuracy,
    List<ColumnReport> columns,
    List<PairReport> pairs,
    CorrelationReport correlations,
    List<DependencyReport> dependencies,
    List<CombinationReport> combinations,
    List<TimeOfDayReport> timeOfDay,
    List<RelationReport> relations) {

  public static Fidelity of(TableProfile train, TableProfile holdout, TableProfile synthetic) {
    ProfilePlan plan = train.plan();
    List<ColumnBinning> binnings = plan.columns();
    List<ColumnReport> columns = new ArrayList<>();
    for (int c = 0; c < binnings.size(); c++) {
      columns.add(
          column(
              binnings.get(c),
              train.coarse(c),
              holdout.coarse(c),
              synthetic.coarse(c),
              train.fine(c),
              synthetic.fine(c)));
    }

    List<PairReport> pairs = new ArrayList<>();
    for (int p = 0; p < plan.pairs().length; p++) {
      int[] pair = plan.pairs()[p];
      pairs.add(
          new PairReport(
              binnings.get(pair[0]).name(),
              binnings.get(pair[1]).name(),
              score(train.pair(p), holdout.pair(p), synthetic.pair(p))));
    }

    List<Score> triples = new ArrayList<>();
    for (int t = 0; t < plan.triples().length; t++) {
      triples.add(score(train.triple(t), holdout.triple(t), synthetic.triple(t)));
    }

    Score univariate = Score.mean(columns.stream().map(ColumnReport::accuracy).toList());
    Score bivariate = Score.mean(pairs.stream().map(PairReport::accuracy).toList());
    Score trivariate = Score.mean(triples);
    columns.sort(Comparator.comparingDouble(column -> column.accuracy().synthetic()));
    pairs.sort(Comparator.comparingDouble(pair -> pair.accuracy().synthetic()));
    return new Fidelity(
        Accuracy.of(univariate, bivariate, trivariate, pairs.size(), triples.size()),
        columns,
        pairs,
        correlations(train, holdout, synthetic),
        dependencies(train, holdout, synthetic),
        combinations(train, holdout, synthetic),
        timeOfDay(train, holdout, synthetic),
        relations(train, holdout, synthetic));
  }

  /**
   * 1 − total variation distance between two count vectors over the same bins; NaN if either is
   * empty.
   */
  public static double accuracy(long[] a, long[] b) {
    double totalA = 0;
    double totalB = 0;
    for (int i = 0; i < a.length; i++) {
      totalA += a[i];
      totalB += b[i];
    }

    if (totalA == 0 || totalB == 0) {
      return Double.NaN;
    }

    double distance = 0;
    for (int i = 0; i < a.length; i++) {
      distance += Math.abs(a[i] / totalA - b[i] / totalB);
    }

    return 1 - distance / 2;
  }

  private static Score score(long[] train, long[] holdout, long[] synthetic) {
    return new Score(accuracy(train, synthetic), accuracy(train, holdout));
  }

  private static ColumnReport column(
      ColumnBinning binning,
      long[] train,
      long[] holdout,
      long[] synthetic,
      long[] fineTrain,
      long[] fineSynthetic) {
    boolean numeric = binning.isNumeric();
    double statistic =
        numeric ? ksAtBinEdges(fineTrain, fineSynthetic) : 1 - accuracy(fineTrain, fineSynthetic);
    return new ColumnReport(
        binning.name(),
        numeric ? "numeric" : "categorical",
        score(train, holdout, synthetic),
        numeric ? "KS" : "TVD",
        statistic,
        binning.labels(),
        shares(train),
        shares(holdout),
        shares(synthetic));
  }

  /**
   * The Kolmogorov-Smirnov distance between two binned samples, evaluated at the bin edges (the
   * training percentiles), over non-null values; the null bin is last. A lower bound of the exact
   * KS within one fine bin's mass.
   */
  static double ksAtBinEdges(long[] a, long[] b) {
    int values = a.length - 1;
    double totalA = 0;
    double totalB = 0;
    for (int i = 0; i < values; i++) {
      totalA += a[i];
      totalB += b[i];
    }

    if (totalA == 0 || totalB == 0) {
      return Double.NaN;
    }

    double cumulativeA = 0;
    double cumulativeB = 0;
    double max = 0;
    for (int i = 0; i < values; i++) {
      cumulativeA += a[i];
      cumulativeB += b[i];
      max = Math.max(max, Math.abs(cumulativeA / totalA - cumulativeB / totalB));
    }

    return max;
  }

  private static List<Double> shares(long[] counts) {
    double total = 0;
    for (long count : counts) {
      total += count;
    }

    List<Double> shares = new ArrayList<>();
    for (long count : counts) {
      shares.add(total == 0 ? 0.0 : count / total);
    }

    return shares;
  }

  private static CorrelationReport correlations(
      TableProfile train, TableProfile holdout, TableProfile synthetic) {
    ProfilePlan plan = train.plan();
    int[] numeric = plan.numeric();
    List<String> names = new ArrayList<>();
    for (int column : numeric) {
      names.add(plan.columns().get(column).name());
    }

    double[][] realMatrix = matrix(train, numeric.length);
    double[][] holdoutMatrix = matrix(holdout, numeric.length);
    double[][] syntheticMatrix = matrix(synthetic, numeric.length);
    List<Score> similarity = new ArrayList<>();
    for (int i = 0; i < numeric.length; i++) {
      for (int j = i + 1; j < numeric.length; j++) {
        similarity.add(
            new Score(
                1 - Math.abs(realMatrix[i][j] - syntheticMatrix[i][j]) / 2,
                1 - Math.abs(realMatrix[i][j] - holdoutMatrix[i][j]) / 2));
      }
    }

    return new CorrelationReport(
        names, realMatrix, holdoutMatrix, syntheticMatrix, Score.mean(similarity));
  }

  private static double[][] matrix(TableProfile profile, int m) {
    double[][] matrix = new double[m][m];
    for (int i = 0; i < m; i++) {
      matrix[i][i] = 1;
      for (int j = i + 1; j < m; j++) {
        matrix[i][j] = profile.correlation(i, j);
        matrix[j][i] = matrix[i][j];
      }
    }

    return matrix;
  }

  private static List<DependencyReport> dependencies(
      TableProfile train, TableProfile holdout, TableProfile synthetic) {
    List<DependencyReport> reports = new ArrayList<>();
    List<FunctionalDependency> dependencies = train.plan().dependencies();
    List<ColumnBinning> columns = train.plan().columns();
    for (int d = 0; d < dependencies.size(); d++) {
      FunctionalDependency dependency = dependencies.get(d);
      reports.add(
          new DependencyReport(
              dependency.determinant().stream().map(c -> columns.get(c).name()).toList(),
              columns.get(dependency.dependent()).name(),
              dependency.mapping().size(),
              dependency.trainShare(),
              new Score(adherence(synthetic, d), adherence(holdout, d))));
    }

    return reports;
  }

  private static double adherence(TableProfile profile, int dependency) {
    long checked = profile.dependencyChecked(dependency);
    return checked == 0 ? Double.NaN : (double) profile.dependencyKept(dependency) / checked;
  }

  private static List<CombinationReport> combinations(
      TableProfile train, TableProfile holdout, TableProfile synthetic) {
    List<CombinationReport> reports = new ArrayList<>();
    List<ValidCombinations> combinations = train.plan().combinations();
    List<ColumnBinning> columns = train.plan().columns();
    for (int k = 0; k < combinations.size(); k++) {
      ValidCombinations pair = combinations.get(k);
      reports.add(
          new CombinationReport(
              columns.get(pair.first()).name(),
              columns.get(pair.second()).name(),
              pair.combinations().size(),
              new Score(
                  share(synthetic.combinationsKept(k), synthetic.rows()),
                  share(holdout.combinationsKept(k), holdout.rows()))));
    }

    return reports;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  private static List<TimeOfDayReport> timeOfDay(
      TableProfile train, TableProfile holdout, TableProfile synthetic) {
    List<TimeOfDayReport> reports = new ArrayList<>();
    List<WallClock> clocks = train.plan().clocks();
    for (int k = 0; k < clocks.size(); k++) {
      WallClock clock = clocks.get(k);
      Score hour =
          clock.timestamp()
              ? score(train.hours(k), holdout.hours(k), synthetic.hours(k))
              : new Score(Double.NaN, Double.NaN);
      reports.add(
          new TimeOfDayReport(
              train.plan().columns().get(clock.column()).name(),
              clock.timestamp() ? clock.zone() : null,
              hour,
              score(train.days(k), holdout.days(k), synthetic.days(k))));
    }

    return reports;
  }

  private static List<RelationReport> relations(
      TableProfile train, TableProfile holdout, TableProfile synthetic) {
    List<RelationReport> reports = new ArrayList<>();
    List<NumericRelation> relations = train.plan().relations();
    List<ColumnBinning> columns = train.plan().columns();
    for (int r = 0; r < relations.size(); r++) {
      NumericRelation relation = relations.get(r);
      List<String> names = new ArrayList<>();
      names.add(columns.get(relation.target()).name());
      relation.inputs().forEach(input -> names.add(columns.get(input).name()));
      reports.add(
          new RelationReport(
              relation.formula(),
              names,
              relation.linear() ? "linear" : "product",
              relation.linear() ? relation.halfUnit() : relation.tolerance(),
              kept(train, r),
              new Score(kept(synthetic, r), kept(holdout, r))));
    }

    return reports;
  }

  private static double kept(TableProfile profile, int relation) {
    return share(profile.relationKept(relation), profile.relationChecked(relation));
  }
}
