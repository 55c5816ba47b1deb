package io.synthlake.spark.internal;

import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.WriteMode;

/**
 * The user-facing errors of the Spark job that name a {@link Setting} or are made in more than one
 * place, as {@link io.synthlake.core.Errors} makes core's: one line of problem, cause and fix, the
 * settings named for the reader.
 */
public final class SparkJobErrors {
  private SparkJobErrors() {}

  /**
   * The output of a write in {@link WriteMode#ERROR} exists; {@code location} is how the user named
   * it.
   */
  public static SynthlakeException alreadyExists(String what, Setting location) {
    return SynthlakeException.of(
        "%s already exists: pass %s to replace it, %s to add to it, or choose another %s",
        what, Setting.MODE.to(WriteMode.OVERWRITE), Setting.MODE.to(WriteMode.APPEND), location);
  }

  /** Columns of types synthlake cannot model, with {@link FitOptions.UnsupportedColumns#FAIL}. */
  public static SynthlakeException unsupportedColumns(String columns) {
    return SynthlakeException.of(
        "columns %s have types synthlake cannot model: exclude them with %s, or pass %s to leave "
            + "them out",
        columns, Setting.EXCLUDE, Setting.UNSUPPORTED.to(FitOptions.UnsupportedColumns.SKIP));
  }

  public static SynthlakeException rowsOutOfRange(long rows, long max) {
    return SynthlakeException.of(
        "%s is out of range: %,d rows were asked for, but synthlake generates 1 to %,d rows in "
            + "one run; generate the rest in further runs with other seeds (%s)",
        Setting.ROWS, rows, max, Setting.MODE.to(WriteMode.APPEND));
  }

  public static SynthlakeException firstRowOutOfRange(long firstRow, long max) {
    return SynthlakeException.of(
        "%s is out of range: a run starts at a row from 0 to %,d, got %,d",
        Setting.FIRST_ROW, max, firstRow);
  }

  public static SynthlakeException tooManyPartitions(long partitions, long max) {
    return SynthlakeException.of(
        "%s asks for too many partitions: the largest accepted count is %,d, got %,d; leave it "
            + "out (or give 0) to let synthlake choose",
        Setting.PARTITIONS, max, partitions);
  }

  /** The ML-utility target is not a column both tables compare. */
  public static SynthlakeException unknownTarget(String target) {
    return SynthlakeException.of(
        "evaluate: %s '%s' is not a compared column of the training table (key columns and "
            + "unsupported types are not)",
        Setting.TARGET, SynthlakeException.shown(target));
  }

  /**
   * A write whose files hold other rows than asked for: a bug, caught before anything is published.
   */
  public static SynthlakeException rowsLost(long asked, long written, String target) {
    return SynthlakeException.of(
        "generate: %,d rows were asked for but %,d reached the files of %s, so nothing was "
            + "published: this is a synthlake bug; report it with %s",
        asked, written, target, Setting.STACK_TRACE);
  }

  /** An appended key of another style than a sequence would repeat a key the table holds. */
  public static SynthlakeException keyRepeats(
      String column, String table, Object held, String style, long row, long seed) {
    return SynthlakeException.of(
        "generate: key column '%s' would repeat keys already in %s: the table holds %s, the %s "
            + "key of row %,d of seed %d; pass another %s, or %s past the rows this seed has written",
        SynthlakeException.shown(column),
        table,
        held,
        style,
        row,
        seed,
        Setting.SEED,
        Setting.FIRST_ROW);
  }

  /**
   * An appended sequence key would meet the range of keys the table holds; {@code past} is the
   * first row after them.
   */
  public static SynthlakeException sequenceKeyRepeats(
      String column,
      String table,
      String first,
      String last,
      long firstRow,
      long lastRow,
      String min,
      String max,
      Object past) {
    return SynthlakeException.of(
        "generate: key column '%s' would repeat keys already in %s: this run's keys %s to %s "
            + "(rows %,d to %,d) meet the table's %s to %s; pass %s or more to continue after them, or change the key's start "
            + "in the model",
        SynthlakeException.shown(column),
        table,
        first,
        last,
        firstRow,
        lastRow,
        min,
        max,
        Setting.FIRST_ROW.to(past));
  }

  /**
   * The output cannot be written where it is; {@code fix}, when not null, is the way out besides
   * another output.
   */
  public static SynthlakeException outputNotWritable(String problem, String fix) {
    return SynthlakeException.of(
        "%s; %schoose another %s", problem, fix == null ? "" : fix + ", or ", Setting.OUTPUT);
  }

  /** The output directory holds files of another format than the one written. */
  public static SynthlakeException outputHoldsOtherFiles(String problem) {
    return SynthlakeException.of(
        "%s; choose an empty or new %s, or pass the format of the files it holds",
        problem, Setting.OUTPUT);
  }

  /** A Delta table written as Parquet, CSV or JSON. */
  public static SynthlakeException outputIsDelta(String action, String path, OutputFormat format) {
    return SynthlakeException.of(
        "cannot %s %s as %s: it is a Delta table (it has _delta_log); pass %s to write to it, or "
            + "choose another %s",
        action, path, format.sparkName(), Setting.FORMAT.to(OutputFormat.DELTA), Setting.OUTPUT);
  }
}
