package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationResult.DependencyReport;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.internal.TableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation on real Spark, on tables whose answer is known: birdstrikes (10,000 real rows, 14
 * columns) split into a training part, a holdout part of the same size, and a fresh part that
 * stands for a perfect generator. Bounds on shares of n sampled rows sit at least 4.5σ from the
 * expected value (false-failure rate below 1e-5 per bound).
 */
class EvaluateIT {
  @TempDir static Path temp;

  private static SparkSession spark;
  private static Dataset<Row> train;
  private static Dataset<Row> holdout;
  private static Dataset<Row> fresh;

  @BeforeAll
  static void split() {
    spark = SharedSpark.session();
    Dataset<Row>[] parts =
        TableReader.path(spark, SharedSpark.dataset("birdstrikes.csv"), "csv")
            .randomSplit(new double[] {0.4, 0.4, 0.2}, 11);
    train = parts[0].cache();
    holdout = parts[1].cache();
    fresh = parts[2].cache();
  }

  private static EvaluationResult evaluate(Dataset<Row> synthetic, EvaluationSettings settings) {
    return Evaluation.evaluate(train, holdout, synthetic, settings);
  }

  @Test
  void trainingAgainstItselfScoresOneAndIsFlaggedAsACopy() {
    EvaluationResult result =
        evaluate(train, EvaluationSettings.defaults().withTarget("Effect Amount of damage"));

    assertThat(result.accuracy().overall().synthetic()).isEqualTo(1.0);
    assertThat(result.accuracy().univariate().synthetic()).isEqualTo(1.0);
    assertThat(result.accuracy().bivariate().synthetic()).isEqualTo(1.0);
    assertThat(result.accuracy().trivariate().synthetic()).isEqualTo(1.0);
    assertThat(result.accuracy().overall().ceiling()).isBetween(0.8, 0.999);
    assertThat(result.correlations().similarity().synthetic()).isCloseTo(1.0, within(1e-9));
    assertThat(result.columns()).hasSize(14);
    assertThat(result.accuracy().pairCount()).isEqualTo(91);
    assertThat(result.accuracy().tripleCount()).isEqualTo(100);
    // Every training row is in the reference (4,000 rows ≤ 20,000), so each copy sits at distance 0
    // from training;
    // only a copy that also equals a holdout row (birdstrikes repeats a few rows) ties, and a tie
    // counts half.
    assertThat(result.privacy().dcrShare()).as("%s", result.privacy()).isGreaterThan(0.97);
    assertThat(result.privacy().medianDcrTrain()).isEqualTo(0.0);
    assertThat(result.privacy().exactCopyShare()).isEqualTo(1.0);
    assertThat(result.privacy().holdoutExactCopyShare()).isLessThan(0.05);
    // The same rows and the same seed train the same forest: the utility ratio is exactly 1.
    assertThat(result.mlUtility().task()).isEqualTo("classification");
    assertThat(result.mlUtility().trainedOnSynthetic())
        .isEqualTo(result.mlUtility().trainedOnTraining());
    assertThat(result.mlUtility().trainedOnTraining()).isBetween(0.6, 1.0);
    // The whole training table is the dependency sample: it keeps each rule as often as found.
    assertThat(result.dependencies())
        .isNotEmpty()
        .allSatisfy(
            d -> assertThat(d.adherence().synthetic()).isCloseTo(d.trainShare(), within(1e-12)));
  }

  @Test
  void unseenRealRowsScoreNearTheCeilingAndHalfCloserToTraining() {
    EvaluationResult result =
        evaluate(fresh, EvaluationSettings.defaults().withTarget("Speed IAS in knots"));

    assertThat(result.accuracy().overall().ratio()).isCloseTo(1.0, within(0.05));
    assertThat(result.accuracy().univariate().ratio()).isCloseTo(1.0, within(0.03));
    // 2,000 sampled rows: σ of the share ≤ 0.011; ±0.06 is over 5σ.
    assertThat(result.privacy().syntheticSampleRows()).isEqualTo(2_000);
    assertThat(result.privacy().dcrShare()).isCloseTo(0.5, within(0.06));
    assertThat(result.mlUtility().task()).isEqualTo("regression");
    assertThat(result.mlUtility().metric()).isEqualTo("R2");
    assertThat(result.mlUtility().ratio()).isCloseTo(1.0, within(0.35));
  }

