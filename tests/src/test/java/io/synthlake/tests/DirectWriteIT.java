package io.synthlake.tests;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.DeltaStatistics;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import io.synthlake.spark.source.GeneratedRows;
import io.synthlake.spark.write.DeltaCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated rows written straight from the blocks (Parquet and Delta) are the files Spark's and
 * Delta's own writers make of the same rows: the same values, the same Parquet types, the same
 * Delta statistics.
 */
class DirectWriteIT {
  private static final long ROWS = 3 * 4096 + 777;

  @TempDir Path temp;

  private static SparkSession spark;
  private static String spec;

  @BeforeAll
  static void session() {
    spark = SharedSpark.session();
    spec = Path.of("src", "test", "resources", "every-type.yaml").toAbsolutePath().toString();
  }

  @AfterEach
  void defaults() {
    spark.conf().unset("spark.sql.parquet.outputTimestampType");
  }

  private static Dataset<Row> generated() {
    return SpecGenerator.generate(
        spark, spec, ROWS, GenerateOptions.defaults().withSeed(8).withPartitions(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT96", "TIMESTAMP_MICROS"})
  void parquetFilesHoldTheRowsAndTypesSparksWriterGives(String timestamps) throws IOException {
    spark.conf().set("spark.sql.parquet.outputTimestampType", timestamps);
    Dataset<Row> rows = generated();
    assertThat(GeneratedRows.of(rows)).isPresent();
    String direct = temp.resolve("direct").toString();
    String viaSpark = temp.resolve("spark").toString();
    TableWriter.toPath(
        rows,
        direct,
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
    rows.write().parquet(viaSpark);

    assertSameRows(spark.read().parquet(direct), spark.read().parquet(viaSpark));
    assertThat(spark.read().parquet(direct).schema())
        .isEqualTo(spark.read().parquet(viaSpark).schema());
    assertThat(fileSchema(direct)).isEqualTo(fileSchema(viaSpark));
    assertThat(dataFiles(direct))
        .hasSize(3)
        .allSatisfy(name -> assertThat(name).endsWith(".snappy.parquet"));
    assertThat(Files.exists(Path.of(direct, "_SUCCESS"))).isTrue();
    try (Stream<Path> siblings = Files.list(temp)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("direct", "spark");
    }
  }

  @Test
  void prunedReorderedAndRenamedColumnsAreWrittenDirectly() {
    Dataset<Row> picked =
        generated().select(col("score").as("points"), col("event_id"), col("seen"));
    assertThat(GeneratedRows.of(picked))
        .get()
        .satisfies(
            g -> assertThat(g.schema().fieldNames()).containsExactly("points", "event_id", "seen"));
    String output = temp.resolve("picked").toString();
    TableWriter.toPath(
        picked,
        output,
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
    assertSameRows(spark.read().parquet(output), picked);
  }

  @Test
  void queriesThatComputeAnythingGoThroughSpark() {
    assertThat(GeneratedRows.of(generated().where("count > 2"))).isEmpty();
    assertThat(GeneratedRows.of(generated().withColumn("twice", col("count").multiply(2))))
        .isEmpty();
    assertThat(GeneratedRows.of(generated().select(col("id"), col("id").as("again")))).isEmpty();
    assertThat(GeneratedRows.of(spark.range(10).toDF())).isEmpty();

    Dataset<Row> filtered = generated().where("count > 2");
    String output = temp.resolve("filtered").toString();
    TableWriter.toPath(
        filtered,
        output,
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
    assertSameRows(spark.read().parquet(output), filtered);
  }

  @Test
  void theSameRowsWhateverThePartitionCount() {
    String two = temp.resolve("two").toString();
    String five = temp.resolve("five").toString();
    TableWriter.toPath(
        SpecGenerator.generate(
            spark, spec, ROWS, GenerateOptions.defaults().withSeed(8).withPartitions(2)),
        two,
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
    TableWriter.toPath(
        SpecGenerator.generate(
            spark, spec, ROWS, GenerateOptions.defaults().withSeed(8).withPartitions(4)),
        five,
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
    assertThat(dataFiles(two)).hasSize(2);
    assertThat(dataFiles(five)).hasSize(4);
    assertSameRows(spark.read().parquet(two), spark.read().parquet(five));
  }

  @Test
  void deltaTablesGetTheStatisticsDeltasWriterGives() {
    Dataset<Row> rows = generated();
    String direct = temp.resolve("delta-direct").toString();
    String viaDelta = temp.resolve("delta-own").toString();
    assertThat(
            DeltaCommit.write(
                spark,
                GeneratedRows.of(rows).orElseThrow(),
                direct,
                WriteMode.ERROR,
                DeltaStatistics.NON_STRING))
        .isTrue();
    // Delta's own writer on the same rows: a cached copy is no generated scan, so TableWriter hands
    // it to Delta.
    Dataset<Row> cached = rows.repartition(3).cache();
    cached.count();
    TableWriter.toPath(
        cached,
        viaDelta,
        WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.ERROR).build());
    cached.unpersist();

    assertSameRows(spark.read().format("delta").load(direct), rows);
    assertThat(tableProperties(direct)).isEqualTo(tableProperties(viaDelta));
    // Per-file statistics differ with the files' rows; the statistics of the whole table must
    // agree, except that a
    // timestamp maximum is rounded up to the millisecond (Delta truncates it and widens it again
    // when reading).
    Map<String, String> expected = tableStatistics(viaDelta);
    Map<String, String> actual = tableStatistics(direct);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String key : expected.keySet()) {
      if (key.startsWith("max seen") || key.startsWith("max local_seen")) {
        long truncated = java.time.Instant.parse(withZone(expected.get(key))).toEpochMilli();
        assertThat(java.time.Instant.parse(withZone(actual.get(key))).toEpochMilli())
            .as(key)
            .isBetween(truncated, truncated + 1);
      } else {
        assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
      }
    }
    // Data skipping uses them: a range beyond every value reads no file.
    Dataset<Row> none = spark.read().format("delta").load(direct).where("price > 100000");
    assertThat(none.count()).isZero();
    assertThat(none.queryExecution().executedPlan().toString()).doesNotContain("Exception");
  }

  @Test
  void deltaAppendAndOverwriteCommitOneVersionEach() {
    String output = temp.resolve("delta").toString();
    TableWriter.toPath(
        generated(),
        output,
        WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.ERROR).build());
    TableWriter.toPath(
        generated(),
        output,
        WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.APPEND).build());
    assertThat(spark.read().format("delta").load(output).count()).isEqualTo(2 * ROWS);
    TableWriter.toPath(
        SpecGenerator.generate(spark, spec, 5000, GenerateOptions.defaults()),
        output,
        WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.OVERWRITE).build());
    assertThat(spark.read().format("delta").load(output).count()).isEqualTo(5000);
    List<Row> history =
        spark
            .sql("describe history delta.`" + output + "`")
            .orderBy("version")
            .select("operation", "operationParameters.mode")
            .collectAsList();
    assertThat(
            history.stream()
                .map(r -> r.getString(0) + " " + r.getString(1))
                .collect(Collectors.toList()))
        .containsExactly("WRITE ErrorIfExists", "WRITE Append", "WRITE Overwrite");
  }

  @Test
  void deltaTablesWithConstraintsOrStringStatisticsAreLeftToDelta() {
    String output = temp.resolve("constrained").toString();
    TableWriter.toPath(
        generated(),
        output,
        WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.ERROR).build());
    spark.sql("alter table delta.`" + output + "` add constraint positive check (count >= 0)");
    GeneratedRows rows = GeneratedRows.of(generated()).orElseThrow();
    assertThat(DeltaCommit.write(spark, rows, output, WriteMode.APPEND, DeltaStatistics.NON_STRING))
        .isFalse();
    assertThat(
            DeltaCommit.write(
                spark, rows, temp.resolve("all").toString(), WriteMode.ERROR, DeltaStatistics.ALL))
        .isFalse();
    TableWriter.toPath(
        generated(),
        output,
        WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.APPEND).build());
    assertThat(spark.read().format("delta").load(output).count()).isEqualTo(2 * ROWS);

    String all = temp.resolve("all-stats").toString();
    TableWriter.toPath(
        generated(),
        all,
        WriteOptions.builder()
            .format(OutputFormat.DELTA)
            .mode(WriteMode.ERROR)
            .deltaStatistics(DeltaStatistics.ALL)
            .build());
    String stats =
        spark
            .read()
            .json(all + "/_delta_log/00000000000000000000.json")
            .where("add is not null")
            .select("add.stats")
            .first()
            .getString(0);
    assertThat(stats).contains("\"event_id\"");
  }

  @Test
  void columnsThatNeedColumnMappingAreWrittenUnderTheirPhysicalNames() {
    Dataset<Row> rows =
        generated()
            .select(col("score").as("Body Mass (g)"), col("seen").as("seen at"), col("grade"));
    String output = temp.resolve("mapped").toString();
    assertThat(
            DeltaCommit.write(
                spark,
                GeneratedRows.of(rows).orElseThrow(),
                output,
                WriteMode.ERROR,
                DeltaStatistics.NON_STRING))
        .isTrue();
    assertThat(
            DeltaCommit.write(
                spark,
                GeneratedRows.of(rows).orElseThrow(),
                output,
                WriteMode.APPEND,
                DeltaStatistics.NON_STRING))
        .isTrue();
    Dataset<Row> table = spark.read().format("delta").load(output);
    assertThat(table.columns()).containsExactly("Body Mass (g)", "seen at", "grade");
    assertSameRows(table, rows.union(rows));
    assertThat(tableProperties(output)).containsEntry("delta.columnMapping.mode", "name");
    // Statistics are keyed by physical name, so data skipping finds them: no file holds a score
    // above 10,000.
    assertThat(table.where("`Body Mass (g)` > 10000").count()).isZero();
    assertThat(tableStatistics(output))
        .containsKey("rows")
        .anySatisfy((key, value) -> assertThat(key).startsWith("max col-"));
  }

  private static String withZone(String timestamp) {
    return timestamp.endsWith("Z") ? timestamp : timestamp + "Z";
  }

  private static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected) {
    assertThat(actual.count()).isEqualTo(expected.count());
    assertThat(actual.exceptAll(expected).count()).as("rows not expected").isZero();
    assertThat(expected.exceptAll(actual).count()).as("rows missing").isZero();
  }

