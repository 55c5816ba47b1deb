package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs (src/test/resources/bad-inputs, documented in its README.md): each line
 * of cases.tsv is a command line that must end with exit status 2 and one line on stderr, {@code
 * synthlake: error: ...}, holding the expected part. Runs on the shared session; the fixtures a
 * case may write into are checked to be left as they were.
 */
class BadInputsIT {
  private static final Path CORPUS =
      Path.of("src", "test", "resources", "bad-inputs").toAbsolutePath();
  private static final long DELTA_ROWS = 100;

  @TempDir static Path temp;

  private static Path delta;
  private static Path parquet;
  private static Path foreign;
  private static Path file;

  @BeforeAll
  static void fixtures() throws IOException {
    SharedSpark.session();
    delta = temp.resolve("delta-table");
    parquet = temp.resolve("parquet-table");
    for (String[] output :
        new String[][] {{delta.toString(), "delta"}, {parquet.toString(), "parquet"}}) {
      Cli.Result made =
          Cli.run(
              "generate",
              "--spec",
              CORPUS.resolve("good-spec.yaml").toString(),
              "--rows",
              Long.toString(DELTA_ROWS),
              "--output",
              output[0],
              "--format",
              output[1]);
      assertThat(made.status()).as(made.err()).isZero();
    }

    foreign = Files.createDirectories(temp.resolve("foreign"));
    Files.copy(CORPUS.resolve("notes.txt"), foreign.resolve("notes.txt"));
    file = Files.writeString(temp.resolve("plain-file.txt"), "a file, not a directory\n");
  }

  static Stream<Arguments> cases() throws IOException {
    return Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t"))
        .map(fields -> Arguments.of(fields[0], fields[1], fields[2], fields[3]));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("cases")
  void endsWithOneLineAndStatusTwo(
      String id, String commandLine, String expected, String description) throws IOException {
    Path scratch = Files.createTempDirectory(temp, id + "-");
    String[] args =
        commandLine
            .replace("{in}", CORPUS.toString())
            .replace("{tmp}", scratch.toString())
            .replace("{delta}", delta.toString())
            .replace("{parquet}", parquet.toString())
            .replace("{foreign}", foreign.toString())
            .replace("{file}", file.toString())
            .split(" ");

    Cli.Result result = Cli.run(args);

    assertThat(result.status()).as("exit status of %s; stderr: %s", id, result.err()).isEqualTo(2);
    assertThat(result.err()).as(id).startsWith("synthlake: error: ").contains(expected);
    assertThat(result.err().strip().lines().count()).as("one line: %s", result.err()).isEqualTo(1);
    try (Stream<Path> entries = Files.list(foreign)) {
      assertThat(entries.map(path -> path.getFileName().toString()).toList())
          .as("foreign directory untouched")
          .isEqualTo(List.of("notes.txt"));
    }

    if (commandLine.contains("{delta}")) {
      assertThat(SharedSpark.session().read().format("delta").load(delta.toString()).count())
          .as("Delta table untouched")
          .isEqualTo(DELTA_ROWS);
    }
  }
}
