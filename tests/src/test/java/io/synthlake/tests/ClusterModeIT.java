package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.EdgeCases;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.TableSetModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real multi-JVM run: a driver JVM with a Spark standalone cluster of two executor JVMs ({@code
 * local-cluster}), so the model really crosses process boundaries as a broadcast and the data
 * source is loaded on executors. The rows it writes must equal, row for row, what local mode
 * generates from the same model and seed; so must the rows of a {@code where} read, an {@code
 * edge-cases} read, SQL alone (a catalog table {@code USING synthlake} and {@code
 * synthlake_generate}) and a stream into Delta restarted from its checkpoint.
 */
class ClusterModeIT {
  private static final String SPEC =
      Path.of("..", "conf", "banking.yaml").toAbsolutePath().normalize().toString();

  @TempDir Path temp;

  @Test
  void executorsInOtherJvmsGenerateTheSameRowsAsLocalMode()
      throws IOException, InterruptedException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> jvmOptions = ChildJvm.jvmOptions();
    // Executors are launched through Spark's launcher, which wants a SPARK_HOME with a jars
    // directory; ours is empty
    // and the executors take their classes from spark.executor.extraClassPath instead.
    Path sparkHome =
        Files.createDirectories(temp.resolve("spark-home").resolve("jars")).getParent();
    String model = temp.resolve("model.json").toString();
    Path output = temp.resolve("out");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Xmx1g");
    command.add("-Dsynthlake.executor.options=" + String.join(" ", jvmOptions));
    command.add(
        "-Dlog4j2.configurationFile="
            + Path.of("..", "conf", "log4j2-test.properties").toAbsolutePath());
    command.addAll(
        List.of(
            "-cp",
            classPath,
            ClusterDriver.class.getName(),
            SharedSpark.dataset("seattle-weather.csv"),
            model,
            output.toString(),
            classPath,
            SharedSpark.dataset("airports.csv"),
            SharedSpark.dataset("flights-airport.csv"),
            SharedSpark.dataset("football.csv"),
            SPEC));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("driver.log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process driver = builder.start();
    boolean finished = driver.waitFor(8, TimeUnit.MINUTES);
    if (!finished) {
      driver.destroyForcibly();
    }

    String log = Files.readString(temp.resolve("driver.log"), StandardCharsets.UTF_8);
    assertThat(finished).as("driver finished in time; log:%n%s", log).isTrue();
    assertThat(driver.exitValue()).as("driver exit status; log:%n%s", log).isZero();
    assertThat(log).contains("EXECUTORS=2");

    SparkSession spark = SharedSpark.session();
    Dataset<Row> local =
        SynthesisModel.load(spark, model)
            .generate(spark, 50_000, GenerateOptions.defaults().withSeed(4).withPartitions(2));
    for (String format : List.of("parquet", "delta", "parquet-retried", "delta-retried")) {
      Dataset<Row> written =
          spark
              .read()
              .format(format.replace("-retried", ""))
              .load(output.resolve(format).toString());
      assertThat(written.count()).as(format).isEqualTo(50_000);
      assertThat(written.exceptAll(local).count())
          .as("%s rows not generated locally", format)
          .isZero();
      assertThat(local.exceptAll(written).count())
          .as("local rows missing from %s", format)
          .isZero();
    }

    // Retried tasks: the files that count hold byte for byte the pages of the run without failures,
    // and the first
    // attempts' partial files are gone.
    assertThat(log).contains("test hook synthlake.test.task-fault: failing the first attempt");
    assertThat(dataFiles(output.resolve("parquet-retried")))
        .hasSize(6)
        .isEqualTo(dataFiles(output.resolve("parquet")));
    assertThat(dataFiles(output.resolve("delta-retried")))
        .hasSize(6)
        .isEqualTo(dataFiles(output.resolve("delta")));
    List<Row> referenced =
        spark
            .read()
            .json(
                output
                    .resolve("delta-retried")
                    .resolve("_delta_log")
                    .resolve("00000000000000000000.json")
                    .toString())
            .where("add is not null")
            .select("add.path")
            .collectAsList();
    assertThat(referenced).hasSize(6);
    Dataset<Row> csv =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(output.resolve("csv-retried").toString());
    assertThat(csv.count()).as("rows through Spark's own writer, with retries").isEqualTo(50_000);

    // Related tables generated by the executors equal local mode's, table by table, and join.
    Map<String, Dataset<Row>> routes =
        TableSetModel.load(spark, model + ".routes.json")
            .generate(
                spark,
                "airports",
                30_000,
                GenerateOptions.defaults().withSeed(4).withPartitions(1));
    readSameTables(spark, output.resolve("routes"), routes);

    Dataset<Row> airports = spark.read().parquet(output.resolve("routes/airports").toString());
    Dataset<Row> flights = spark.read().parquet(output.resolve("routes/flights").toString());
    assertThat(
            flights
                .join(
                    airports, flights.col("destination").equalTo(airports.col("iata")), "left_anti")
                .count())
        .isZero();

    // Three levels, fitted by the driver: the same rows, every key unique and every foreign key
    // found.
    Map<String, Dataset<Row>> football =
        TableSetModel.load(spark, model + ".football.json")
            .generate(
                spark, "divisions", 8, GenerateOptions.defaults().withSeed(4).withPartitions(1));
    FootballChain.assertKeysHold(readSameTables(spark, output.resolve("football"), football));

    conditionedAndEdgeCaseReadsGiveLocalRows(spark, model, output);
    sqlAloneGivesLocalRows(spark, model, output);
    restartedStreamWritesEachRowOnce(spark, model, output, log);
    specAndSetStreamsGiveLocalRows(spark, model, output);
    // The streams' cost on the cluster, in the test's output: CI runs this test near its budget.
    Matcher cost = Pattern.compile("SPEC_AND_SET_STREAMS_MS=\\d+").matcher(log);
    assertThat(cost.find()).as("the driver's line SPEC_AND_SET_STREAMS_MS").isTrue();
    System.out.println(cost.group());
  }