  private static MessageType fileSchema(String directory) throws IOException {
    Path file = Path.of(directory, dataFiles(directory).get(0));
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  private static List<String> dataFiles(String directory) {
    try (Stream<Path> files = Files.list(Path.of(directory))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".parquet"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, String> tableProperties(String table) {
    return spark
        .sql("describe detail delta.`" + table + "`")
        .select("properties")
        .first()
        .getJavaMap(0);
  }

  /**
   * Over the table's files: the row count, and per column the sum of null counts, the least minimum
   * and the largest maximum (numbers compared as numbers, dates and timestamps as their ISO text).
   */
  private static Map<String, String> tableStatistics(String table) {
    Dataset<Row> stats =
        spark
            .read()
            .json(table + "/_delta_log/00000000000000000000.json")
            .where("add is not null")
            .selectExpr(
                "from_json(add.stats, 'numRecords long, minValues map<string,string>, maxValues map<string,string>, "
                    + "nullCount map<string,long>') as s");
    Map<String, String> result = new TreeMap<>();
    result.put("rows", String.valueOf(stats.selectExpr("sum(s.numRecords)").first().get(0)));
    for (Row row :
        stats.selectExpr("explode(s.nullCount) as (k, v)").groupBy("k").sum("v").collectAsList()) {
      result.put("nulls " + row.get(0), String.valueOf(row.get(1)));
    }

    for (String pick : List.of("min", "max")) {
      Dataset<Row> values = stats.selectExpr("explode(s." + pick + "Values) as (k, v)");
      for (Row row :
          values
              .groupBy("k")
              .agg(expr(pick + "(try_cast(v as double))"), expr(pick + "(v)"))
              .collectAsList()) {
        result.put(
            pick + " " + row.get(0), String.valueOf(row.get(1) != null ? row.get(1) : row.get(2)));
      }
    }

    return result;
  }
}
