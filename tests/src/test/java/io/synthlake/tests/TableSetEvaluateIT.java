package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableSetSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airports and flights split by airport (each held-out airport with its routes), fitted on the
 * training part, generated and evaluated as a set through the API and the command line: every
 * figure of the relations is there, the synthetic foreign keys all join, and bad input gets a
 * one-line error.
 */
class TableSetEvaluateIT {
  private static final List<String> RELATIONS =
      List.of("flights.origin=airports.iata", "flights.destination=airports.iata");

  /**
   * How far the synthetic co-parent accuracy may fall from its ceiling: generate seeds 9, 10 and 11
   * read 0.016 to 0.034 below it (docs/bench/related-tables.md).
   */
  private static final double CO_PARENT_MARGIN = 0.05;

  /**
   * How far the destination × route pair accuracy may fall from its ceiling: seeds 9, 10 and 11
   * read 0.050 to 0.069 below it.
   */
  private static final double FURTHER_PARENT_CHILD_MARGIN = 0.1;

  @TempDir static Path dir;

  private static SparkSession spark;
  private static Map<String, Dataset<Row>> real;
  private static TableSetSplit split;
  private static Map<String, Dataset<Row>> synthetic;
  private static String modelPath;
  private static TableSetEvaluationResult result;

  @BeforeAll
  static void fitGenerateAndEvaluate() {
    spark = SharedSpark.session();
    real = new LinkedHashMap<>();
    real.put("airports", csv("airports.csv"));
    real.put("flights", csv("flights-airport.csv"));
    split = TableSetSplit.of(real, RELATIONS, 0.3, 5);
    split.train().values().forEach(Dataset::cache);
    split.holdout().values().forEach(Dataset::cache);
    TableSetModel model =
        Synthesizer.fitTables(split.train(), RELATIONS, FitOptions.builder().seed(3).build());
    modelPath = dir.resolve("routes.json").toString();
    model.save(spark, modelPath);
    synthetic =
        model.generate(
            spark,
            "airports",
            split.train().get("airports").count(),
            GenerateOptions.defaults().withSeed(9));
    synthetic.values().forEach(Dataset::cache);
    result = Evaluation.evaluateTables(split.train(), split.holdout(), synthetic, RELATIONS);
  }

  private static Dataset<Row> csv(String file) {
    return spark
        .read()
        .option("header", true)
        .option("inferSchema", true)
        .csv(SharedSpark.dataset(file))
        .cache();
  }

  @Test
  void theSplitHoldsOutWholeFamilies() {
    Dataset<Row> trainAirports = split.train().get("airports");
    Dataset<Row> heldAirports = split.holdout().get("airports");
    long held = heldAirports.count();
    // 3,376 airports, 30% held out: the hash draw gives 1,013 ± 27 (σ), so a false failure at ±5σ.
    assertThat(held).isBetween(880L, 1_150L);
    assertThat(trainAirports.count() + held).isEqualTo(3_376);
    assertThat(trainAirports.join(heldAirports, "iata").count()).isZero();
    Dataset<Row> heldFlights = split.holdout().get("flights");
    assertThat(heldFlights.count() + split.train().get("flights").count()).isEqualTo(5_366);
    assertThat(
            heldFlights
                .join(
                    heldAirports,
                    heldFlights.col("origin").equalTo(heldAirports.col("iata")),
                    "left_anti")
                .count())
        .as("held-out flights whose origin is a training airport")
        .isZero();
    // The same seed splits alike.
    TableSetSplit again = TableSetSplit.of(real, RELATIONS, 0.3, 5);
    assertThat(again.holdout().get("airports").exceptAll(heldAirports).count()).isZero();
  }

