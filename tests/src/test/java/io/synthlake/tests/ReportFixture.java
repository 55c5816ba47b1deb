package io.synthlake.tests;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationResult.Accuracy;
import io.synthlake.core.evaluate.EvaluationResult.ColumnReport;
import io.synthlake.core.evaluate.EvaluationResult.CorrelationReport;
import io.synthlake.core.evaluate.EvaluationResult.DependencyReport;
import io.synthlake.core.evaluate.EvaluationResult.LeakedCategory;
import io.synthlake.core.evaluate.EvaluationResult.MlUtility;
import io.synthlake.core.evaluate.EvaluationResult.PairReport;
import io.synthlake.core.evaluate.EvaluationResult.Privacy;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.EvaluationResult.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic evaluation of a customer table (made-up figures of the size and shape a real run
 * gives): numeric and categorical columns with many bins, a constant column, correlations with
 * undefined entries, dependencies, and a leaked rare category. Core's test fixtures are not visible
 * from this module, hence this one.
 */
final class ReportFixture {
  static final String HOSTILE_NAME = "</script><b>x";

  /** Sets data-injected on the body if a browser ever runs it as markup. */
  static final String HOSTILE_VALUE =
      "<img src=x onerror=\"document.body.dataset.injected='yes'\">";

  private ReportFixture() {}

  static EvaluationResult customers() {
    double nan = Double.NaN;
    List<ColumnReport> columns =
        List.of(
            categorical(
                "region",
                0.84,
                0.97,
                List.of("north", "south", "east", "west", "central", "islands", "(other)"),
                new double[] {0.26, 0.22, 0.18, 0.14, 0.11, 0.05, 0.04},
                new double[] {0.10, -0.06, 0.02, -0.03, 0.0, -0.02, -0.01}),
            numeric(
                "income",
                0.88,
                0.96,
                0.071,
                new double[] {
                  0, 18_000, 26_000, 33_000, 41_000, 50_000, 62_000, 80_000, 110_000, 250_000
                },
                new double[] {-0.02, -0.01, 0.0, 0.01, 0.02, 0.02, 0.0, -0.01, -0.01}),
            categorical(
                HOSTILE_NAME,
                0.90,
                0.98,
                List.of("<i>gold</i>", "silver & co", HOSTILE_VALUE, "null"),
                new double[] {0.15, 0.35, 0.45, 0.05},
                new double[] {0.04, -0.03, -0.01, 0.0}),
            numeric(
                "age",
                0.93,
                0.97,
                0.038,
                new double[] {18, 24, 29, 34, 39, 45, 52, 60, 71, 95},
                new double[] {0.01, 0.0, -0.01, 0.0, 0.01, 0.0, -0.01, 0.0, 0.0}),
            categorical(
                "plan",
                0.95,
                0.98,
                List.of("basic", "plus", "premium"),
                new double[] {0.55, 0.30, 0.15},
                new double[] {0.01, -0.01, 0.0}),
            numeric(
                "tenure_months",
                0.96,
                0.97,
                0.021,
                new double[] {0, 3, 8, 14, 22, 33, 48, 70, 96, 180},
                new double[] {0.0, 0.005, -0.005, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}),
            numeric("country_code", 1.0, 1.0, 0.0, new double[] {44, 44}, new double[] {0.0}));
    List<String> numeric = List.of("income", "age", "tenure_months", "balance", "country_code");
    double[][] train = {
      {1, 0.42, 0.18, 0.63, nan},
      {0.42, 1, 0.35, 0.28, nan},
      {0.18, 0.35, 1, 0.22, nan},
      {0.63, 0.28, 0.22, 1, nan},
      {nan, nan, nan, nan, nan}
    };
    double[][] holdout = {
      {1, 0.40, 0.20, 0.61, nan},
      {0.40, 1, 0.33, 0.30, nan},
      {0.20, 0.33, 1, 0.21, nan},
      {0.61, 0.30, 0.21, 1, nan},
      {nan, nan, nan, nan, nan}
    };
    double[][] synthetic = {
      {1, 0.31, 0.16, 0.52, nan},
      {0.31, 1, 0.37, 0.20, nan},
      {0.16, 0.37, 1, 0.25, nan},
      {0.52, 0.20, 0.25, 1, nan},
      {nan, nan, nan, nan, nan}
    };
    List<PairReport> pairs = new ArrayList<>();
    List<String> names = columns.stream().map(ColumnReport::name).toList();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        pairs.add(
            new PairReport(
                names.get(i), names.get(j), new Score(0.78 + 0.008 * pairs.size(), 0.94)));
      }
    }

    return new EvaluationResult(
        new Tables(80_000, 20_000, 100_000, 47.3),
        new Accuracy(
            new Score(0.89, 0.95),
            new Score(0.90, 0.96),
            new Score(0.92, 0.97),
            new Score(0.88, 0.95),
            new Score(0.86, 0.93),
            pairs.size(),
            35),
        columns,
        pairs,
        new CorrelationReport(numeric, train, holdout, synthetic, new Score(0.95, 0.99)),
        new MlUtility(
            "churned",
            "classification",
            "logistic regression",
            "AUC",
            0.79,
            0.83,
            50_000,
            50_000,
            20_000),
        new Privacy(
            0.53,
            5_000,
            5_000,
            1.42,
            1.47,
            0.0004,
            40,
            0.0003,
            5,
            112,
            List.of(new LeakedCategory("region", HOSTILE_VALUE, 3, 7))),
        List.of(
            new DependencyReport(List.of("zip"), "city", 940, 1.0, new Score(0.962, 0.991)),
            new DependencyReport(
                List.of("plan", "region"), "monthly_fee", 3, 0.995, new Score(1.0, 1.0)),
            new DependencyReport(
                List.of(HOSTILE_NAME), "tier_label", 4, 1.0, new Score(0.71, 0.99))));
  }

  /** Equal-frequency bins of training; holdout wobbles slightly, synthetic by {@code skew}. */
  private static ColumnReport numeric(
      String name, double accuracy, double ceiling, double ks, double[] edges, double[] skew) {
    int bins = edges.length - 1;
    List<String> labels = new ArrayList<>();
    List<Double> train = new ArrayList<>();
    List<Double> holdout = new ArrayList<>();
    List<Double> synthetic = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      labels.add(
          "[" + format(edges[i]) + ", " + format(edges[i + 1]) + (i == bins - 1 ? "]" : ")"));
      train.add(1.0 / bins);
      holdout.add(1.0 / bins + (i % 2 == 0 ? 0.004 : -0.004));
      synthetic.add(1.0 / bins + skew[i]);
    }

    return new ColumnReport(
        name, "numeric", new Score(accuracy, ceiling), "KS", ks, labels, train, holdout, synthetic);
  }

  private static ColumnReport categorical(
      String name,
      double accuracy,
      double ceiling,
      List<String> values,
      double[] shares,
      double[] skew) {
    List<Double> train = new ArrayList<>();
    List<Double> holdout = new ArrayList<>();
    List<Double> synthetic = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      train.add(shares[i]);
      holdout.add(shares[i] * (i % 2 == 0 ? 1.02 : 0.98));
      synthetic.add(shares[i] + skew[i]);
    }

    return new ColumnReport(
        name,
        "categorical",
        new Score(accuracy, ceiling),
        "TVD",
        1 - accuracy,
        values,
        train,
        holdout,
        synthetic);
  }

  private static String format(double value) {
    return value >= 10_000 ? Math.round(value / 1000) + "k" : String.valueOf(Math.round(value));
  }
}
