package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.fit.OrderPolicy;
import io.synthlake.spark.EntitySequence;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single long series with no entity: Mauna Loa's monthly CO2 (1958-2020, a rising trend and a
 * yearly swing) and Seattle's hourly climate normals (one year, a daily and a yearly cycle). Each
 * is fitted as one series and generated through Spark past its fitted length, across chunks.
 */
class SeriesIT {
  private static SparkSession spark;
  private static Dataset<Row> co2;
  private static TableSetModel co2Model;
  private static Dataset<Row> hourly;
  private static TableSetModel hourlyModel;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    co2 = csv("co2-concentration.csv").withColumn("Date", functions.to_date(functions.col("Date")));
    co2Model =
        Synthesizer.fitTables(
            Map.of("co2", co2),
            List.of(),
            List.of(EntitySequence.series("co2", "Date")),
            FitOptions.builder().seed(7).build());
    hourly =
        csv("seattle-weather-hourly-normals.csv")
            .withColumn("date", functions.to_timestamp(functions.col("date")));
    hourlyModel =
        Synthesizer.fitTables(
            Map.of("hourly", hourly),
            List.of(),
            List.of(EntitySequence.series("hourly", "date")),
            FitOptions.builder().seed(7).build());
  }

  private static Dataset<Row> csv(String file) {
    return spark
        .read()
        .option("header", true)
        .option("inferSchema", true)
        .csv(SharedSpark.dataset(file));
  }

  @Test
  void co2KeepsItsTrendAndItsYear() {
    assertThat(co2Model.tables()).containsExactly("co2");
    assertThat(co2Model.describe()).contains("co2: series ordered by Date").contains("trend, year");
    List<Row> real = co2.orderBy("Date").collectAsList();
    List<Row> synthetic =
        co2Model
            .generate(spark, "co2", real.size(), GenerateOptions.defaults().withSeed(11))
            .get("co2")
            .orderBy("Date")
            .collectAsList();
    assertThat(synthetic).hasSize(real.size());
    // Month after month on the first, from the same first month: gaps of one month (the real
    // series skips a few months), never back in time.
    assertThat(date(synthetic.get(0))).isEqualTo(date(real.get(0)));
    for (int r = 1; r < synthetic.size(); r++) {
      LocalDate day = date(synthetic.get(r));
      assertThat(day.getDayOfMonth()).isEqualTo(1);
      assertThat(ChronoUnit.MONTHS.between(date(synthetic.get(r - 1)), day)).isBetween(1L, 4L);
    }

    // The trend: CO2 rises from 315 to 414 ppm; the synthetic series follows the real one's level
    // year by year, about 2 ppm off on average (what the fit leaves to the autoregression wanders
    // a few ppm for years at a time); a stationary process would be tens of ppm off.
    Map<Integer, Double> realYears = yearlyMeans(real);
    Map<Integer, Double> syntheticYears = yearlyMeans(synthetic);
    double offBy = 0;
    for (int year = 1959; year <= 2019; year++) {
      double off = Math.abs(syntheticYears.get(year) - realYears.get(year));
      assertThat(off).as("year %d", year).isLessThan(8.0);
      offBy += off / 61;
    }

    assertThat(offBy).isLessThan(3.0);

    // The year: each month's departure from its year's mean (about ±3 ppm, peaking in May).
    double[] realSwing = monthSwing(real);
    double[] syntheticSwing = monthSwing(synthetic);
    assertThat(correlation(realSwing, syntheticSwing)).isGreaterThan(0.9);
  }

  @Test
  void hourlyNormalsKeepTheirDayAndGoOnPastAChunk() {
    assertThat(hourlyModel.describe()).contains("day");
    int rows = 10_000; // past the first chunk of 4,096 hours, and the second
    List<Row> synthetic =
        hourlyModel
            .generate(spark, "hourly", rows, GenerateOptions.defaults().withSeed(3))
            .get("hourly")
            .orderBy("date")
            .collectAsList();
    assertThat(synthetic).hasSize(rows);
    for (int r = 1; r < rows; r++) {
      long hours = ChronoUnit.HOURS.between(hour(synthetic.get(r - 1)), hour(synthetic.get(r)));
      assertThat(hours).as("row %d", r).isEqualTo(1);
    }

    List<Row> real = hourly.orderBy("date").collectAsList();
    double[] realDay = hourProfile(real.subList(0, 8_000));
    double[] syntheticDay = hourProfile(synthetic.subList(0, 8_000));
    assertThat(correlation(realDay, syntheticDay)).isGreaterThan(0.9);
  }

  @Test
  void rowsDoNotDependOnThePartitioning() {
    Dataset<Row> one =
        hourlyModel
            .generate(spark, "hourly", 9_000, GenerateOptions.defaults().withPartitions(1))
            .get("hourly");
    Dataset<Row> three =
        hourlyModel
            .generate(spark, "hourly", 9_000, GenerateOptions.defaults().withPartitions(3))
            .get("hourly");
    assertThat(one.count()).isEqualTo(9_000);
    assertThat(one.exceptAll(three).count()).isZero();
  }

  @Test
  void theStrictOrderPolicyRefusesTies() {
    Dataset<Row> tied = co2.union(co2.limit(3));
    assertThatThrownBy(
            () ->
                Synthesizer.fitTables(
                    Map.of("co2", tied),
                    List.of(),
                    List.of(EntitySequence.series("co2", "Date")),
                    FitOptions.builder().orderPolicy(OrderPolicy.STRICT).build()))
        .hasMessageContaining("table 'co2': 3 rows repeat the 'Date' of the row before them");
  }

  @Test
  void theCommandLineFitsAndGeneratesASeries(@TempDir Path dir) throws java.io.IOException {
    String file = dir.resolve("co2.json").toString();
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            "co2=" + SharedSpark.dataset("co2-concentration.csv"),
            "--sequence",
            "co2",
            "--order",
            "co2.Date",
            "--model",
            file);
    assertThat(fit.status()).as(fit.err()).isZero();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            file,
            "--rows",
            "co2=1000",
            "--output",
            dir.resolve("out").toString(),
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    Dataset<Row> written = spark.read().parquet(dir.resolve("out/co2").toString());
    assertThat(written.count()).isEqualTo(1000);
    assertThat(written.columns()).containsExactly("Date", "CO2", "adjusted CO2");
    // Held out by time: the last fifth of the months, the series' figures beside theirs.
    String json = dir.resolve("co2-evaluation.json").toString();
    Cli.Result heldOut =
        Cli.run(
            "fit",
            "--input",
            "co2=" + SharedSpark.dataset("co2-concentration.csv"),
            "--sequence",
            "co2",
            "--order",
            "co2.Date",
            "--holdout-share",
            "0.2",
            "--json",
            json,
            "--model",
            dir.resolve("held-out.json").toString());
    assertThat(heldOut.status()).as(heldOut.err()).isZero();
    assertThat(heldOut.out()).contains("Histories of co2 (one series ordered by Date)");
    com.fasterxml.jackson.databind.JsonNode sequence =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(new java.io.File(json))
            .path("sequences")
            .path(0);
    assertThat(sequence.path("table").asText()).isEqualTo("co2");
    assertThat(sequence.path("gaps").path("synthetic").asDouble()).isGreaterThan(0.95);
    Cli.Result withParent =
        Cli.run(
            "fit",
            "--input",
            "co2=" + SharedSpark.dataset("co2-concentration.csv"),
            "--input",
            "sites=" + SharedSpark.dataset("co2-concentration.csv"),
            "--relation",
            "co2.Date=sites.Date",
            "--sequence",
            "co2",
            "--order",
            "co2.Date",
            "--model",
            file);
    assertThat(withParent.err()).contains("series 'co2' has a parent relation");
  }

  private static LocalDate date(Row row) {
    return row.getAs("Date") instanceof java.sql.Date sql ? sql.toLocalDate() : row.getAs("Date");
  }

  private static LocalDateTime hour(Row row) {
    Object value = row.getAs("date");
    return value instanceof java.sql.Timestamp sql
        ? sql.toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime()
        : LocalDateTime.ofInstant((java.time.Instant) value, ZoneOffset.UTC);
  }

  /** The mean CO2 of each calendar year. */
  private static Map<Integer, Double> yearlyMeans(List<Row> rows) {
    Map<Integer, double[]> sums = new java.util.TreeMap<>();
    for (Row row : rows) {
      double[] sum = sums.computeIfAbsent(date(row).getYear(), year -> new double[2]);
      sum[0] += ((Number) row.getAs("CO2")).doubleValue();
      sum[1]++;
    }

    Map<Integer, Double> means = new java.util.TreeMap<>();
    sums.forEach((year, sum) -> means.put(year, sum[0] / sum[1]));
    return means;
  }

  /** The mean departure of each calendar month from its year's mean. */
  private static double[] monthSwing(List<Row> rows) {
    Map<Integer, Double> years = yearlyMeans(rows);
    double[] swing = new double[12];
    int[] counts = new int[12];
    for (Row row : rows) {
      LocalDate day = date(row);
      swing[day.getMonthValue() - 1] +=
          ((Number) row.getAs("CO2")).doubleValue() - years.get(day.getYear());
      counts[day.getMonthValue() - 1]++;
    }

    for (int m = 0; m < 12; m++) {
      swing[m] /= counts[m];
    }

    return swing;
  }

  /** The mean temperature at each hour of the day. */
  private static double[] hourProfile(List<Row> rows) {
    double[] sums = new double[24];
    int[] counts = new int[24];
    for (Row row : rows) {
      int hour = hour(row).getHour();
      sums[hour] += ((Number) row.getAs("temperature")).doubleValue();
      counts[hour]++;
    }

    for (int h = 0; h < 24; h++) {
      sums[h] /= counts[h];
    }

    return sums;
  }

  private static double correlation(double[] a, double[] b) {
    double meanA = java.util.Arrays.stream(a).average().orElse(0);
    double meanB = java.util.Arrays.stream(b).average().orElse(0);
    double cross = 0;
    double squaresA = 0;
    double squaresB = 0;
    for (int i = 0; i < a.length; i++) {
      cross += (a[i] - meanA) * (b[i] - meanB);
      squaresA += (a[i] - meanA) * (a[i] - meanA);
      squaresB += (b[i] - meanB) * (b[i] - meanB);
    }

    return cross / Math.sqrt(squaresA * squaresB);
  }
}
