package io.synthlake.core.evaluate;

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
import java.util.List;

/**
 * Small, complete evaluation results for the JSON and HTML tests; the figures are made up but
 * consistent.
 */
final class EvaluationFixtures {
  static final String HOSTILE = "</script><b>x";

  private EvaluationFixtures() {}

  /**
   * Three columns (one named {@code categoryName}), a NaN correlation, an undefined ratio, ML
   * utility and a leak.
   */
  static EvaluationResult sample(String categoryName) {
    double nan = Double.NaN;
    return new EvaluationResult(
        new Tables(8_000, 2_000, 10_000, 12.5),
        new Accuracy(
            new Score(0.91, 0.95),
            new Score(0.92, 0.955),
            new Score(0.93, 0.96),
            new Score(0.89, 0.94),
            new Score(0.86, 0.92),
            3,
            1),
        List.of(
            new ColumnReport(
                categoryName,
                "categorical",
                new Score(0.88, 0.97),
                "TVD",
                0.12,
                List.of("a & b", "<i>c</i>", "(other)"),
                List.of(0.5, 0.3, 0.2),
                List.of(0.49, 0.31, 0.2),
                List.of(0.6, 0.25, 0.15)),
            new ColumnReport(
                "amount",
                "numeric",
                new Score(0.93, 0.96),
                "KS",
                0.04,
                List.of("[0, 10)", "[10, 50)", "[50, 900]", "null"),
                List.of(0.3, 0.3, 0.3, 0.1),
                List.of(0.29, 0.31, 0.3, 0.1),
                List.of(0.33, 0.28, 0.29, 0.1)),
            new ColumnReport(
                "constant",
                "numeric",
                new Score(1.0, 0.0),
                "KS",
                nan,
                List.of("[1, 1]"),
                List.of(1.0),
                List.of(1.0),
                List.of(1.0))),
        List.of(
            new PairReport(categoryName, "amount", new Score(0.85, 0.93)),
            new PairReport("amount", "constant", new Score(0.92, 0.95))),
        new CorrelationReport(
            List.of("amount", "age", "constant"),
            new double[][] {{1, 0.6, nan}, {0.6, 1, nan}, {nan, nan, 1}},
            new double[][] {{1, 0.58, nan}, {0.58, 1, nan}, {nan, nan, 1}},
            new double[][] {{1, 0.5, nan}, {0.5, 1, nan}, {nan, nan, Double.POSITIVE_INFINITY}},
            new Score(0.95, 0.99)),
        new MlUtility(
            "churn",
            "classification",
            "logistic regression",
            "AUC",
            0.81,
            0.84,
            8_000,
            8_000,
            2_000),
        new Privacy(
            0.52,
            2_000,
            2_000,
            1.3,
            1.35,
            0.0002,
            2,
            0.0001,
            5,
            40,
            List.of(new LeakedCategory(categoryName, "<rare & secret>", 2, 3))),
        List.of(new DependencyReport(List.of("zip"), "city", 120, 1.0, new Score(0.97, 0.99))));
  }

  static EvaluationResult sample() {
    return sample("segment");
  }

  /** The same result without ML utility and with fewer than two numeric columns. */
  static EvaluationResult withoutTargetOrCorrelations() {
    EvaluationResult full = sample();
    return new EvaluationResult(
        full.tables(),
        full.accuracy(),
        full.columns(),
        full.pairs(),
        new CorrelationReport(
            List.of("amount"),
            new double[][] {{1}},
            new double[][] {{1}},
            new double[][] {{1}},
            new Score(Double.NaN, Double.NaN)),
        null,
        full.privacy(),
        List.of());
  }
}
