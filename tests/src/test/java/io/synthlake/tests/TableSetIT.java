package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteOptions;
import io.synthlake.spark.source.GeneratedRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airports and the routes between them (two foreign keys to one parent), fitted and generated
 * through Spark: every key joins at any size, the rows do not depend on the partitioning, the
 * tables write to Delta and read back through the data source, and a condition on one table holds
 * in each of its rows while the other table follows from it.
 */
class TableSetIT {
  private static final List<String> RELATIONS =
      List.of("flights.origin=airports.iata", "flights.destination=airports.iata");

  private static SparkSession spark;
  private static TableSetModel model;
  private static Dataset<Row> realAirports;
  private static Dataset<Row> realFlights;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    realAirports = csv("airports.csv");
    realFlights = csv("flights-airport.csv");
    model =
        Synthesizer.fitTables(
            Map.of("airports", realAirports, "flights", realFlights),
            RELATIONS,
            FitOptions.builder().seed(3).build());
  }

  private static Dataset<Row> csv(String file) {
    return spark
        .read()
        .option("header", true)
        .option("inferSchema", true)
        .csv(SharedSpark.dataset(file));
  }

  @Test
  void describesTheTablesAndTheirKeys() {
    assertThat(model.tables()).containsExactly("airports", "flights");
    assertThat(model.parent("flights")).isEqualTo("airports");
    assertThat(model.describe())
        .contains("flights: 3 columns")
        .contains("origin -> airports.iata (parent: rows generated beside it)")
        .contains("destination -> airports.iata (by popularity")
        .contains("rows of flights per row: mean");
    assertThat(model.schema("flights").fieldNames())
        .containsExactly("origin", "destination", "count");
  }

  @Test
  void everyForeignKeyJoinsAndKeysAreUnique() {
    Map<String, Dataset<Row>> tables =
        model.generate(spark, "airports", 20_000, GenerateOptions.defaults().withSeed(9));
    Dataset<Row> airports = tables.get("airports");
    Dataset<Row> flights = tables.get("flights");
    assertThat(airports.count()).isEqualTo(20_000);
    assertThat(airports.select("iata").distinct().count()).isEqualTo(20_000);
    long flightRows = flights.count();
    assertThat(flightRows).isPositive();
    for (String key : List.of("origin", "destination")) {
      assertThat(
              flights
                  .join(airports, flights.col(key).equalTo(airports.col("iata")), "left_anti")
                  .count())
          .as("flights whose %s is no airport", key)
          .isZero();
    }

    // Real routes per airport: 5,366 / 3,376 = 1.59; the generated set keeps the ratio.
    double realRatio = (double) realFlights.count() / realAirports.count();
    assertThat((double) flightRows / 20_000).isBetween(0.75 * realRatio, 1.25 * realRatio);
  }

  @Test
  void samplesKeepWholeFamiliesSoCountsStayTrue() {
    double realRatio = (double) realFlights.count() / realAirports.count();
    Map<String, Dataset<Row>> tables = Map.of("airports", realAirports, "flights", realFlights);
    // 4,000 sample rows: every airport, and all 5,366 flights (more than the sample rows); 1,500:
    // a sample of airports, and the flights of those airports only.
    for (int sampleRows : List.of(4_000, 1_500)) {
      TableSetModel sampled =
          Synthesizer.fitTables(
              tables,
              RELATIONS,
              FitOptions.builder().seed(3).sampleRows(sampleRows).maxComponents(1).build());
      Map<String, Dataset<Row>> generated =
          sampled.generate(spark, "airports", 20_000, GenerateOptions.defaults());
      double ratio = (double) generated.get("flights").count() / 20_000;
      assertThat(ratio)
          .as("flights per airport, %d sample rows", sampleRows)
          .isBetween(0.8 * realRatio, 1.2 * realRatio);
    }
  }

  @Test
  void rowsDoNotDependOnThePartitioning() {
    Map<String, Dataset<Row>> one =
        model.generate(spark, "airports", 9_000, GenerateOptions.defaults().withPartitions(1));
    Map<String, Dataset<Row>> three =
        model.generate(spark, "airports", 9_000, GenerateOptions.defaults().withPartitions(3));
    for (String table : model.tables()) {
      assertThat(one.get(table).count()).isEqualTo(three.get(table).count());
      assertThat(one.get(table).exceptAll(three.get(table)).count()).isZero();
    }
  }

  @Test
  void aChildTableGetsExactlyTheRowsAskedFor() {
    long rows = 30_001;
    GenerateOptions exact = GenerateOptions.defaults().withSeed(9).withExactRows(true);
    Map<String, Dataset<Row>> one = model.generate(spark, "flights", rows, exact.withPartitions(1));
    Map<String, Dataset<Row>> three =
        model.generate(spark, "flights", rows, exact.withPartitions(3));
    Dataset<Row> airports = three.get("airports");
    Dataset<Row> flights = three.get("flights");
    assertThat(flights.count()).isEqualTo(rows);
    assertThat(GeneratedRows.rowCount(flights)).hasValue(rows);
    long airportRows = airports.count();
    assertThat(airports.select("iata").distinct().count()).isEqualTo(airportRows);
    for (String key : List.of("origin", "destination")) {
      assertThat(
              flights
                  .join(airports, flights.col(key).equalTo(airports.col("iata")), "left_anti")
                  .count())
          .as("flights whose %s is no airport", key)
          .isZero();
    }

    for (String table : model.tables()) {
      assertThat(one.get(table).count()).isEqualTo(three.get(table).count());
      assertThat(one.get(table).exceptAll(three.get(table)).count()).isZero();
    }

    // The fewest airports: one fewer gives fewer flights, and the flights kept are those of the
    // run of as many airports without the cut.
    GenerateOptions uncut = GenerateOptions.defaults().withSeed(9);
    assertThat(model.generate(spark, "airports", airportRows - 1, uncut).get("flights").count())
        .isLessThan(rows);
    Dataset<Row> whole = model.generate(spark, "airports", airportRows, uncut).get("flights");
    assertThat(whole.count()).isGreaterThan(rows);
    assertThat(flights.exceptAll(whole).count()).isZero();

    assertThatThrownBy(() -> model.generate(spark, "flights", 100_000_000_000_000L, exact))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("root table 'airports' would get")
        .hasMessageContaining("ask for fewer rows");
  }

  @Test
  void aSpecSetGetsExactlyTheGrandchildRowsAskedForOnTheCommandLine(@TempDir Path dir)
      throws Exception {
    Path spec = dir.resolve("bank.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "tables:",
            "  - name: customers",
            "    columns: [{name: customer_id, type: long, key: {style: sequence, start: 1}}]",
            "  - name: merchants",
            "    rows: 50",
            "    columns: [{name: merchant_id, type: long, key: {style: sequence}}]",
            "  - name: accounts",
            "    parent: {column: customer_id, table: customers}",
            "    count: {type: poisson, mean: 2}",
            "    columns: [{name: account_id, type: long, key: {style: sequence}}]",
            "  - name: transactions",
            "    parent: {column: account_id, table: accounts}",
            "    count: {type: poisson, mean: 6}",
            "    foreign-keys: [{column: merchant_id, table: merchants}]",
            "    columns:",
            "      - {name: transaction_id, type: long, key: {style: sequence}}",
            "      - {name: amount, type: double, distribution: {type: normal, mean: 10, sd: 1}}",
            ""));
    String output = dir.resolve("out").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--spec",
            spec.toString(),
            "--rows",
            "transactions=25000",
            "--exact-rows",
            "--partitions",
            "2",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(generate.out())
        .contains("transactions: 25,000 rows (exactly, as asked) into")
        .contains("Generated 4 related tables")
        .contains("transactions exactly 25,000");
    Map<String, Dataset<Row>> tables = new HashMap<>();
    for (String table : List.of("customers", "merchants", "accounts", "transactions")) {
      tables.put(table, spark.read().parquet(dir.resolve("out").resolve(table).toString()));
    }

    Dataset<Row> transactions = tables.get("transactions");
    assertThat(transactions.count()).isEqualTo(25_000);
    assertThat(transactions.select("transaction_id").distinct().count()).isEqualTo(25_000);
    assertThat(tables.get("accounts").select("account_id").distinct().count())
        .isEqualTo(tables.get("accounts").count());
    for (String[] key :
        List.of(
            new String[] {"transactions", "account_id", "accounts"},
            new String[] {"transactions", "merchant_id", "merchants"},
            new String[] {"accounts", "customer_id", "customers"})) {
      Dataset<Row> child = tables.get(key[0]);
      Dataset<Row> parent = tables.get(key[2]);
      assertThat(
              child
                  .join(parent, child.col(key[1]).equalTo(parent.col(key[1])), "left_anti")
                  .count())
          .as("%s whose %s joins no row of %s", key[0], key[1], key[2])
          .isZero();
    }

    Cli.Result tooMany =
        Cli.run(
            "generate",
            "--spec",
            spec.toString(),
            "--rows",
            "transactions=1000000000000000",
            "--exact-rows",
            "--output",
            dir.resolve("more").toString());
    assertThat(tooMany.status()).isEqualTo(2);
    assertThat(tooMany.err())
        .contains("root table 'customers' would get")
        .contains("ask for fewer rows");
  }

  @Test
  void aConditionOnTheAirportsHoldsInEveryAirportAndTheirFlightsFollowSuchAirports(
      @TempDir Path dir) {
    GenerateOptions alaska = GenerateOptions.defaults().withSeed(9).where("state = 'AK'");
    Map<String, Dataset<Row>> tables = model.generate(spark, "airports", 4_000, alaska);
    Dataset<Row> airports = tables.get("airports");
    Dataset<Row> flights = tables.get("flights");
    assertThat(airports.count()).isEqualTo(4_000);
    assertThat(airports.filter("state IS NULL OR state <> 'AK'").count()).isZero();
    for (String key : List.of("origin", "destination")) {
      assertThat(
              flights
                  .join(airports, flights.col(key).equalTo(airports.col("iata")), "left_anti")
                  .count())
          .as("flights whose %s is no Alaskan airport", key)
          .isZero();
    }

    // Real: 71 routes leave Alaska's 263 airports, 0.27 an airport against 1.59 for all airports.
    Dataset<Row> realAlaska = realAirports.filter("state = 'AK'");
    double realRatio =
        (double)
                realFlights
                    .join(realAlaska, realFlights.col("origin").equalTo(realAlaska.col("iata")))
                    .count()
            / realAlaska.count();
    assertThat((double) flights.count() / 4_000).isBetween(0.5 * realRatio, 2 * realRatio);

    // The data source's option, with the column qualified and another partitioning: the same rows.
    String file = dir.resolve("routes.json").toString();
    model.save(spark, file);
    Dataset<Row> read =
        spark
            .read()
            .format("synthlake")
            .option("model", file)
            .option("table", "flights")
            .option("rows", 4_000)
            .option("seed", 9)
            .option("partitions", 3)
            .option("where", "airports.state = 'AK'")
            .load();
    assertThat(read.count()).isEqualTo(flights.count());
    assertThat(read.exceptAll(flights).count()).isZero();
  }

  @Test
  void aConditionOnTheFlightsHoldsInEveryFlightAndLeavesTheAirportsAsTheyAre(@TempDir Path dir) {
    GenerateOptions seeded = GenerateOptions.defaults().withSeed(9);
    Map<String, Dataset<Row>> plain = model.generate(spark, "airports", 4_000, seeded);
    Map<String, Dataset<Row>> busy =
        model.generate(spark, "airports", 4_000, seeded.where("flights.count >= 1000"));
    assertThat(busy.get("airports").exceptAll(plain.get("airports")).count()).isZero();
    Dataset<Row> flights = busy.get("flights");
    assertThat(flights.count()).isEqualTo(plain.get("flights").count());
    assertThat(flights.filter("count IS NULL OR count < 1000").count()).isZero();
    assertThat(flights.select("origin").exceptAll(plain.get("flights").select("origin")).count())
        .as("flights whose airport changed")
        .isZero();
    assertThatThrownBy(
            () ->
                model.generate(spark, "airports", 100, seeded.where("flights.destination = 'ANC'")))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining(
            "GenerateOptions.where: the condition names column 'destination' of table 'flights',"
                + " which is a foreign key");

    String file = dir.resolve("routes.json").toString();
    model.save(spark, file);
    String output = dir.resolve("out").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            file,
            "--rows",
            "500",
            "--where",
            "latitude > 45",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(generate.out()).contains("airports: 500 rows");
    assertThat(spark.read().parquet(output + "/airports").filter("latitude <= 45").count())
        .isZero();
    for (String where : List.of("iata = 'ANC'", "state = 'AK' AND count > 3", "nope = 1")) {
      Cli.Result refused =
          Cli.run(
              "generate", "--model", file, "--rows", "10", "--where", where, "--output", output);
      assertThat(refused.status()).as(where).isEqualTo(2);
      assertThat(refused.err()).as(where).contains("synthlake: error: --where: the condition");
    }
  }

  @Test
  void writesEachTableToDeltaAndReadsThroughTheDataSource(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("routes.json");
    model.save(spark, file.toString());
    assertThat(Files.readString(file)).contains("\"format\" : \"synthlake-table-set\"");
    TableSetModel loaded = TableSetModel.load(spark, file.toString());
    Map<String, Dataset<Row>> tables =
        loaded.generate(spark, "airports", 5_000, GenerateOptions.defaults());
    for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
      // Written straight from the generated blocks, as one table's rows are.
      assertThat(GeneratedRows.of(table.getValue())).isPresent();
      TableWriter.toPath(
          table.getValue(), dir.resolve(table.getKey()).toString(), WriteOptions.defaults());
    }

    Dataset<Row> airports = spark.read().format("delta").load(dir.resolve("airports").toString());
    Dataset<Row> flights = spark.read().format("delta").load(dir.resolve("flights").toString());
    assertThat(airports.count()).isEqualTo(5_000);
    assertThat(flights.count()).isEqualTo(tables.get("flights").count());
    Dataset<Row> read =
        spark
            .read()
            .format("synthlake")
            .option("model", file.toString())
            .option("table", "flights")
            .option("rows", 5_000)
            .load();
    assertThat(read.exceptAll(flights).count()).isZero();
  }

  @Test
  void theCommandLineFitsDescribesAndGeneratesASet(@TempDir Path dir) {
    String model = dir.resolve("routes.json").toString();
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            "airports=" + SharedSpark.dataset("airports.csv"),
            "--input",
            "flights=" + SharedSpark.dataset("flights-airport.csv"),
            "--relation",
            RELATIONS.get(0),
            "--relation",
            RELATIONS.get(1),
            "--model",
            model);
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("Fitted 2 related tables (airports, flights)");
    Cli.Result describe = Cli.run("describe", "--model", model);
    assertThat(describe.out())
        .contains("synthlake table set: 2 tables")
        .contains("rows of flights");
    String output = dir.resolve("out").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            model,
            "--rows",
            "airports=4000",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(generate.out())
        .contains("airports: 4,000 rows")
        .contains("Generated 2 related tables");
    Dataset<Row> airports = spark.read().parquet(dir.resolve("out/airports").toString());
    Dataset<Row> flights = spark.read().parquet(dir.resolve("out/flights").toString());
    assertThat(airports.count()).isEqualTo(4_000);
    assertThat(
            flights
                .join(
                    airports, flights.col("destination").equalTo(airports.col("iata")), "left_anti")
                .count())
        .isZero();
    Cli.Result badRows =
        Cli.run("generate", "--model", model, "--rows", "airport=10", "--output", output);
    assertThat(badRows.status()).isEqualTo(2);
    assertThat(badRows.err())
        .contains(
            "--rows names table 'airport', which the set does not hold; its tables are "
                + "airports, flights");
  }

  @Test
  void fitWithAHoldoutEvaluatesTheSet(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("routes.html");
    Path figures = dir.resolve("routes.json");
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            "airports=" + SharedSpark.dataset("airports.csv"),
            "--input",
            "flights=" + SharedSpark.dataset("flights-airport.csv"),
            "--relation",
            RELATIONS.get(0),
            "--relation",
            RELATIONS.get(1),
            "--max-components",
            "1",
            "--holdout-share",
            "0.3",
            "--report",
            report.toString(),
            "--json",
            figures.toString(),
            "--model",
            dir.resolve("set.json").toString());
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("Fitted 2 related tables").contains("Report written to");
    assertThat(Files.readString(report)).contains("Related tables");
    assertThat(Files.readString(figures)).contains("synthlake-table-set-evaluation");
    Cli.Result target =
        Cli.run(
            "fit",
            "--input",
            "airports=" + SharedSpark.dataset("airports.csv"),
            "--input",
            "flights=" + SharedSpark.dataset("flights-airport.csv"),
            "--relation",
            RELATIONS.get(0),
            "--holdout-share",
            "0.3",
            "--target",
            "count",
            "--model",
            dir.resolve("x.json").toString());
    assertThat(target.err()).contains("--target predicts a column of one table");
  }

  @Test
  void badRelationsGetOneLineErrors() {
    Map<String, Dataset<Row>> tables = Map.of("airports", realAirports, "flights", realFlights);
    assertThatThrownBy(
            () ->
                Synthesizer.fitTables(
                    tables, List.of("flights.origin=airport.iata"), FitOptions.defaults()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("names table 'airport', which is not among the tables to fit");
    assertThatThrownBy(
            () ->
                Synthesizer.fitTables(
                    tables, List.of("flights.origin=airports.code"), FitOptions.defaults()))
        .hasMessageContaining("names column 'code' of table 'airports', which has no such column");
    assertThatThrownBy(
            () -> Synthesizer.fitTables(tables, List.of("flights.origin"), FitOptions.defaults()))
        .hasMessageContaining("write it as child.column=parent.key");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("synthlake")
                    .option("model-json", model.toJson())
                    .option("rows", 10)
                    .load())
        .hasMessageContaining("name the one to read with the option 'table'");
  }
}
