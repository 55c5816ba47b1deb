package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV and JSON output keep the input's plain timestamp form: {@code 2001-04-30 08:57:00}, with
 * milliseconds only for a column that has them, and come back as the same values.
 */
class TimestampFormIT {
  private static final Pattern SECONDS =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern MILLIS =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @TempDir static Path temp;

  private static SparkSession spark;
  private static String model;

  @BeforeAll
  static void fitPlainTimestamps() throws IOException {
    spark = SharedSpark.session();
    DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    DateTimeFormatter millis = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    Random random = new Random(11);
    LocalDateTime start = LocalDateTime.of(2001, 4, 30, 8, 57, 0);
    List<String> lines = new ArrayList<>(List.of("seen,logged,day,amount"));
    for (int i = 0; i < 500; i++) {
      LocalDateTime seen = start.plusSeconds(random.nextInt(30 * 86_400));
      LocalDateTime logged = seen.plusNanos((1 + random.nextInt(999)) * 1_000_000L);
      LocalDate day = seen.toLocalDate().plusDays(random.nextInt(3));
      lines.add(
          seen.format(seconds)
              + ","
              + logged.format(millis)
              + ","
              + day
              + ","
              + (10 + random.nextInt(900)));
    }

    Path input = Files.write(temp.resolve("events.csv"), lines, StandardCharsets.UTF_8);
    model = temp.resolve("events.json").toString();
    Cli.Result fit = Cli.run("fit", "--input", input.toString(), "--model", model, "--seed", "3");
    assertThat(fit.status()).as(fit.err()).isZero();
  }

  @Test
  void csvKeepsThePlainFormAndRoundTrips() throws IOException {
    String output = temp.resolve("csv-out").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            model,
            "--rows",
            "3000",
            "--output",
            output,
            "--format",
            "csv",
            "--seed",
            "5");
    assertThat(generate.status()).as(generate.err()).isZero();

    List<String[]> fields = csvFields(Path.of(output));
    assertThat(fields).hasSize(3000);
    assertThat(fields).allSatisfy(row -> assertThat(row[0]).matches(SECONDS));
    assertThat(fields).allSatisfy(row -> assertThat(row[1]).matches(MILLIS));
    assertThat(fields).allSatisfy(row -> assertThat(row[2]).matches(DAY));
    assertThat(fields.stream().filter(row -> !row[1].endsWith(".000")))
        .as("milliseconds kept")
        .hasSizeGreaterThan(2500);

    Dataset<Row> read =
        spark.read().option("header", "true").option("inferSchema", "true").csv(output);
    StructType schema = read.schema();
    assertThat(schema.apply("seen").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("logged").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("day").dataType()).isEqualTo(DataTypes.DateType);
    Dataset<Row> generated =
        SynthesisModel.load(spark, model)
            .generate(spark, 3000L, GenerateOptions.defaults().withSeed(5))
            .select("seen", "logged", "day");
    Dataset<Row> back = read.select("seen", "logged", "day");
    assertThat(back.exceptAll(generated).count())
        .as("rows read back that were not generated")
        .isZero();
    assertThat(generated.exceptAll(back).count()).as("generated rows not read back").isZero();
  }

  @Test
  void jsonKeepsThePlainForm() throws IOException {
    String output = temp.resolve("json-out").toString();
    Cli.Result generate =
        Cli.run(
            "generate", "--model", model, "--rows", "200", "--output", output, "--format", "json");
    assertThat(generate.status()).as(generate.err()).isZero();
    String text = partText(Path.of(output), ".json");
    assertThat(text)
        .containsPattern("\"seen\":\"" + SECONDS.pattern() + "\"")
        .containsPattern("\"logged\":\"" + MILLIS.pattern() + "\"")
        .doesNotContain("T0", "T1", "T2", "Z\"");
  }

  @Test
  void specTimestampsFollowTheirStep() throws IOException {
    Path spec =
        Files.writeString(
            temp.resolve("visits.yaml"),
            String.join(
                "\n",
                "format: synthlake-model",
                "format-version: 1",
                "columns:",
                "  - name: arrived",
                "    type: timestamp",
                "    distribution: {type: time-range, start: 2025-01-01T00:00:00Z,"
                    + " end: 2025-02-01T00:00:00Z}",
                "  - name: clicked",
                "    type: timestamp",
                "    step: 1000",
                "    distribution: {type: uniform, min: 2025-01-01T00:00:00Z,"
                    + " max: 2025-02-01T00:00:00Z}",
                ""));
    String output = temp.resolve("spec-out").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--spec",
            spec.toString(),
            "--rows",
            "500",
            "--output",
            output,
            "--format",
            "csv");
    assertThat(generate.status()).as(generate.err()).isZero();
    List<String[]> fields = csvFields(Path.of(output));
    assertThat(fields).hasSize(500);
    assertThat(fields).allSatisfy(row -> assertThat(row[0]).matches(SECONDS));
    assertThat(fields).allSatisfy(row -> assertThat(row[1]).matches(MILLIS));
  }

  @Test
  void relatedTablesKeepThePlainForm() throws IOException {
    Random random = new Random(17);
    List<String> customers = new ArrayList<>(List.of("id,joined"));
    List<String> visits = new ArrayList<>(List.of("customer_id,seen"));
    DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    DateTimeFormatter millis = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    LocalDateTime start = LocalDateTime.of(2001, 4, 30, 8, 57, 0);
    for (int id = 1; id <= 150; id++) {
      customers.add(id + "," + start.minusSeconds(random.nextInt(400 * 86_400)).format(seconds));
      for (int v = random.nextInt(4); v > 0; v--) {
        LocalDateTime seen = start.plusSeconds(random.nextInt(30 * 86_400));
        visits.add(
            id + "," + seen.plusNanos((1 + random.nextInt(999)) * 1_000_000L).format(millis));
      }
    }

    Path parents = Files.write(temp.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
    Path children = Files.write(temp.resolve("visits.csv"), visits, StandardCharsets.UTF_8);
    String set = temp.resolve("set.json").toString();
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            "customers=" + parents,
            "--input",
            "visits=" + children,
            "--relation",
            "visits.customer_id=customers.id",
            "--model",
            set);
    assertThat(fit.status()).as(fit.err()).isZero();
    Path output = temp.resolve("set-out");
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            set,
            "--rows",
            "300",
            "--output",
            output.toString(),
            "--format",
            "csv");
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(csvFields(output.resolve("customers")))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row[1]).matches(SECONDS));
    // A child's milliseconds in the same width on every row: its own step, not each value's.
    assertThat(csvFields(output.resolve("visits")))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row[1]).matches(MILLIS));
  }

  /** The data lines of every part file under {@code directory}, split on commas. */
  private static List<String[]> csvFields(Path directory) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : partText(directory, ".csv").split("\n")) {
      if (!line.isEmpty() && !Character.isLetter(line.charAt(0))) {
        rows.add(line.split(",", -1));
      }
    }

    return rows;
  }

  private static String partText(Path directory, String extension) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().startsWith("part-"))
              .filter(f -> f.getFileName().toString().endsWith(extension))
              .toList()) {
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }

    return text.toString();
  }
}