  @Test
  void independentlyShuffledColumnsKeepUnivariateAndLoseBivariate() {
    EvaluationResult result = evaluate(shuffleColumns(fresh), EvaluationSettings.defaults());

    assertThat(result.accuracy().univariate().ratio()).isCloseTo(1.0, within(0.03));
    assertThat(result.accuracy().bivariate().synthetic())
        .isLessThan(result.accuracy().bivariate().ceiling() - 0.05);
    assertThat(result.accuracy().trivariate().synthetic())
        .isLessThan(result.accuracy().trivariate().ceiling() - 0.08);
    assertThat(result.pairs().get(0).accuracy().synthetic())
        .isLessThan(result.pairs().get(0).accuracy().ceiling() - 0.2);
  }

  @Test
  void uniformNoiseScoresLow() {
    List<Column> noise = new ArrayList<>();
    int c = 0;
    for (org.apache.spark.sql.types.StructField field : train.schema().fields()) {
      Column random = functions.rand(100 + c++);
      Column value =
          field.dataType() instanceof org.apache.spark.sql.types.StringType
              ? functions.concat(
                  functions.lit("noise-"), functions.floor(random.multiply(50)).cast("string"))
              : field.dataType() instanceof org.apache.spark.sql.types.DateType
                  ? functions.date_add(
                      functions.lit("1990-01-01").cast("date"),
                      functions.floor(random.multiply(8000)).cast("int"))
                  : random.multiply(1000).cast(field.dataType());
      noise.add(value.alias(field.name()));
    }

    EvaluationResult result =
        evaluate(
            spark.range(4_000).select(noise.toArray(new Column[0])), EvaluationSettings.defaults());

    assertThat(result.accuracy().univariate().synthetic()).isLessThan(0.5);
    assertThat(result.accuracy().overall().ratio()).isLessThan(0.5);
  }

  @Test
  void aPlantedFunctionalDependencyIsFoundAndItsAdherenceMeasured() {
    Dataset<Row> planted = education(6_000, 0.0, 21);
    Dataset<Row> broken = education(20_000, 0.3, 23);
    EvaluationResult result =
        Evaluation.evaluate(
            planted, education(3_000, 0.0, 22), broken, EvaluationSettings.defaults());

    DependencyReport dependency =
        result.dependencies().stream()
            .filter(
                d ->
                    d.determinant().equals(List.of("education"))
                        && d.dependent().equals("education_num"))
            .findFirst()
            .orElseThrow();
    assertThat(dependency.determinantValues()).isEqualTo(5);
    assertThat(dependency.adherence().ceiling()).isEqualTo(1.0);
    // Breaking 30% of rows keeps a fifth of those by chance: 0.7 + 0.3 / 5 = 0.76; σ = 0.003 at
    // 20,000 rows.
    assertThat(dependency.adherence().synthetic()).isCloseTo(0.76, within(0.015));
    assertThat(result.dependencies())
        .extracting(d -> d.determinantText() + "->" + d.dependent())
        .doesNotContain("age->education", "education->age");
  }

  /**
   * education and its number (the adult census pair); a share of rows get a random number instead.
   */
  private static Dataset<Row> education(int rows, double breakShare, long seed) {
    return spark
        .range(rows)
        .select(
            functions.floor(functions.rand(seed).multiply(5)).cast("int").alias("level"),
            functions.floor(functions.rand(seed + 1).multiply(5)).cast("int").alias("other"),
            functions.rand(seed + 2).alias("broken"),
            functions.rand(seed + 3).multiply(50).plus(20).alias("age"))
        .select(
            functions
                .element_at(
                    functions.array(
                        lits("HS-grad", "Some-college", "Bachelors", "Masters", "Doctorate")),
                    functions.col("level").plus(1))
                .alias("education"),
            functions
                .element_at(
                    functions.array(lits(9, 10, 13, 14, 16)),
                    functions
                        .when(functions.col("broken").lt(breakShare), functions.col("other"))
                        .otherwise(functions.col("level"))
                        .plus(1))
                .alias("education_num"),
            functions.col("age"));
  }

  private static Column[] lits(Object... values) {
    Column[] columns = new Column[values.length];
    for (int i = 0; i < values.length; i++) {
      columns[i] = functions.lit(values[i]);
    }

    return columns;
  }

  /** Each column in its own random order: the marginals stay, every dependence goes. */
  private static Dataset<Row> shuffleColumns(Dataset<Row> table) {
    Dataset<Row> result = null;
    int c = 0;
    for (String name : table.columns()) {
      Dataset<Row> column =
          table.select(
              functions.col("`" + name + "`"),
              functions.row_number().over(Window.orderBy(functions.rand(50 + c++))).alias("__row"));
      result = result == null ? column : result.join(column, "__row");
    }

    return result.drop("__row");
  }