  @Test
  void theApiReportsEveryFigureOfTheRelations() {
    assertThat(result.tables()).containsOnlyKeys("airports", "flights");
    assertThat(result.tables().get("flights").tables().keyColumns())
        .contains("origin", "destination");
    assertThat(result.tables().get("airports").tables().keyColumns()).contains("iata");
    assertThat(result.relations()).hasSize(2);
    RelationReport origin = result.relations().get(0);
    RelationReport destination = result.relations().get(1);
    for (RelationReport relation : result.relations()) {
      assertThat(relation.syntheticIntegrity().share()).as(relation.relation()).isEqualTo(1.0);
      assertThat(relation.syntheticIntegrity().orphans()).isZero();
      assertThat(relation.trainIntegrity().childRows()).isPositive();
    }

    // Held-out routes follow their origin, so their origin always joins; a destination may be a
    // training airport.
    assertThat(origin.parentRelation()).isTrue();
    assertThat(origin.holdoutIntegrity().share()).isEqualTo(1.0);
    assertThat(destination.parentRelation()).isFalse();
    assertThat(destination.cardinality()).isNull();
    assertThat(result.keys()).hasSize(1);
    assertThat(result.keys().get(0).synthetic().unique()).isTrue();
    assertThat(result.keys().get(0).train().unique()).isTrue();

    var cardinality = origin.cardinality();
    assertThat(cardinality.similarity().synthetic()).isBetween(0.5, 1.0);
    assertThat(cardinality.similarity().ceiling()).isBetween(0.8, 1.0);
    assertThat(cardinality.columns()).extracting(c -> c.column()).contains("state", "country");
    assertThat(cardinality.byCategory().synthetic()).isBetween(0.3, 1.0);
    // Most airports have no routes in the data; the fitted set keeps that.
    assertThat(cardinality.train().zeroShare()).isGreaterThan(0.8);
    assertThat(cardinality.synthetic().zeroShare()).isGreaterThan(0.6);
    assertThat(cardinality.chart().bins()).first().isEqualTo("0");
    assertThat(origin.accuracy().pairs()).isNotEmpty();
    assertThat(origin.accuracy().accuracy().synthetic()).isBetween(0.3, 1.0);
    assertThat(origin.accuracy().accuracy().ceiling()).isBetween(0.5, 1.0);
    assertThat(origin.coParentAccuracy()).isNull();
    assertThat(result.headline().syntheticIntegrity()).isEqualTo(1.0);
    assertThat(Evaluation.summary(result))
        .contains("Table airports:")
        .contains("flights.origin=airports.iata")
        .contains("fan-out similarity, flights per airports")
        .contains("co-parent accuracy, flights.destination");
  }

  @Test
  void theFurtherRelationKeepsItsDependenceOnTheRouteAndItsOrigin() {
    RelationReport destination = result.relations().get(1);
    // The destination airport's 6 columns × the route's count, named by the key that reaches them.
    assertThat(destination.accuracy().pairs()).hasSize(6);
    assertThat(destination.accuracy().pairs())
        .allSatisfy(pair -> assertThat(pair.first()).startsWith("destination."))
        .allSatisfy(pair -> assertThat(pair.second()).isEqualTo("flights.count"));
    // The origin airport's 6 columns × the destination airport's 6.
    var coParent = destination.coParentAccuracy();
    assertThat(coParent.pairs()).hasSize(36);
    assertThat(coParent.pairs())
        .extracting(pair -> pair.first() + " × " + pair.second())
        .contains("origin.state × destination.state", "origin.country × destination.country");
    // Worst first.
    assertThat(coParent.pairs().get(0).accuracy().synthetic())
        .isLessThanOrEqualTo(coParent.pairs().get(35).accuracy().synthetic());
    // The real sides join the destination against every real airport, so the ceiling is real
    // routes' own dependence (a route mostly stays in its country), not one cut by the split.
    assertThat(coParent.accuracy().ceiling()).isBetween(0.6, 1.0);
    assertThat(destination.accuracy().accuracy().ceiling()).isBetween(0.6, 1.0);
    // The synthetic routes pair their origin and destination airports close to how real unseen
    // routes do.
    assertThat(coParent.accuracy().synthetic())
        .isCloseTo(coParent.accuracy().ceiling(), within(CO_PARENT_MARGIN));
    assertThat(destination.accuracy().accuracy().synthetic())
        .isCloseTo(
            destination.accuracy().accuracy().ceiling(), within(FURTHER_PARENT_CHILD_MARGIN));
    assertThat(result.headline().coParentAccuracy()).isEqualTo(coParent.accuracy());
    assertThat(result.headline().furtherParentChildAccuracy())
        .isEqualTo(destination.accuracy().accuracy());
    // The parent relation's pair accuracy stays its own.
    assertThat(result.headline().parentChildAccuracy())
        .isEqualTo(result.relations().get(0).accuracy().accuracy());
  }

