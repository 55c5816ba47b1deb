package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.SequenceReport;
import io.synthlake.core.evaluate.SequenceSpec;
import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.core.fit.DegeneratePolicy;
import io.synthlake.spark.EntitySequence;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableSetSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily weather evaluated as histories: Seattle's days are the training history and New York's the
 * held-out one (a split by entity), the model fitted on Seattle generates twenty histories, and the
 * evaluation, through the API and the command line, reads their lengths, gaps, autocorrelations,
 * transitions, next-step pairs and rules beside New York's figures; the report draws the histories
 * and the autocorrelations in a real browser.
 */
class SequenceEvaluateIT {
  private static final EntitySequence DAYS = new EntitySequence("weather", "location", "date");
  private static final SequenceSpec SPEC = SequenceSpec.of("weather", "location", "date");

  /** This split seed holds out New York and keeps Seattle (checked below). */
  private static final long SPLIT_SEED = 1;

  @TempDir static Path temp;

  private static SparkSession spark;
  private static TableSetSplit split;
  private static List<String> relations;
  private static TableSetModel model;
  private static Map<String, Dataset<Row>> synthetic;

  @BeforeAll
  static void fitAndGenerate() {
    spark = SharedSpark.session();
    Dataset<Row> real =
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(SharedSpark.dataset("weather.csv"))
            .withColumn("date", functions.to_date(functions.col("date")));
    EntitySequence.Inputs inputs =
        EntitySequence.withEntities(Map.of("weather", real), List.of(), List.of(DAYS));
    relations = inputs.relations();
    split = TableSetSplit.of(inputs.tables(), relations, 0.5, SPLIT_SEED);
    model =
        Synthesizer.fitTables(
            split.train(),
            relations,
            List.of(DAYS),
            // One training city: its entity table's one value is kept as it is.
            FitOptions.builder().seed(3).degenerate(DegeneratePolicy.KEEP).build());
    synthetic =
        model.generate(spark, "weather_location", 20, GenerateOptions.defaults().withSeed(5));
  }

  @Test
  void theSplitHoldsOutOneCity() {
    assertThat(split.train().get("weather_location").collectAsList())
        .extracting(row -> row.getString(0))
        .containsExactly("Seattle");
    assertThat(split.holdout().get("weather_location").collectAsList())
        .extracting(row -> row.getString(0))
        .containsExactly("New York");
  }

  @Test
  void historiesKeepTheirLengthsGapsAutocorrelationAndRules() {
    TableSetEvaluationResult result =
        Evaluation.evaluateTables(
            split.train(),
            split.holdout(),
            synthetic,
            relations,
            List.of(SPEC),
            EvaluationSettings.defaults());
    assertThat(result.sequences()).hasSize(1);
    SequenceReport report = result.sequences().get(0);
    assertThat(report.sides().synthetic().entities()).isEqualTo(20);
    assertThat(report.sides().synthetic().sampledRows()).isEqualTo(20L * 1461);
    assertThat(report.lengths().synthetic()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.gaps().synthetic()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.autocorrelation().synthetic()).isLessThanOrEqualTo(0.05);
    assertThat(report.monotone().synthetic().share()).isEqualTo(1.0);
    assertThat(report.monotone().train().share()).isEqualTo(1.0);
    // Measured with these seeds (docs/bench/sequences.md): autocorrelation distance 0.033 against
    // New York's 0.077, transition distance 0.136 against 0.146, next-step accuracy 0.890 against
    // 0.680. The bounds leave room for model changes, not for a broken figure: days drawn afresh
    // would have autocorrelations near 0, a distance near 0.47 (the real ones' mean).
    assertThat(report.autocorrelation().ceiling())
        .isGreaterThan(report.autocorrelation().synthetic());
    assertThat(report.transitions().synthetic()).isLessThan(0.2);
    assertThat(report.nextStep().synthetic()).isGreaterThan(0.8);
    assertThat(report.columns())
        .extracting(SequenceReport.ColumnAutocorrelation::column)
        .containsExactlyInAnyOrder("precipitation", "temp_max", "temp_min", "wind");
    assertThat(report.categories())
        .singleElement()
        .extracting(SequenceReport.ColumnTransitions::column)
        .isEqualTo("weather");
    // The entity column is the sequence's key, set aside from the table's own figures.
    assertThat(result.tables().get("weather").tables().keyColumns()).contains("location");
  }

  @Test
  void theCommandLineEvaluatesHistoriesAndTheReportDrawsThem() throws IOException {
    String trainPath = temp.resolve("train-weather").toString();
    String holdoutPath = temp.resolve("holdout-weather").toString();
    split.train().get("weather").write().parquet(trainPath);
    split.holdout().get("weather").write().parquet(holdoutPath);
    String modelPath = temp.resolve("weather.json").toString();
    model.save(spark, modelPath);
    String output = temp.resolve("generated").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            modelPath,
            "--rows",
            "weather_location=20",
            "--seed",
            "5",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    Path json = temp.resolve("weather-evaluation.json");
    Path report = temp.resolve("weather report.html");
    Cli.Result evaluate =
        Cli.run(
            "evaluate",
            "--train",
            "weather=" + trainPath,
            "--holdout",
            "weather=" + holdoutPath,
            "--synthetic-dir",
            output,
            "--sequence",
            "weather.location",
            "--order",
            "weather.date",
            "--floor",
            "weather.wind=0",
            "--json",
            json.toString(),
            "--report",
            report.toString());
    assertThat(evaluate.status()).as(evaluate.err()).isZero();
    assertThat(evaluate.out())
        .contains("Histories of weather (location ordered by date)", "order not going back");
    JsonNode sequence = new ObjectMapper().readTree(json.toFile()).at("/sequences/0");
    assertThat(sequence.at("/lengths/synthetic").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(sequence.at("/gaps/synthetic").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(sequence.at("/autocorrelation/synthetic").asDouble()).isLessThanOrEqualTo(0.05);
    assertThat(sequence.at("/monotone/synthetic/share").asDouble()).isEqualTo(1.0);
    // Read back from Parquet, each generated history is still in order where it was written.
    assertThat(sequence.at("/monotone/synthetic/rows").asLong()).isEqualTo(20L * 1460);
    assertThat(sequence.at("/floors/0/column").asText()).isEqualTo("wind");
    assertThat(sequence.at("/floors/0/adherence/synthetic/share").asDouble()).isEqualTo(1.0);
    assertThat(sequence.at("/columns").size()).isEqualTo(4);

    // Every chart placeholder is drawn without a script error: the histories and autocorrelations
    // beside the tables' own charts.
    String keep = System.getProperty("report.keep"); // to look at: -Dreport.keep=dir
    if (keep != null) {
      Path dir = Files.createDirectories(Path.of(keep));
      Files.copy(report, dir.resolve("sequence-report.html"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(
          json, dir.resolve("sequence-evaluation.json"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(dir.resolve("sequence-summary.txt"), evaluate.out());
    }

    String html = Files.readString(report);
    int placeholders = count(html, "<div class=\"chart\"") + count(html, "<div class=\"heatmap\"");
    assertThat(count(html, "data-sequence=")).isEqualTo(2 * 2 + 4);
    Chromium.Output dom = Chromium.find(temp).dumpDom(report);
    assertThat(dom.stdout())
        .as("chromium stderr:%n%s", dom.stderr())
        .contains("data-charts-rendered=\"" + placeholders + "\"")
        .doesNotContain("data-script-errors");
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }

    return count;
  }
}
