package io.synthlake.tests;

import io.synthlake.spark.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Runs the command line in this JVM (on the shared session) and captures what it prints. Progress
 * lines (a slow run prints one every 10 s on stderr) are left out of {@link Result#err}, so tests
 * read the messages alone; {@code ProgressIT} tests the progress lines.
 */
final class Cli {
  private static final Pattern PROGRESS =
      Pattern.compile("(?m)^(fit|evaluate|generate): .* elapsed.*\\R");

  private Cli() {}

  record Result(int status, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status,
        out.toString(StandardCharsets.UTF_8),
        PROGRESS.matcher(err.toString(StandardCharsets.UTF_8)).replaceAll(""));
  }
}
