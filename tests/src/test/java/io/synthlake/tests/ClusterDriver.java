package io.synthlake.tests;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import io.synthlake.spark.source.TaskFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Runs in its own JVM as the driver of a Spark standalone cluster with two executor JVMs ({@code
 * local-cluster}): fits on the bundled weather table, saves the model, and generates it into
 * Parquet and Delta from the executors, then again with every task's first attempt failing (and
 * once through Spark's own CSV writer); then fits airports and flights as related tables, and the
 * three football levels ({@link FootballChain}), and writes every table from the executors; last,
 * what Spark users reach for, from the weather model: a {@code where} read, an {@code edge-cases}
 * read, SQL alone, and a stream into Delta stopped mid-way and restarted; and streams of a spec and
 * of the football set's divisions and teams. Arguments: input CSV, model path, output directory,
 * executor class path, airports CSV, flights CSV, football CSV, spec file.
 */
public final class ClusterDriver {
  /** A condition on a category and a range (the {@code where} read, here and in local mode). */
  static final String WHERE = "weather IN ('rain', 'snow') AND temp_max > 12.5";

  /** The rows of each read below but the stream's, with seed 4. */
  static final int READ_ROWS = 3_000;

  static final String EDGE_CASE_SHARE = "0.05";
  static final int SPEC_ROWS = 2_000;

  /**
   * The stream's rows, in batches of this many: stopped once the first batch is in the table, then
   * restarted. Each micro-batch into Delta costs seconds on the cluster, so there are only three.
   */
  static final int STREAM_ROWS = 6_000;

  static final int STREAM_BATCH = 2_000;

  /**
   * The root rows (divisions) of the football set's streams. Fewer than a root block (4,096), so
   * each stream is one micro-batch: stopping and restarting is covered in local mode.
   */
  static final int SET_STREAM_ROOTS = 40;

  /** The tables of the football set that stream: the root and its child (a match has two keys). */
  static final List<String> SET_STREAM_TABLES = List.of("divisions", "teams");

  /** The line of the driver's output that tells how many rows the stream wrote before its stop. */
  static final String STREAM_STOPPED_AT = "STREAM_ROWS_BEFORE_RESTART=";

