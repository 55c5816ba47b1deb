package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys across runs: fitted keys start at a round number above the real ones, a run from a first row
 * gives exactly that slice of a run from row 0, and appends with the same seed continue a table's
 * keys instead of repeating them.
 */
class KeysAcrossRunsIT {
  /**
   * Real order ids run from 1 to this; card numbers are "CARD-" and the same number, zero-padded.
   */
  private static final int REAL_ROWS = 2345;

  private static final String BANKING =
      Path.of("..", "conf", "banking.yaml").toAbsolutePath().normalize().toString();

  @TempDir static Path temp;

  private static SparkSession spark;
  private static SynthesisModel model;
  private static String modelFile;

  @BeforeAll
  static void fitOrders() {
    spark = SharedSpark.session();
    SplittableRandom random = new SplittableRandom(17);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= REAL_ROWS; i++) {
      rows.add(
          RowFactory.create(
              (long) i,
              String.format("CARD-%06d", i),
              new UUID(
                      random.nextLong() & ~0xF000L | 0x4000L,
                      random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
                  .toString(),
              Math.round(random.nextDouble() * 10_000) / 100.0));
    }

    StructType schema =
        new StructType()
            .add("order_id", DataTypes.LongType)
            .add("card_no", DataTypes.StringType)
            .add("ref", DataTypes.StringType)
            .add("amount", DataTypes.DoubleType);
    model =
        Synthesizer.fit(spark.createDataFrame(rows, schema), FitOptions.builder().seed(5).build());
    modelFile = temp.resolve("orders.json").toString();
    model.save(spark, modelFile);
  }

  @Test
  void fittedKeysStartAtTheRealMaximumRoundedUpToAPowerOfTen() {
    TableModel fitted = ModelJson.fromJson(model.toJson(), "fitted model");
    KeyColumn orderId = (KeyColumn) fitted.column("order_id");
    KeyColumn card = (KeyColumn) fitted.column("card_no");
    assertThat(orderId.style()).isEqualTo(KeyColumn.Style.SEQUENCE);
    assertThat(orderId.start()).as("not %d, the real maximum + 1", REAL_ROWS + 1).isEqualTo(10_000);
    assertThat(card.prefix()).isEqualTo("CARD-");
    assertThat(card.start()).isEqualTo(10_000);
    assertThat(((KeyColumn) fitted.column("ref")).style()).isEqualTo(KeyColumn.Style.UUID);

    Row first =
        model
            .generate(spark, 3000, GenerateOptions.defaults())
            .agg(functions.min("order_id"), functions.min("card_no"))
            .first();
    assertThat(first.getLong(0)).isEqualTo(10_000);
    assertThat(first.getString(1)).isEqualTo("CARD-010000");
  }

  @Test
  void aRunFromAFirstRowGivesThatSliceOfARunFromRowZero() {
    long firstRow = 4096 + 1000; // inside the second block
    int rows = 7000;
    for (int partitions : new int[] {1, 2, 3}) {
      GenerateOptions options = GenerateOptions.defaults().withSeed(9).withPartitions(partitions);
      List<Row> whole =
          model
              .generate(
                  spark, firstRow + rows, GenerateOptions.defaults().withSeed(9).withPartitions(2))
              .collectAsList();
      List<Row> slice = model.generate(spark, rows, options.withFirstRow(firstRow)).collectAsList();
      assertThat(slice)
          .as("fitted model, %d partitions", partitions)
          .isEqualTo(whole.subList((int) firstRow, (int) firstRow + rows));

      List<Row> wholeBanking =
          SpecGenerator.generate(
                  spark,
                  BANKING,
                  firstRow + rows,
                  GenerateOptions.defaults().withSeed(9).withPartitions(3))
              .collectAsList();
      List<Row> sliceBanking =
          SpecGenerator.generate(spark, BANKING, rows, options.withFirstRow(firstRow))
              .collectAsList();
      assertThat(sliceBanking)
          .as("banking spec, %d partitions", partitions)
          .isEqualTo(wholeBanking.subList((int) firstRow, (int) firstRow + rows));
    }
  }

