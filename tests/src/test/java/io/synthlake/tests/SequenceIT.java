package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.spark.EntitySequence;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily weather of Seattle and New York (2012-2015), fitted as two histories and generated
 * through Spark as twenty: every history's days follow each other one day apart, and each column
 * keeps its autocorrelation at lags 1 to 7 within 0.05 of the real one (the largest distance
 * measured with these seeds is 0.044, docs/bench/sequences.md).
 */
class SequenceIT {
  private static final WindowSpec BY_DAY = Window.partitionBy("location").orderBy("date");

  private static SparkSession spark;
  private static Dataset<Row> real;
  private static TableSetModel model;
  private static Dataset<Row> generated;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    real =
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(SharedSpark.dataset("weather.csv"))
            .withColumn("date", functions.to_date(functions.col("date")));
    model =
        Synthesizer.fitTables(
            Map.of("weather", real),
            List.of(),
            List.of(new EntitySequence("weather", "location", "date")),
            FitOptions.builder().seed(3).build());
    generated =
        model
            .generate(spark, "weather_location", 20, GenerateOptions.defaults().withSeed(5))
            .get("weather")
            .cache();
  }

  /** Lag 1 to 7 autocorrelations of {@code column} within each location, pooled. */
  static double[] autocorrelations(Dataset<Row> rows, String column) {
    Row moments = rows.agg(functions.avg(column), functions.var_pop(column)).first();
    double mean = moments.getDouble(0);
    double variance = moments.getDouble(1);
    double[] rho = new double[7];
    for (int lag = 1; lag <= 7; lag++) {
      Row product =
          rows.withColumn("previous", functions.lag(column, lag).over(BY_DAY))
              .where(functions.col("previous").isNotNull())
              .agg(
                  functions.avg(
                      functions
                          .col(column)
                          .minus(mean)
                          .multiply(functions.col("previous").minus(mean))))
              .first();
      rho[lag - 1] = product.getDouble(0) / variance;
    }

    return rho;
  }

  @Test
  void everyHistoryRunsDayByDay() {
    assertThat(model.tables()).containsExactly("weather_location", "weather");
    assertThat(model.describe()).contains("weather: sequence of weather_location ordered by date");
    Row gaps =
        generated
            .withColumn(
                "gap",
                functions.datediff(functions.col("date"), functions.lag("date", 1).over(BY_DAY)))
            .where(functions.col("gap").isNotNull())
            .agg(functions.min("gap"), functions.max("gap"), functions.countDistinct("location"))
            .first();
    assertThat(gaps.getInt(0)).isEqualTo(1);
    assertThat(gaps.getInt(1)).isEqualTo(1);
    assertThat(gaps.getLong(2)).isEqualTo(20);
    // Each history is as long as the real ones, 1,461 days.
    assertThat(generated.count()).isEqualTo(20L * 1461);
  }

  @Test
  void columnsKeepTheirAutocorrelation() {
    for (String column : List.of("temp_max", "temp_min", "wind", "precipitation")) {
      double[] realRho = autocorrelations(real, column);
      double[] syntheticRho = autocorrelations(generated, column);
      for (int lag = 0; lag < 7; lag++) {
        assertThat(syntheticRho[lag])
            .as("%s at lag %d", column, lag + 1)
            .isCloseTo(realRho[lag], within(0.05));
      }
    }
  }

  @Test
  void rowsDoNotDependOnThePartitioning() {
    Dataset<Row> one =
        model
            .generate(spark, "weather_location", 6, GenerateOptions.defaults().withPartitions(1))
            .get("weather");
    Dataset<Row> three =
        model
            .generate(spark, "weather_location", 6, GenerateOptions.defaults().withPartitions(3))
            .get("weather");
    assertThat(one.count()).isEqualTo(three.count());
    assertThat(one.exceptAll(three).count()).isZero();
  }

  @Test
  void theCommandLineFitsAndGeneratesHistories(@TempDir Path dir) {
    String file = dir.resolve("weather.json").toString();
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            "weather=" + SharedSpark.dataset("weather.csv"),
            "--sequence",
            "weather.location",
            "--order",
            "weather.date",
            "--model",
            file);
    assertThat(fit.status()).as(fit.err()).isZero();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            file,
            "--rows",
            "weather_location=3",
            "--output",
            dir.resolve("out").toString(),
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    Dataset<Row> weather = spark.read().parquet(dir.resolve("out/weather").toString());
    assertThat(weather.count()).isEqualTo(3L * 1461);
    assertThat(weather.schema().apply("date").dataType().typeName()).isEqualTo("date");
    Cli.Result unordered =
        Cli.run(
            "fit",
            "--input",
            "weather=" + SharedSpark.dataset("weather.csv"),
            "--sequence",
            "weather.location",
            "--model",
            file);
    assertThat(unordered.err())
        .contains("--sequence weather.location needs --order weather.COLUMN");
  }
}