  @Test
  void theCommandLineWritesTheReportAndTheFigures() throws Exception {
    for (String side : List.of("train", "holdout")) {
      Map<String, Dataset<Row>> tables = side.equals("train") ? split.train() : split.holdout();
      tables.forEach(
          (name, table) -> table.write().parquet(dir.resolve(side).resolve(name).toString()));
    }

    String output = dir.resolve("synthetic").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            modelPath,
            "--rows",
            "airports=2000",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    String report = dir.resolve("routes.html").toString();
    String json = dir.resolve("routes.json.out").toString();
    Cli.Result evaluate =
        Cli.run(
            "evaluate",
            "--train",
            "airports=" + dir.resolve("train/airports"),
            "--train",
            "flights=" + dir.resolve("train/flights"),
            "--holdout",
            "airports=" + dir.resolve("holdout/airports"),
            "--holdout",
            "flights=" + dir.resolve("holdout/flights"),
            "--synthetic-dir",
            output,
            "--relation",
            RELATIONS.get(0),
            "--relation",
            RELATIONS.get(1),
            "--report",
            report,
            "--json",
            json);
    assertThat(evaluate.status()).as(evaluate.err()).isZero();
    assertThat(evaluate.out())
        .contains("Relations of 2 tables")
        .contains("Report written to " + report);
    assertThat(Files.readString(Path.of(report)))
        .contains("<section id=\"relations\">")
        .contains("data-relation=\"0\"")
        .contains("Co-parent accuracy")
        .contains("flights: Summary");
    JsonNode figures = new ObjectMapper().readTree(Path.of(json).toFile());
    assertThat(figures.get("format").asText()).isEqualTo("synthlake-table-set-evaluation");
    assertThat(figures.at("/relations/0/synthetic-integrity/share").asDouble()).isEqualTo(1.0);
    assertThat(figures.at("/relations/1/synthetic-integrity/share").asDouble()).isEqualTo(1.0);
    assertThat(figures.at("/relations/0/cardinality/similarity/ceiling").isNumber()).isTrue();
    assertThat(figures.at("/relations/0/accuracy/accuracy/synthetic").isNumber()).isTrue();
    assertThat(figures.at("/relations/1/accuracy/accuracy/ceiling").isNumber()).isTrue();
    assertThat(figures.at("/relations/1/co-parent-accuracy/accuracy/synthetic").isNumber())
        .isTrue();
    assertThat(figures.at("/relations/1/co-parent-accuracy/pairs").size()).isEqualTo(36);
    assertThat(figures.at("/headline/co-parent-accuracy/ratio").isNumber()).isTrue();
    assertThat(figures.at("/tables/airports/accuracy/overall/synthetic").isNumber()).isTrue();

    Cli.Result oneSide =
        Cli.run(
            "evaluate",
            "--train",
            "airports=" + dir.resolve("train/airports"),
            "--train",
            "flights=" + dir.resolve("train/flights"),
            "--holdout",
            "airports=" + dir.resolve("holdout/airports"),
            "--synthetic-dir",
            output,
            "--relation",
            RELATIONS.get(0));
    assertThat(oneSide.status()).isEqualTo(2);
    assertThat(oneSide.err().strip())
        .isEqualTo(
            "synthlake: error: evaluate: table 'flights' has no holdout table; give every table of"
                + " the set as a training, a holdout and a synthetic table");
  }

  @Test
  void badInputGetsOneLineErrors() {
    assertThatThrownBy(
            () ->
                Evaluation.evaluateTables(
                    split.train(),
                    split.holdout(),
                    synthetic,
                    List.of("flights.origin=airport.iata")))
        .isInstanceOf(SynthlakeException.class)
        .hasMessage(
            "evaluate: relation flights.origin=airport.iata names table 'airport', which is not"
                + " among the tables given (airports, flights): add the table, or fix the name");
    assertThatThrownBy(
            () ->
                Evaluation.evaluateTables(
                    split.train(),
                    split.holdout(),
                    Map.of("airports", synthetic.get("airports")),
                    RELATIONS))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("table 'flights' has no synthetic table");
    assertThatThrownBy(() -> TableSetSplit.of(real, List.of("flights.origin"), 0.2, 1))
        .hasMessageContaining("write it as child.column=parent.key");
  }
}
