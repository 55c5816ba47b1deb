package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.internal.TableReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bird strikes through the real fit: {@code Cost Total $} is the sum of {@code Cost Repair} and
 * {@code Cost Other} in every real row. The fit keeps it as a derived column, so it holds in every
 * generated row (against a few percent when the total is drawn from its own marginal), and the
 * binned accuracy does not drop.
 */
class DerivedColumnsIT {
  private static final long ROWS = 10_000;
  private static SparkSession spark;
  private static Dataset<Row> train;
  private static Dataset<Row> holdout;

  @BeforeAll
  static void split() {
    spark = SharedSpark.session();
    Dataset<Row>[] parts =
        TableReader.path(spark, SharedSpark.dataset("birdstrikes.csv"), "csv")
            .randomSplit(new double[] {0.5, 0.5}, 11);
    train = parts[0].cache();
    holdout = parts[1].cache();
  }

  /** The share of rows whose costs are all present in which the total is the sum. */
  private static double sumShare(Dataset<Row> rows) {
    return sumShare(rows, "TRUE");
  }

  /** Like {@link #sumShare(Dataset)}, among the rows that meet {@code condition}. */
  private static double sumShare(Dataset<Row> rows, String condition) {
    Dataset<Row> present =
        rows.where(
                "`Cost Total $` IS NOT NULL AND `Cost Repair` IS NOT NULL AND `Cost Other` IS NOT NULL")
            .where(condition);
    long holds = present.where("`Cost Total $` = `Cost Repair` + `Cost Other`").count();
    return (double) holds / present.count();
  }

  @Test
  void theTotalCostIsDerivedAndHoldsInEveryGeneratedRow() {
    assertThat(sumShare(train)).isEqualTo(1.0);
    SynthesisModel derived = Synthesizer.fit(train, FitOptions.builder().seed(3).build());
    SynthesisModel plain =
        Synthesizer.fit(train, FitOptions.builder().seed(3).withoutDerivedColumns().build());

    assertThat(derived.describe())
        .contains("Derived columns")
        .contains("Cost Total $ = Cost Other + Cost Repair");
    assertThat(plain.describe()).doesNotContain("Derived columns");
    Dataset<Row> withRelation = derived.generate(spark, ROWS, GenerateOptions.defaults()).cache();
    Dataset<Row> without = plain.generate(spark, ROWS, GenerateOptions.defaults()).cache();
    double derivedShare = sumShare(withRelation);
    double plainShare = sumShare(without);
    // Most totals are 0 (no damage), where a sum of zeros holds by itself.
    String costly = "`Cost Total $` <> 0";
    EvaluationResult derivedResult =
        Evaluation.evaluate(train, holdout, withRelation, EvaluationSettings.defaults());
    EvaluationResult plainResult =
        Evaluation.evaluate(train, holdout, without, EvaluationSettings.defaults());
    double derivedAccuracy = derivedResult.accuracy().overall().synthetic();
    double plainAccuracy = plainResult.accuracy().overall().synthetic();
    System.out.printf(
        "birdstrikes: sum holds in %.4f of rows derived, %.4f not (of non-zero totals: %.4f, %.4f);"
            + " overall accuracy %.4f derived, %.4f not, ceiling %.4f%n",
        derivedShare,
        plainShare,
        sumShare(withRelation, costly),
        sumShare(without, costly),
        derivedAccuracy,
        plainAccuracy,
        derivedResult.accuracy().overall().ceiling());

    assertThat(derivedShare).isEqualTo(1.0);
    assertThat(plainShare).isLessThan(0.99);
    // 10,000 rows measure accuracy to about ±0.002; a drop beyond 0.005 would be the model's.
    assertThat(derivedAccuracy).isGreaterThan(plainAccuracy - 0.005);
  }
}