  private ClusterDriver() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local-cluster[2,1,1024]")
            .appName("synthlake-cluster-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.executor.extraClassPath", args[3])
            .config(
                "spark.executor.extraJavaOptions",
                System.getProperty("synthlake.executor.options", ""))
            // SQL alone: synthlake_generate comes from synthlake's extension, set as a notebook
            // user sets it.
            .config(
                "spark.sql.extensions",
                "io.delta.sql.DeltaSparkSessionExtension,"
                    + "io.synthlake.spark.sql.SynthlakeExtensions")
            .config("spark.sql.warehouse.dir", args[2] + "/warehouse")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            // Speculation on, as many clusters run: on one host Spark never starts a copy (it
            // avoids the host of the
            // original attempt), so the retried writes below are what put two attempts' files in
            // one directory.
            .config("spark.speculation", "true")
            .config("spark.speculation.interval", "100ms")
            .config("spark.task.maxFailures", "4")
            .getOrCreate();
    try {
      // One CSV partition, so the ids run 0..1460: a column named like an identifier is fitted as a
      // key, and a generated key tells the row index it was generated for (the stream below).
      Dataset<Row> input =
          spark
              .read()
              .option("header", "true")
              .option("inferSchema", "true")
              .csv(args[0])
              .withColumn("weather_id", functions.monotonically_increasing_id());
      Synthesizer.fit(input, FitOptions.builder().seed(2).build()).save(spark, args[1]);
      SynthesisModel model = SynthesisModel.load(spark, args[1]);
      Dataset<Row> rows =
          model.generate(spark, 50_000, GenerateOptions.defaults().withSeed(4).withPartitions(6));
      TableWriter.toPath(
          rows,
          args[2] + "/parquet",
          WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
      TableWriter.toPath(
          rows,
          args[2] + "/delta",
          WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.ERROR).build());
      // The same writes again, with every task's first attempt failing after its first block went
      // to the file.
      spark.sparkContext().setLocalProperty(TaskFaults.PROPERTY, "fail-first-attempt");
      TableWriter.toPath(
          rows,
          args[2] + "/parquet-retried",
          WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
      TableWriter.toPath(
          rows,
          args[2] + "/delta-retried",
          WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.ERROR).build());
      TableWriter.toPath(
          rows.selectExpr("*", "1 as through_spark"),
          args[2] + "/csv-retried",
          WriteOptions.builder().format(OutputFormat.CSV).mode(WriteMode.ERROR).build());
      spark.sparkContext().setLocalProperty(TaskFaults.PROPERTY, null);
      // Related tables: the counting job and every table's tasks run on the executors.
      TableSetModel routes =
          Synthesizer.fitTables(
              Map.of(
                  "airports",
                      spark
                          .read()
                          .option("header", "true")
                          .option("inferSchema", "true")
                          .csv(args[4]),
                  "flights",
                      spark
                          .read()
                          .option("header", "true")
                          .option("inferSchema", "true")
                          .csv(args[5])),
              List.of("flights.origin=airports.iata", "flights.destination=airports.iata"),
              FitOptions.builder().seed(2).build());
      routes.save(spark, args[1] + ".routes.json");
      routes
          .generate(
              spark, "airports", 30_000, GenerateOptions.defaults().withSeed(4).withPartitions(5))
          .forEach(
              (table, tableRows) ->
                  TableWriter.toPath(
                      tableRows,
                      args[2] + "/routes/" + table,
                      WriteOptions.builder().format(OutputFormat.PARQUET).build()));
      // Three levels, and a child with a second foreign key besides its parent's.
      TableSetModel football = FootballChain.fit(spark, args[6]);
      football.save(spark, args[1] + ".football.json");
      football
          .generate(spark, "divisions", 8, GenerateOptions.defaults().withSeed(4).withPartitions(3))
          .forEach(
              (table, tableRows) ->
                  TableWriter.toPath(
                      tableRows,
                      args[2] + "/football/" + table,
                      WriteOptions.builder().format(OutputFormat.PARQUET).build()));
      conditionedAndEdgeCaseReads(spark, args[1], args[2]);
      sqlAlone(spark, args[1], args[7], args[2]);
      restartedStream(spark, args[1], args[2]);
      long streamsStart = System.nanoTime();
      specAndSetStreams(spark, args[1], args[7], args[2]);
      // What the spec and set streams cost the cluster test, which CI runs near its time budget.
      System.out.println(
          "SPEC_AND_SET_STREAMS_MS="
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - streamsStart));
      long executors = spark.sparkContext().getExecutorMemoryStatus().size() - 1;
      System.out.println("EXECUTORS=" + executors);
    } finally {
      spark.stop();
    }
  }

  /** A {@code where} read and an {@code edge-cases} read of the model, written as Parquet. */
  private static void conditionedAndEdgeCaseReads(SparkSession spark, String model, String output) {
    read(spark, model).option("where", WHERE).load().write().parquet(output + "/where");
    read(spark, model)
        .option("edge-cases", EDGE_CASE_SHARE)
        .load()
        .write()
        .parquet(output + "/edge-cases");
  }

  /** The model's rows as a notebook user gets them, through {@code spark.sql} and nothing else. */
  private static void sqlAlone(SparkSession spark, String model, String spec, String output) {
    spark.sql(
        "CREATE TABLE weather_fixture USING synthlake OPTIONS (model '"
            + model
            + "', rows "
            + READ_ROWS
            + ", seed 4)");
    spark.sql(
        "INSERT OVERWRITE DIRECTORY '"
            + output
            + "/sql-table' USING parquet SELECT * FROM weather_fixture");
    spark.sql(
        "INSERT OVERWRITE DIRECTORY '"
            + output
            + "/sql-function' USING parquet SELECT * FROM synthlake_generate('"
            + model
            + "', "
            + READ_ROWS
            + ", 4)");
    spark.sql(
        "INSERT OVERWRITE DIRECTORY '"
            + output
            + "/sql-spec' USING parquet SELECT * FROM synthlake_generate('"
            + spec
            + "', "
            + SPEC_ROWS
            + ", 3)");
  }

  /**
   * A stream of the model into Delta, stopped once its first micro-batch is in the table (perhaps
   * in the middle of the second, which the restart then replays) and restarted from its checkpoint
   * until the last row.
   */
  private static void restartedStream(SparkSession spark, String model, String output)
      throws Exception {
    String table = output + "/stream";
    String checkpoint = output + "/stream-checkpoint";
    // Each micro-batch's Delta commit reads the table's state: with Delta's 50 snapshot partitions
    // and Spark's 200 shuffle partitions that took 6 to 7 s of tiny tasks per batch on two executor
    // cores, and about 2 s with these.
    spark.conf().set("spark.databricks.delta.snapshotPartitions", "2");
    spark.conf().set("spark.sql.shuffle.partitions", "2");
    StreamingQuery first = stream(spark, model, table, checkpoint, Trigger.ProcessingTime(200));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (first.lastProgress() == null) {
      if (!first.isActive()) {
        throw first.exception().get();
      }

      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the stream wrote no batch within two minutes");
      }

      Thread.sleep(50);
    }

    first.stop();
    System.out.println(STREAM_STOPPED_AT + spark.read().format("delta").load(table).count());
    stream(spark, model, table, checkpoint, Trigger.AvailableNow()).awaitTermination();
  }

  /**
   * A stream of the spec ({@link #SPEC_ROWS} rows, seed 3) and streams of the football set's
   * divisions and teams, all running at once with {@code Trigger.AvailableNow} into Parquet: their
   * offsets are planned on the driver and their rows generated on the executors.
   */
  private static void specAndSetStreams(
      SparkSession spark, String model, String spec, String output) throws Exception {
    List<StreamingQuery> queries = new ArrayList<>();
    queries.add(
        toParquet(
            spark
                .readStream()
                .format("synthlake")
                .option("spec", spec)
                .option("rows", SPEC_ROWS)
                .option("rowsPerBatch", SPEC_ROWS)
                .option("seed", 3)
                .load(),
            output + "/spec-stream"));
    for (String table : SET_STREAM_TABLES) {
      queries.add(
          toParquet(
              spark
                  .readStream()
                  .format("synthlake")
                  .option("model", model + ".football.json")
                  .option("table", table)
                  .option("rows", SET_STREAM_ROOTS)
                  .option("rowsPerBatch", 4096)
                  .option("seed", 4)
                  .load(),
              output + "/set-stream/" + table));
    }

    for (StreamingQuery query : queries) {
      query.awaitTermination();
    }
  }

  private static StreamingQuery toParquet(Dataset<Row> rows, String table) throws Exception {
    return rows.writeStream()
        .format("parquet")
        .option("checkpointLocation", table + "-checkpoint")
        .trigger(Trigger.AvailableNow())
        .start(table);
  }

  private static StreamingQuery stream(
      SparkSession spark, String model, String table, String checkpoint, Trigger trigger)
      throws Exception {
    return spark
        .readStream()
        .format("synthlake")
        .option("model", model)
        .option("rows", STREAM_ROWS)
        .option("rowsPerBatch", STREAM_BATCH)
        .option("seed", 4)
        .load()
        .writeStream()
        .format("delta")
        .option("checkpointLocation", checkpoint)
        .trigger(trigger)
        .start(table);
  }

  /** A batch read of {@link #READ_ROWS} rows of the model with seed 4. */
  static DataFrameReader read(SparkSession spark, String model) {
    return spark
        .read()
        .format("synthlake")
        .option("model", model)
        .option("rows", READ_ROWS)
        .option("seed", 4);
  }
}
