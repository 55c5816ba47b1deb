package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.Synthesizer;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * synthlake from SQL alone, in a session with {@code
 * spark.sql.extensions=…,io.synthlake.spark.sql.SynthlakeExtensions} (SharedSpark's): {@code CREATE
 * TABLE … USING synthlake OPTIONS (…)} in the session catalog and the table-valued function {@code
 * synthlake_generate(path, rows[, seed])} give the data source's rows, for a model and a spec.
 */
class SqlIT {
  @TempDir static Path temp;

  private static SparkSession spark;
  private static String model;
  private static final String SPEC =
      Path.of("..", "conf", "banking.yaml").toAbsolutePath().normalize().toString();

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    Dataset<Row> penguins =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(SharedSpark.dataset("penguins.csv"))
            .toDF("species", "island", "beak_mm", "depth_mm", "flipper_mm", "mass_g", "sex")
            .withColumn("penguin_id", functions.monotonically_increasing_id());
    model = temp.resolve("penguins.json").toString();
    Synthesizer.fit(penguins, FitOptions.builder().seed(3).build()).save(spark, model);
    spark.sql("CREATE DATABASE IF NOT EXISTS fixtures");
  }

  @Test
  void aCatalogTableUsingSynthlakeGivesTheModelsRows() {
    spark.sql(
        "CREATE TABLE fixtures.penguins USING synthlake OPTIONS (model '"
            + model
            + "', rows 5000, seed 7)");
    assertThat(count("SELECT * FROM fixtures.penguins")).isEqualTo(5000);
    assertThat(spark.table("fixtures.penguins").columns())
        .containsExactly(
            "species",
            "island",
            "beak_mm",
            "depth_mm",
            "flipper_mm",
            "mass_g",
            "sex",
            "penguin_id");
    String function = "SELECT * FROM synthlake_generate('" + model + "', 5000, 7)";
    assertThat(count("SELECT * FROM fixtures.penguins EXCEPT ALL " + function)).isZero();
    assertThat(count(function + " EXCEPT ALL SELECT * FROM fixtures.penguins")).isZero();

    // The notebook's next step: materialise the fixture.
    spark.sql(
        "CREATE TABLE fixtures.penguins_delta USING delta AS SELECT * FROM fixtures.penguins");
    assertThat(count("SELECT DISTINCT penguin_id FROM fixtures.penguins_delta")).isEqualTo(5000);
  }

  @Test
  void aCatalogTableReadsASpec() {
    spark.sql(
        "CREATE TABLE fixtures.banking USING synthlake OPTIONS (spec '"
            + SPEC
            + "', rows 2000, seed 3)");
    String function = "SELECT * FROM synthlake_generate('" + SPEC + "', 2000, 3)";
    assertThat(count("SELECT * FROM fixtures.banking")).isEqualTo(2000);
    assertThat(count("SELECT * FROM fixtures.banking EXCEPT ALL " + function)).isZero();
    assertThat(count("SELECT DISTINCT transaction_id FROM fixtures.banking")).isEqualTo(2000);
  }

  @Test
  void theTableFunctionGivesTheDataSourcesRowsByIndex() {
    // Row i is the same whatever the row count: the first 3,000 of 5,000 are the 3,000.
    String small = "SELECT * FROM synthlake_generate('" + model + "', 3000)";
    String large = "SELECT * FROM synthlake_generate('" + model + "', 5000)";
    assertThat(count(small)).isEqualTo(3000);
    assertThat(count(small + " EXCEPT ALL (" + large + ")")).isZero();
    Dataset<Row> read =
        spark.read().format("synthlake").option("model", model).option("rows", 3000).load();
    assertThat(spark.sql(small).exceptAll(read).count()).isZero();
    assertThat(
            count("SELECT * FROM synthlake_generate('" + model + "', 3000, 9) EXCEPT ALL " + small))
        .isEqualTo(3000);
  }

  @Test
  void theTableFunctionReadsASpec() {
    Dataset<Row> rows =
        spark.sql("SELECT * FROM synthlake_generate('" + SPEC + "', CAST(2000 AS BIGINT), 3)");
    assertThat(rows.count()).isEqualTo(2000);
    assertThat(rows.columns()).contains("customer_id", "transaction_id", "amount");
    assertThat(
            count(
                "SELECT * FROM synthlake_generate('"
                    + SPEC
                    + "', 2000, 3) EXCEPT ALL SELECT * FROM synthlake_generate('"
                    + SPEC
                    + "', 2000, 3)"))
        .isZero();
  }

  @Test
  void badArgumentsFailInOneLineNamingTheArgument() {
    assertThatThrownBy(() -> spark.sql("SELECT * FROM synthlake_generate('" + model + "')"))
        .hasMessageContaining("synthlake_generate takes (path, rows) or (path, rows, seed)");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM synthlake_generate('" + model + "', 'many')"))
        .hasMessageContaining("synthlake_generate: rows must be a whole number");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM synthlake_generate('" + model + "', 0)"))
        .hasMessageContaining("option 'rows' must be a positive whole number");
    assertThatThrownBy(
            () ->
                spark.sql(
                    "SELECT * FROM synthlake_generate('" + temp.resolve("none.json") + "', 10)"))
        .hasMessageContaining("none.json");
  }

  private static long count(String query) {
    return spark.sql(query).count();
  }
}
