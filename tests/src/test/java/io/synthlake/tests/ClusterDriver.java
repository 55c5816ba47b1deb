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
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs in its own JVM as the driver of a Spark standalone cluster with two executor JVMs ({@code
 * local-cluster}): fits on the bundled weather table, saves the model, and generates it into
 * Parquet and Delta from the executors, then again with every task's first attempt failing (and
 * once through Spark's own CSV writer); then fits airports and flights as related tables, and the
 * three football levels ({@link FootballChain}), and writes every table from the executors.
 * Arguments: input CSV, model path, output directory, executor class path, airports CSV, flights
 * CSV, football CSV.
 */
public final class ClusterDriver {
  private ClusterDriver() {}

  public static void main(String[] args) {
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
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
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
      Dataset<Row> input =
          spark.read().option("header", "true").option("inferSchema", "true").csv(args[0]);
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
      long executors = spark.sparkContext().getExecutorMemoryStatus().size() - 1;
      System.out.println("EXECUTORS=" + executors);
    } finally {
      spark.stop();
    }
  }
}