  @Test
  void theCommandLineWritesTheSameSliceAndSaysWhereItStarted() {
    String output = temp.resolve("slice").toString();
    Cli.Result run =
        Cli.run(
            "generate",
            "--model",
            modelFile,
            "--rows",
            "3000",
            "--first-row",
            "5000",
            "--seed",
            "4",
            "--output",
            output,
            "--format",
            "parquet",
            "--partitions",
            "2");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Generated 3,000 rows (rows 5,000 to 7,999 of seed 4) into");

    // order_id is 10,000 + the row index.
    Dataset<Row> expected =
        model
            .generate(spark, 8000, GenerateOptions.defaults().withSeed(4))
            .filter("order_id >= 15000");
    Dataset<Row> written = spark.read().parquet(output);
    assertThat(written.count()).isEqualTo(3000);
    assertThat(written.exceptAll(expected).count()).isZero();
    assertThat(expected.exceptAll(written).count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"delta", "parquet", "csv"})
  void appendsWithTheSameSeedContinueTheKeys(String format) {
    String output = temp.resolve("appended-" + format).toString();
    Cli.Result created =
        Cli.run(
            "generate",
            "--model",
            modelFile,
            "--rows",
            "5000",
            "--output",
            output,
            "--format",
            format);
    assertThat(created.status()).as(created.err()).isZero();
    assertThat(created.out()).doesNotContain("(rows ");
    for (int run = 1; run <= 2; run++) {
      Cli.Result appended =
          Cli.run(
              "generate",
              "--model",
              modelFile,
              "--rows",
              "5000",
              "--output",
              output,
              "--format",
              format,
              "--mode",
              "append",
              "--partitions",
              String.valueOf(run + 1));
      assertThat(appended.status()).as(appended.err()).isZero();
      assertThat(appended.out())
          .contains(String.format("(rows %,d to %,d of seed 42)", 5000 * run, 5000 * run + 4999));
    }

    Dataset<Row> table =
        format.equals("delta")
            ? spark.read().format("delta").load(output)
            : spark
                .read()
                .format(format)
                .option("header", "true")
                .schema(model.generate(spark, 1, GenerateOptions.defaults()).schema())
                .load(output);
    Row counts =
        table
            .agg(
                functions.count(functions.lit(1)),
                functions.countDistinct(functions.col("order_id")),
                functions.countDistinct(functions.col("card_no")),
                functions.countDistinct(functions.col("ref")))
            .first();
    assertThat(List.of(counts.getLong(0), counts.getLong(1), counts.getLong(2), counts.getLong(3)))
        .as("rows, then distinct order ids, card numbers and UUIDs")
        .containsExactly(15_000L, 15_000L, 15_000L, 15_000L);
    // The three runs together are the first 15,000 rows of the seed: one table, as if written in
    // one go.
    Dataset<Row> oneRun = model.generate(spark, 15_000, GenerateOptions.defaults());
    assertThat(table.exceptAll(oneRun).count()).isZero();
  }

  @Test
  void anAppendToACatalogTableContinuesItsKeys() {
    for (int run = 0; run < 2; run++) {
      Cli.Result result =
          Cli.run(
              "generate",
              "--model",
              modelFile,
              "--rows",
              "3000",
              "--table",
              "keys_across_runs",
              "--format",
              "delta",
              "--mode",
              "append");
      assertThat(result.status()).as(result.err()).isZero();
    }

    Row counts =
        spark
            .table("keys_across_runs")
            .agg(
                functions.count(functions.lit(1)),
                functions.countDistinct(functions.col("order_id")),
                functions.countDistinct(functions.col("ref")))
            .first();
    assertThat(List.of(counts.getLong(0), counts.getLong(1), counts.getLong(2)))
        .containsExactly(6000L, 6000L, 6000L);
  }

  @Test
  void anAppendOfASpecWithUuidKeysContinuesTheSpecStream() {
    String output = temp.resolve("banking").toString();
    for (int run = 0; run < 2; run++) {
      Cli.Result result =
          Cli.run(
              "generate",
              "--spec",
              BANKING,
              "--rows",
              "4000",
              "--output",
              output,
              "--format",
              "delta",
              "--mode",
              "append");
      assertThat(result.status()).as(result.err()).isZero();
    }

    Row counts =
        spark
            .read()
            .format("delta")
            .load(output)
            .agg(
                functions.count(functions.lit(1)),
                functions.countDistinct(functions.col("transaction_id")))
            .first();
    assertThat(List.of(counts.getLong(0), counts.getLong(1))).containsExactly(8000L, 8000L);
  }

  @Test
  void anAppendThatWouldRepeatKeysIsRefusedNamingTheColumnAndTheFix() throws java.io.IOException {
    String output = temp.resolve("refused").toString();
    assertThat(
            Cli.run("generate", "--model", modelFile, "--rows", "5000", "--output", output)
                .status())
        .isZero();

    Cli.Result again =
        Cli.run(
            "generate",
            "--model",
            modelFile,
            "--rows",
            "10",
            "--first-row",
            "4990",
            "--output",
            output,
            "--mode",
            "append");
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err().strip())
        .doesNotContain("\n")
        .contains(
            "key column 'order_id' would repeat keys already in " + output,
            "this run's keys 14990 to 14999 (rows 4,990 to 4,999) meet the table's 10000 to 14999",
            "pass --first-row 5000 or more");

    // A spec of UUID keys only: the same seed from row 0 again would write the same UUIDs.
    String spec = temp.resolve("events.yaml").toString();
    java.nio.file.Files.writeString(
        Path.of(spec),
        "columns:\n  - {name: event_id, type: string, key: {style: uuid}}\n"
            + "  - {name: size, type: int, distribution: {type: uniform, min: 1, max: 9}}\n");
    String events = temp.resolve("events").toString();
    assertThat(
            Cli.run(
                    "generate",
                    "--spec",
                    spec,
                    "--rows",
                    "100",
                    "--output",
                    events,
                    "--format",
                    "parquet")
                .status())
        .isZero();
    Cli.Result repeat =
        Cli.run(
            "generate",
            "--spec",
            spec,
            "--rows",
            "100",
            "--first-row",
            "0",
            "--output",
            events,
            "--format",
            "parquet",
            "--mode",
            "append");
    assertThat(repeat.status()).isEqualTo(2);
    assertThat(repeat.err())
        .contains(
            "key column 'event_id' would repeat keys already in " + events,
            "uuid key of row",
            "pass another --seed");

    assertThat(spark.read().format("delta").load(output).count())
        .as("untouched after the refusal")
        .isEqualTo(5000);
    assertThat(spark.read().parquet(events).count())
        .as("untouched after the refusal")
        .isEqualTo(100);
  }
}