  /** A {@code where} read and an {@code edge-cases} read on the cluster give local mode's rows. */
  private static void conditionedAndEdgeCaseReadsGiveLocalRows(
      SparkSession spark, String model, Path output) {
    Dataset<Row> conditioned = spark.read().parquet(output.resolve("where").toString());
    sameRows(
        conditioned,
        ClusterDriver.read(spark, model).option("where", ClusterDriver.WHERE).load(),
        "where");
    assertThat(conditioned.where(ClusterDriver.WHERE).count())
        .as("rows that satisfy the condition")
        .isEqualTo(ClusterDriver.READ_ROWS);

    Dataset<Row> edgeCases = spark.read().parquet(output.resolve("edge-cases").toString());
    sameRows(
        edgeCases,
        ClusterDriver.read(spark, model).option("edge-cases", ClusterDriver.EDGE_CASE_SHARE).load(),
        "edge-cases");
    // A row is an edge case when a hash of (seed, row) falls below 0.05: 150 +- 12 of 3,000, so
    // outside 50..300 means a dropped or misread share, not chance (the seed is fixed anyway).
    assertThat(edgeCases.where(EdgeCases.MARKER).count()).as("edge-case rows").isBetween(50L, 300L);
  }

  /** A catalog table and the table function, through spark.sql alone, give local mode's rows. */
  private static void sqlAloneGivesLocalRows(SparkSession spark, String model, Path output) {
    Dataset<Row> local = ClusterDriver.read(spark, model).load();
    sameRows(spark.read().parquet(output.resolve("sql-table").toString()), local, "sql-table");
    sameRows(
        spark.read().parquet(output.resolve("sql-function").toString()), local, "sql-function");
    sameRows(
        spark.read().parquet(output.resolve("sql-spec").toString()),
        spark.sql(
            "SELECT * FROM synthlake_generate('" + SPEC + "', " + ClusterDriver.SPEC_ROWS + ", 3)"),
        "sql-spec");
  }

  /**
   * The stream stopped mid-way and restarted on the cluster: each key once, and the rows of a local
   * batch read of the same row indexes.
   */
  private static void restartedStreamWritesEachRowOnce(
      SparkSession spark, String model, Path output, String log) {
    Matcher stopped = Pattern.compile(ClusterDriver.STREAM_STOPPED_AT + "(\\d+)").matcher(log);
    assertThat(stopped.find()).as("the driver's line %s", ClusterDriver.STREAM_STOPPED_AT).isTrue();
    assertThat(Long.parseLong(stopped.group(1)))
        .as("rows in the table when the stream was stopped")
        .isBetween((long) ClusterDriver.STREAM_BATCH, ClusterDriver.STREAM_ROWS - 1L);

    Dataset<Row> streamed = spark.read().format("delta").load(output.resolve("stream").toString());
    assertThat(streamed.select("weather_id").distinct().count())
        .as("distinct keys in the streamed table")
        .isEqualTo(ClusterDriver.STREAM_ROWS);
    sameRows(
        streamed,
        spark
            .read()
            .format("synthlake")
            .option("model", model)
            .option("rows", ClusterDriver.STREAM_ROWS)
            .option("seed", 4)
            .load(),
        "stream");
  }

