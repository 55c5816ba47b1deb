package io.synthlake.spark.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.SparkSession;

/**
 * Turns what Spark reports at run time (a task that failed on a malformed record, a cast of a value
 * that is not a number) into the CLI's one line: what failed, in which file and line where Spark
 * says, and what to do. Spark 4's errors carry a condition ({@code MALFORMED_CSV_RECORD}) and named
 * parameters; the innermost one is the most precise. Spark's internal errors and failures without a
 * condition are bugs, left to the caller's stack trace.
 */
final class SparkErrors {
  /**
   * Lines of a CSV file read to find a bad record's line number; past this the line is not named.
   */
  private static final long MAX_LINES_SEARCHED = 10_000_000L;

  private SparkErrors() {}

  /**
   * The one-line message for {@code failure}, or empty when it is not an error Spark blames on the
   * input.
   */
  static Optional<String> describe(Throwable failure) {
    List<SparkThrowable> reported = new ArrayList<>();
    String file = null;
    for (Throwable t = failure; t != null && reported.size() < 50; t = t.getCause()) {
      if (t instanceof SparkThrowable && ((SparkThrowable) t).getCondition() != null) {
        SparkThrowable spark = (SparkThrowable) t;
        if (spark.getCondition().startsWith("INTERNAL_ERROR")) {
          return Optional.empty();
        }

        reported.add(spark);
        Map<String, String> parameters = spark.getMessageParameters();
        if (file == null && parameters != null && parameters.get("path") != null) {
          file = parameters.get("path");
        }
      }
    }

    if (reported.isEmpty()) {
      return Optional.empty();
    }

    SparkThrowable cause = reported.get(reported.size() - 1);
    Map<String, String> parameters = cause.getMessageParameters();
    String where = file == null ? "" : "input " + displayPath(file) + ": ";
    switch (cause.getCondition()) {
      case "MALFORMED_CSV_RECORD":
        return Optional.of(malformedCsv(file, parameters.get("badRecord")));
      case "CAST_INVALID_INPUT":
        return Optional.of(
            String.format(
                Locale.ROOT,
                "%sthe value %s of type %s cannot be cast to %s: fix the value, or "
                    + "the --kind or expression that asks for %s",
                where,
                parameters.get("expression"),
                parameters.get("sourceType"),
                parameters.get("targetType"),
                parameters.get("targetType")));
      default:
        return Optional.of(
            String.format(
                Locale.ROOT,
                "%sSpark failed: %s: fix the input, option or spec it names, or "
                    + "rerun with --verbose for the stack trace",
                where,
                firstLine((Throwable) cause)));
    }
  }

  /**
   * A CSV record whose field count differs from the header's: the file, the line and both counts.
   */
  private static String malformedCsv(String file, String record) {
    String shown =
        record == null ? "?" : record.length() > 80 ? record.substring(0, 77) + "..." : record;
    if (file == null) {
      return "a CSV record does not match its header: '"
          + shown
          + "'; fix the row, quoting values that contain commas";
    }

    CsvLine line = CsvLine.find(file, record);
    String at = line.number > 0 ? ", line " + line.number : "";
    String counts =
        line.headerFields > 0 && record != null
            ? String.format(
                Locale.ROOT,
                " has %d fields where the header has %d",
                fields(record),
                line.headerFields)
            : " does not match the header";
    return String.format(
        Locale.ROOT,
        "input %s%s: the CSV record '%s'%s (a ragged row, or a value with an unquoted "
            + "comma such as a date 'Jan 5, 2024'): fix or remove the row, and quote values that contain commas",
        displayPath(file),
        at,
        shown,
        counts);
  }

  /** Fields of one CSV line: commas outside double quotes, plus one. */
  static int fields(String line) {
    int fields = 1;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields++;
      }
    }

    return fields;
  }

  /**
   * Where a bad record is in its file: found by reading the file again, line by line, on the
   * driver.
   */
  private static final class CsvLine {
    final long number;
    final int headerFields;

    private CsvLine(long number, int headerFields) {
      this.number = number;
      this.headerFields = headerFields;
    }

    static CsvLine find(String file, String record) {
      Path path = new Path(file);
      Configuration conf =
          SparkSession.getActiveSession().isDefined()
              ? SparkSession.getActiveSession().get().sparkContext().hadoopConfiguration()
              : new Configuration();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(path.getFileSystem(conf).open(path), StandardCharsets.UTF_8))) {
        String header = reader.readLine();
        int headerFields = header == null ? 0 : fields(header);
        String line;
        for (long number = 2;
            record != null && number < MAX_LINES_SEARCHED && (line = reader.readLine()) != null;
            number++) {
          if (line.equals(record)) {
            return new CsvLine(number, headerFields);
          }
        }

        return new CsvLine(0, headerFields);
      } catch (IOException | RuntimeException e) {
        return new CsvLine(0, 0); // the message then names the file and the record without the line
      }
    }
  }

  /** A local file as the user typed it, without the {@code file:} scheme Spark adds. */
  private static String displayPath(String file) {
    return file.startsWith("file://")
        ? file.substring("file://".length())
        : file.startsWith("file:") ? file.substring(5) : file;
  }

  /** The first line of Spark's message, without its {@code SQLSTATE} suffix. */
  private static String firstLine(Throwable error) {
    String message =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    String line = message.strip().lines().findFirst().orElse("").strip();
    int state = line.indexOf(" SQLSTATE:");
    return (state > 0 ? line.substring(0, state) : line).strip();
  }
}
