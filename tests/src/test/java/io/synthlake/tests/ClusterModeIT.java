package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

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
 * generates from the same model and seed.
 */
class ClusterModeIT {
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
            SharedSpark.dataset("football.csv")));
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