  @Test
  void fitWithHoldoutShareWritesTheReportAndTheFigures() throws IOException {
    Path model = temp.resolve("penguins.json");
    Path report = temp.resolve("fit-report.html");
    Path json = temp.resolve("fit-metrics.json");
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            model.toString(),
            "--holdout-share",
            "0.3",
            "--report",
            report.toString(),
            "--json",
            json.toString(),
            "--target",
            "Species",
            "--seed",
            "5");

    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out())
        .contains(
            "Fitted 7 columns",
            "overall (uni+bi+tri)",
            "overall (uni+bi, MOSTLY AI style)",
            "ML utility AUC",
            "DCR share");
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    assertThat(
            figures.at("/tables/holdout-rows").asLong() + figures.at("/tables/train-rows").asLong())
        .isEqualTo(344);
    assertThat(figures.at("/tables/synthetic-rows").asLong())
        .isEqualTo(figures.at("/tables/train-rows").asLong());
    assertThat(figures.at("/accuracy/overall/ratio").asDouble()).isGreaterThan(0.8);
    assertThat(figures.at("/ml-utility/trained-on-training").asDouble()).isGreaterThan(0.95);
    assertThat(figures.at("/ml-utility/trained-on-synthetic").asDouble()).isGreaterThan(0.85);
    // A learned model's rows are no closer to training than to holdout rows by more than chance
    // allows at ~100 rows.
    assertThat(figures.at("/privacy/dcr-share").asDouble()).isBetween(0.2, 0.8);
    assertThat(figures.at("/privacy/exact-copies").asLong()).isZero();
    // The report of a real run renders: one chart per column plus three correlation heatmaps, no
    // script error.
    Chromium.Output dom = Chromium.find(temp).dumpDom(report);
    assertThat(dom.stdout())
        .as("chromium stderr:%n%s", dom.stderr())
        .contains("data-charts-rendered=\"" + (figures.at("/columns").size() + 3) + "\"")
        .doesNotContain("data-script-errors");
  }

  @Test
  void evaluateCommandReadsPathsAndCatalogTablesAndRejectsBadInput() throws IOException {
    String trainPath = temp.resolve("train-parquet").toString();
    train.write().parquet(trainPath);
    holdout.write().saveAsTable("evaluate_holdout");
    Path json = temp.resolve("cli.json");
    Cli.Result ok =
        Cli.run(
            "evaluate",
            "--train",
            trainPath,
            "--holdout",
            "evaluate_holdout",
            "--synthetic",
            "table:evaluate_holdout",
            "--json",
            json.toString(),
            "--dcr-rows",
            "500");

    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(
            new ObjectMapper()
                .readTree(json.toFile())
                .at("/privacy/synthetic-sample-rows")
                .asLong())
        .isEqualTo(500);

    fresh.drop("Wildlife Size").write().parquet(temp.resolve("narrow").toString());
    assertError(
        Cli.run(
            "evaluate",
            "--train",
            trainPath,
            "--holdout",
            trainPath,
            "--synthetic",
            temp.resolve("narrow").toString()),
        "the synthetic table lacks the training column(s) [Wildlife Size]");
    assertError(
        Cli.run(
            "evaluate",
            "--train",
            trainPath,
            "--holdout",
            trainPath,
            "--synthetic",
            trainPath,
            "--target",
            "nope"),
        "--target 'nope' is not a compared column");
    assertError(
        Cli.run(
            "evaluate",
            "--train",
            temp.resolve("missing").toString(),
            "--holdout",
            trainPath,
            "--synthetic",
            trainPath),
        "--train " + temp.resolve("missing") + " is neither an existing path nor a catalog table");
    assertError(
        Cli.run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            temp.resolve("x.json").toString(),
            "--holdout-share",
            "1.5"),
        "--holdout-share must be between 0 and 1");
    assertError(
        Cli.run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            temp.resolve("x.json").toString(),
            "--report",
            temp.resolve("x.html").toString()),
        "add --holdout-share");
  }

  private static void assertError(Cli.Result result, String message) {
    assertThat(result.status()).as("exit status; stderr: %s", result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("synthlake: error: ").contains(message);
    assertThat(result.err().strip().lines().count()).as("one line: %s", result.err()).isEqualTo(1);
  }
}
