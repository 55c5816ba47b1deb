package io.synthlake.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example's main method on small sizes, so the examples never rot. */
class ExamplesSmokeIT {
  @TempDir Path work;

  @Test
  void examplesRun() {
    String penguins = Path.of("data", "penguins.csv").toAbsolutePath().toString();
    String out =
        capture(() -> FitAndGenerate.main(new String[] {penguins, work.toString(), "5000"}));
    assertThat(out).contains("synthlake model: 7 columns", "5000 synthetic rows");
    assertThat(Files.exists(work.resolve("model.json"))).isTrue();
    assertThat(Files.exists(work.resolve("synthetic").resolve("_delta_log"))).isTrue();

    String query =
        capture(
            () ->
                QueryWithDataSource.main(
                    new String[] {work.resolve("model.json").toString(), "20000"}));
    assertThat(query).contains("rows=20000");

    String evaluated =
        capture(
            () -> {
              try {
                EvaluateSynthetic.main(new String[] {penguins, work.toString(), "Species"});
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(evaluated)
        .contains(
            "overall (uni+bi+tri)",
            "overall (uni+bi, MOSTLY AI style)",
            "ML utility AUC",
            "DCR share",
            "Report: ");
    assertThat(Files.exists(work.resolve("report.html"))).isTrue();
    assertThat(Files.exists(work.resolve("metrics.json"))).isTrue();
  }

  @Test
  void edgeCaseFixturesFindTheNaiveCleanersBug() {
    String out = capture(() -> EdgeCaseFixtures.main(new String[] {"5000", "0.01"}));

    assertThat(out)
        .contains(
            "naive cleaner on realistic rows: ok",
            "naive cleaner on edge cases: FAILED",
            "edge case: true",
            "fixed cleaner on edge cases: ok");
  }

  private static String capture(Runnable example) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      example.run();
    } finally {
      System.setOut(original);
    }

    return bytes.toString(StandardCharsets.UTF_8);
  }
}