  /**
   * The spec stream and the football set's streams on the cluster give the rows of local batch
   * reads of the same rows and seed; every team streamed has its division in the divisions stream.
   */
  private static void specAndSetStreamsGiveLocalRows(
      SparkSession spark, String model, Path output) {
    sameRows(
        spark.read().parquet(output.resolve("spec-stream").toString()),
        spark
            .read()
            .format("synthlake")
            .option("spec", SPEC)
            .option("rows", ClusterDriver.SPEC_ROWS)
            .option("seed", 3)
            .load(),
        "spec-stream");
    Map<String, Dataset<Row>> streamed = new LinkedHashMap<>();
    for (String table : ClusterDriver.SET_STREAM_TABLES) {
      Dataset<Row> rows =
          spark.read().parquet(output.resolve("set-stream").resolve(table).toString());
      sameRows(
          rows,
          spark
              .read()
              .format("synthlake")
              .option("model", model + ".football.json")
              .option("table", table)
              .option("rows", ClusterDriver.SET_STREAM_ROOTS)
              .option("seed", 4)
              .load(),
          table + " stream");
      streamed.put(table, rows);
    }

    Dataset<Row> divisions = streamed.get("divisions");
    Dataset<Row> teams = streamed.get("teams");
    assertThat(divisions.count())
        .as("divisions streamed")
        .isEqualTo(ClusterDriver.SET_STREAM_ROOTS);
    assertThat(divisions.select("division").distinct().count())
        .as("distinct divisions streamed")
        .isEqualTo(ClusterDriver.SET_STREAM_ROOTS);
    assertThat(teams.count()).as("teams streamed").isPositive();
    assertThat(
            teams
                .join(
                    divisions,
                    teams.col("division").equalTo(divisions.col("division")),
                    "left_anti")
                .count())
        .as("streamed teams whose division is not in the divisions stream")
        .isZero();
  }

  /** Equal counts and no written row missing from the local ones: the same multiset of rows. */
  private static void sameRows(Dataset<Row> written, Dataset<Row> local, String what) {
    assertThat(written.count()).as(what).isEqualTo(local.count());
    assertThat(written.exceptAll(local).count()).as("%s rows not generated locally", what).isZero();
  }

  /**
   * Reads each table written under {@code directory} and asserts it holds the same rows as the
   * locally generated one (equal counts and no written row missing locally: the same multiset).
   */
  private static Map<String, Dataset<Row>> readSameTables(
      SparkSession spark, Path directory, Map<String, Dataset<Row>> local) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> table : local.entrySet()) {
      Dataset<Row> written = spark.read().parquet(directory.resolve(table.getKey()).toString());
      assertThat(written.count()).as(table.getKey()).isEqualTo(table.getValue().count());
      assertThat(written.exceptAll(table.getValue()).count()).as(table.getKey()).isZero();
      tables.put(table.getKey(), written);
    }

    return tables;
  }

  /**
   * A digest of each Parquet data file's pages, by the partition its name starts with; a second
   * file for a partition fails. The footer is left out but for its length: parquet-mr lists a
   * column's encodings in the order of a hash set of enum constants, which changes from one JVM to
   * the next.
   */
  private static java.util.Map<String, String> dataFiles(Path directory) throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> list = Files.list(directory)) {
      for (Path file : list.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_")) {
          continue; // checksums and _SUCCESS
        }

        String key =
            name.startsWith("part-") && name.endsWith(".parquet") ? name.substring(0, 10) : name;
        byte[] bytes = Files.readAllBytes(file);
        int footer =
            java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt();
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        digest.update(bytes, 0, bytes.length - 8 - footer);
        String previous =
            files.put(key, footer + ":" + java.util.HexFormat.of().formatHex(digest.digest()));
        assertThat(previous).as("a second file for %s in %s", key, directory).isNull();
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }

    return files;
  }
}
