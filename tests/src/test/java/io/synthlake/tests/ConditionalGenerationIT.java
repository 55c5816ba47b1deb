package io.synthlake.tests;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.internal.TableReader;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional generation ({@code --where}, {@link GenerateOptions#where}, the data source option
 * {@code where}) on birdstrikes: exact row counts, every row satisfying the condition, the same
 * rows whatever the partitioning, and the other columns' conditional distributions as close to the
 * real rows that satisfy the condition as real unseen rows are.
 */
class ConditionalGenerationIT {
  private static final String LARGE = "`Wildlife Size` = 'Large'";

  @TempDir static Path temp;

  private static SparkSession spark;
  private static Dataset<Row> train;
  private static Dataset<Row> holdout;
  private static SynthesisModel model;
  private static String modelPath;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    Dataset<Row>[] parts =
        TableReader.path(spark, SharedSpark.dataset("birdstrikes.csv"), "csv")
            .randomSplit(new double[] {0.5, 0.5}, 5);
    train = parts[0].cache();
    holdout = parts[1].cache();
    model = Synthesizer.fit(train, FitOptions.defaults());
    modelPath = temp.resolve("birdstrikes.json").toString();
    model.save(spark, modelPath);
  }

  @Test
  void theCommandLineWritesExactlyTheRowsAskedAllSatisfyingTheCondition() {
    String where = LARGE + " AND `Speed IAS in knots` > 150 AND `Time of day` IN ('Day', 'Dusk')";
    String output = temp.resolve("large-fast").toString();
    Cli.Result result =
        Cli.run(
            "generate",
            "--model",
            modelPath,
            "--rows",
            "20000",
            "--where",
            where,
            "--output",
            output,
            "--format",
            "parquet",
            "--partitions",
            "3");
    assertThat(result.status()).as(result.err()).isZero();

    Dataset<Row> written = spark.read().parquet(output);
    assertThat(written.count()).isEqualTo(20_000);
    Column holds =
        col("Wildlife Size")
            .equalTo("Large")
            .and(col("Speed IAS in knots").gt(150))
            .and(col("Time of day").isin("Day", "Dusk"));
    assertThat(written.filter(holds).count()).isEqualTo(20_000);
  }

  @Test
  void theApiAndTheDataSourceOptionGiveTheSameRowsWhateverThePartitions() {
    String where = "`Phase of flight` = 'Descent' AND `Cost Repair` IS NOT NULL";
    Dataset<Row> api =
        model.generate(spark, 30_000, GenerateOptions.defaults().withSeed(3).where(where));
    Dataset<Row> option =
        spark
            .read()
            .format("synthlake")
            .option("model", modelPath)
            .option("rows", "30000")
            .option("seed", "3")
            .option("partitions", "5")
            .option("where", where)
            .load();

    assertThat(api.count()).isEqualTo(30_000);
    assertThat(option.count()).isEqualTo(30_000);
    assertThat(
            option
                .filter(
                    col("Phase of flight").equalTo("Descent").and(col("Cost Repair").isNotNull()))
                .count())
        .isEqualTo(30_000);
    assertThat(api.exceptAll(option).count()).isZero();
    assertThat(option.exceptAll(api).count()).isZero();
  }

  @Test
  void otherColumnsFollowTheModelsConditionalAndTheRealMatchingRows() {
    Column large = col("Wildlife Size").equalTo("Large");
    Dataset<Row> realTrain = train.filter(large);
    Dataset<Row> realHoldout = holdout.filter(large);
    Dataset<Row> conditioned =
        model.generate(spark, 20_000, GenerateOptions.defaults().where(LARGE)).cache();
    Dataset<Row> unconditioned = model.generate(spark, 20_000, GenerateOptions.defaults());
    // The model's own conditional by rejection: its Large rows among 300,000 (about 20,000).
    Dataset<Row> rejected =
        model
            .generate(spark, 300_000, GenerateOptions.defaults().withSeed(8))
            .filter(large)
            .cache();

    EvaluationResult given = Evaluation.evaluate(realTrain, realHoldout, conditioned);
    EvaluationResult byRejection = Evaluation.evaluate(realTrain, realHoldout, rejected);
    EvaluationResult ignored = Evaluation.evaluate(realTrain, realHoldout, unconditioned);
    String damage = "Effect Amount of damage";
    double none = share(conditioned, damage, "None");
    double rejectedNone = share(rejected, damage, "None");
    System.out.printf(
        Locale.ROOT,
        "conditional on %s: univariate accuracy %.3f (by rejection %.3f, ceiling %.3f, "
            + "unconditioned %.3f), bivariate %.3f (by rejection %.3f, ceiling %.3f, "
            + "unconditioned %.3f); damage None %.3f (by rejection %.3f, real Large %.3f, all "
            + "real rows %.3f)%n",
        LARGE,
        given.accuracy().univariate().synthetic(),
        byRejection.accuracy().univariate().synthetic(),
        given.accuracy().univariate().ceiling(),
        ignored.accuracy().univariate().synthetic(),
        given.accuracy().bivariate().synthetic(),
        byRejection.accuracy().bivariate().synthetic(),
        given.accuracy().bivariate().ceiling(),
        ignored.accuracy().bivariate().synthetic(),
        none,
        rejectedNone,
        share(realTrain, damage, "None"),
        share(train, damage, "None"));

    // By construction the rows are the model's conditional: what rejection keeps, within sampling
    // error (two shares of about 20,000 rows each: standard error 0.005, so 0.02 is four).
    assertThat(none).isCloseTo(rejectedNone, within(0.02));
    assertThat(given.accuracy().univariate().synthetic())
        .isCloseTo(byRejection.accuracy().univariate().synthetic(), within(0.02));
    // Against the real Large rows (about 370 unseen ones, a noisy sample: the ceiling is well below
    // 1), the conditioned rows come near the ceiling and far above rows that ignore the condition.
    assertThat(given.accuracy().univariate().ratio()).isGreaterThan(0.95);
    assertThat(given.accuracy().univariate().synthetic())
        .isGreaterThan(ignored.accuracy().univariate().synthetic() + 0.05);
    // Large wildlife does more damage: no damage in 0.553 of the real Large training rows against
    // 0.89 of all birdstrikes. The model follows little of the way (0.863 measured with each size's
    // tuples kept together in the copula order; 0.858 with the principal-component order, 0.776
    // when every group, the make-model x operator pair too, was kept in blocks). A regression
    // guard: the fit is seeded, so the figure repeats unless the fit changes; the share of 20,000
    // rows has a standard error of 0.0024, so the bound sits seven of them above the measured share
    // and the same fit drawing other rows would fail far less often than once in a billion.
    assertThat(none).isLessThan(0.88);
  }

  private static double share(Dataset<Row> rows, String column, String value) {
    return rows.filter(col(column).equalTo(value)).count() / (double) rows.count();
  }

  @Test
  void aConditionTheModelCannotMeetIsOneLineNamingTheColumn() {
    Cli.Result unknown =
        Cli.run(
            "generate",
            "--model",
            modelPath,
            "--rows",
            "10",
            "--where",
            "`Wildlife Size` = 'Huge'",
            "--output",
            temp.resolve("never").toString());
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("column 'Wildlife Size'", "no category 'Huge'", "'Small'")
        .doesNotContain("\tat ");

    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("synthlake")
                    .option("model", modelPath)
                    .option("rows", "10")
                    .option("where", "`Speed IAS in knots` > 100 OR 1 = 1")
                    .load()
                    .count())
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("OR is not supported");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("synthlake")
                    .option("model", modelPath)
                    .option("rows", "10")
                    .option("where", LARGE)
                    .option("edge-cases", "0.1")
                    .load()
                    .count())
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("'where' and 'edge-cases' cannot be combined");
  }
}
