package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.spark.internal.progress.ProgressLine;
import io.synthlake.spark.internal.progress.ProgressReporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress of long commands: the arithmetic of a reading, and what reaches stderr. */
class ProgressIT {
  private static final long SECOND = 1_000_000_000L;

  @TempDir static Path temp;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SharedSpark.session();
  }

  @Test
  void aReadingTellsShareRateAndTimeLeft() {
    ProgressLine line =
        new ProgressLine("generate", 1_000_000_000L, 420_000_000L, 84, 200, 15 * SECOND);
    assertThat(line.share()).isCloseTo(0.42, within(1e-12));
    assertThat(line.rowsPerSecond()).isCloseTo(28_000_000, within(1e-6));
    // 15 s for 42%: the other 58% take 15 * 58 / 42 = 20.7 s at the same rate.
    assertThat(line.secondsLeft()).isCloseTo(15 * 0.58 / 0.42, within(1e-9));
    assertThat(line.text())
        .isEqualTo(
            "generate: 420,000,000 of 1,000,000,000 rows (42%), 28.0M rows/s, 0:15 elapsed, about 0:21 left");
  }

  @Test
  void aReadingWithoutKnownRowsCountsTasks() {
    ProgressLine fit = new ProgressLine("fit", -1, 0, 37, 52, 3725 * SECOND);
    assertThat(fit.share()).isEqualTo(-1);
    assertThat(fit.secondsLeft()).isEqualTo(-1);
    assertThat(fit.text()).isEqualTo("fit: 37 of 52 Spark tasks, 1:02:05 elapsed");
  }

  @Test
  void beforeAnyRowTheTimeLeftIsNotGuessed() {
    ProgressLine start = new ProgressLine("generate", 1000, 0, 0, 4, 0);
    assertThat(start.rowsPerSecond()).isZero();
    assertThat(start.text()).isEqualTo("generate: 0 of 1,000 rows (0%), 0 rows/s, 0:00 elapsed");
    ProgressLine over = new ProgressLine("generate", 1000, 1200, 4, 4, 2 * SECOND);
    assertThat(over.share()).isEqualTo(1.0);
    assertThat(over.text()).startsWith("generate: 1,000 of 1,000 rows (100%), 600 rows/s");
  }

  @Test
  void withoutATerminalProgressIsPlainLinesCountingWrittenRows() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    long rows = 3_000_000;
    ProgressReporter progress =
        ProgressReporter.start(
            spark, "generate", rows, err, ProgressReporter.Mode.LINES, Duration.ofMillis(50));
    try (progress) {
      spark
          .range(0, rows, 1, 6)
          .selectExpr("id", "sha2(cast(id as string), 256) as h")
          .write()
          .mode("overwrite")
          .parquet(temp.resolve("lines").toString());
      // Spark delivers task events to listeners asynchronously: wait for the last ones.
      long deadline = System.nanoTime() + 30 * SECOND;
      while (progress.reading().rowsDone() < rows && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(progress.reading().rowsDone()).isEqualTo(rows);
      assertThat(progress.reading().tasksDone()).isGreaterThanOrEqualTo(6);
    }

    String text = bytes.toString(StandardCharsets.UTF_8);
    List<String> lines = Arrays.asList(text.split("\n"));
    assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("generate: "));
    assertThat(text).doesNotContain("\r").doesNotContain("\033");
  }

  @Test
  void quietShowsNothingAndTheSummaryStays() {
    String spec = Path.of("..", "conf", "banking.yaml").toAbsolutePath().toString();
    Cli.Result result =
        Cli.run(
            "generate",
            "--spec",
            spec,
            "--rows",
            "20000",
            "--output",
            temp.resolve("quiet").toString(),
            "--format",
            "parquet",
            "--quiet");
    assertThat(result.status()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).startsWith("Generated 20,000 rows into ");
  }

  @Test
  void aTerminalLineIsRedrawnInPlaceAndClearedAtTheEnd() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressReporter progress =
        ProgressReporter.start(
            spark, "fit", -1, err, ProgressReporter.Mode.TERMINAL, Duration.ofMillis(20))) {
      spark.range(0, 2_000_000, 1, 4).selectExpr("sum(id)").collect();
      Thread.sleep(100);
    }

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\rfit: ").doesNotContain("\n").endsWith("\r\033[K");
  }
}
