package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.Synthesizer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code synthlake} data source as a Structured Streaming source: offsets are row indexes, so a
 * query stopped mid-way and restarted from its checkpoint writes each row once, and the rows a
 * batch read of the same indexes gives.
 */
class StreamingSourceIT {
  @TempDir static Path temp;

  private static SparkSession spark;
  private static String model;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    // One CSV partition, so the ids run 0..343: a unique integer named like an identifier is fitted
    // as a key, and a generated key tells the row it was generated for. Delta takes no spaces or
    // brackets in column names, so the columns are renamed.
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
  }

  @Test
  void aRestartedQueryWritesEachRowOnceAndTheRowsOfABatchRead() throws Exception {
    String table = temp.resolve("stream-delta").toString();
    String checkpoint = temp.resolve("stream-checkpoint").toString();
    long rows = 20_000;
    Map<String, String> options =
        Map.of("model", model, "rowsPerBatch", "3000", "rows", String.valueOf(rows), "seed", "7");

    // Stopped once two batches are in the table, perhaps in the middle of the third.
    StreamingQuery first = start(options, table, checkpoint, Trigger.ProcessingTime(200));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (first.lastProgress() == null || first.lastProgress().batchId() < 1) {
      if (!first.isActive()) {
        throw first.exception().get();
      }

      assertThat(System.nanoTime()).as("two batches within a minute").isLessThan(deadline);
      Thread.sleep(50);
    }

    first.stop();
    long written = spark.read().format("delta").load(table).count();
    assertThat(written).isBetween(6_000L, rows - 1);

    StreamingQuery second = start(options, table, checkpoint, Trigger.AvailableNow());
    second.awaitTermination();

    Dataset<Row> streamed = spark.read().format("delta").load(table);
    Dataset<Row> batch =
        spark
            .read()
            .format("synthlake")
            .option("model", model)
            .option("rows", rows)
            .option("seed", 7)
            .load();
    assertThat(streamed.count()).isEqualTo(rows);
    assertThat(streamed.select("penguin_id").distinct().count()).isEqualTo(rows);
    assertThat(streamed.exceptAll(batch).count()).isZero();
    assertThat(batch.exceptAll(streamed).count()).isZero();
  }

  @Test
  void rowsPerSecondPacesTheStream() throws Exception {
    // 12,000 rows at 8,000 a second cannot all have arrived before 1.5 seconds have passed.
    Map<String, String> options =
        Map.of("model", model, "rowsPerSecond", "8000", "rows", "12000", "first-row", "500");
    long started = System.nanoTime();
    StreamingQuery query =
        stream(options)
            .writeStream()
            .format("memory")
            .queryName("paced")
            .trigger(Trigger.ProcessingTime(100))
            .start();
    try {
      long deadline = started + TimeUnit.SECONDS.toNanos(60);
      while (spark.table("paced").count() < 12_000) {
        assertThat(System.nanoTime()).as("12,000 rows within a minute").isLessThan(deadline);
        Thread.sleep(100);
      }

      assertThat(System.nanoTime() - started).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1500));
      Thread.sleep(300); // nothing comes after the last row
      Dataset<Row> batch =
          spark
              .read()
              .format("synthlake")
              .option("model", model)
              .option("rows", 12_000)
              .option("first-row", 500)
              .load();
      assertThat(spark.table("paced").count()).isEqualTo(12_000);
      assertThat(spark.table("paced").exceptAll(batch).count()).isZero();
    } finally {
      query.stop();
    }
  }

  @Test
  void aCheckpointIsNotResumedUnderAnotherSeed() throws Exception {
    String table = temp.resolve("seeded-delta").toString();
    String checkpoint = temp.resolve("seeded-checkpoint").toString();
    Map<String, String> options = Map.of("model", model, "rowsPerBatch", "1000", "rows", "2000");
    start(options, table, checkpoint, Trigger.AvailableNow()).awaitTermination();
    assertThat(spark.read().format("delta").load(table).count()).isEqualTo(2000);

    Map<String, String> reseeded =
        Map.of("model", model, "rowsPerBatch", "1000", "rows", "4000", "seed", "8");
    StreamingQuery resumed = start(reseeded, table, checkpoint, Trigger.AvailableNow());
    assertThatThrownBy(resumed::awaitTermination)
        .hasStackTraceContaining("checkpoint was written for another model or seed")
        .hasStackTraceContaining("seed 42; now");
  }

  @Test
  void badOptionsFailInOneLineNamingTheOption() throws Exception {
    assertThatThrownBy(() -> stream(Map.of("model", model, "rowsPerSecond", "-5")))
        .hasMessageContaining("option 'rowsPerSecond' must be a positive whole number, got -5");
    assertThatThrownBy(
            () -> stream(Map.of("model", model, "rowsPerSecond", "10", "rowsPerBatch", "10")))
        .hasMessageContaining("options 'rowsPerSecond' and 'rowsPerBatch' contradict");
    assertThatThrownBy(() -> stream(Map.of("rowsPerBatch", "10")))
        .hasMessageContaining("options 'model'");
    assertThatThrownBy(() -> stream(Map.of("model", model, "rowsPerBatch", "10", "rows", "0")))
        .hasMessageContaining("option 'rows' must be a positive whole number");
    assertThatThrownBy(
            () -> stream(Map.of("model", model, "spec", "orders.yaml", "rowsPerBatch", "10")))
        .hasMessageContaining("options 'model' and 'spec' contradict each other");
    assertThatThrownBy(
            () -> stream(Map.of("model", model, "rowsPerBatch", "10", "edge-cases", "0.1")))
        .hasMessageContaining("the option 'edge-cases' is for batch reads");
    // A batch read's options alone: the stream says which option it lacks when it starts.
    StreamingQuery unpaced =
        stream(Map.of("model", model, "rows", "10"))
            .writeStream()
            .format("memory")
            .queryName("unpaced")
            .start();
    assertThatThrownBy(unpaced::awaitTermination)
        .hasStackTraceContaining(
            "a synthlake stream needs its pace: give the option 'rowsPerSecond'");
  }

  private static Dataset<Row> stream(Map<String, String> options) {
    return spark.readStream().format("synthlake").options(options).load();
  }

  private static StreamingQuery start(
      Map<String, String> options, String table, String checkpoint, Trigger trigger)
      throws Exception {
    return stream(options)
        .writeStream()
        .format("delta")
        .option("checkpointLocation", checkpoint)
        .trigger(trigger)
        .start(table);
  }
}
