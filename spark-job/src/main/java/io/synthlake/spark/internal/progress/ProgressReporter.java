package io.synthlake.spark.internal.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * Shows a long command's progress on stderr while it runs: on a terminal one line refreshed in
 * place, elsewhere (a log file, a CI job, a notebook's driver log) a plain line now and then, with
 * no control characters. Nothing is shown for a command that ends before the first refresh, and
 * nothing at all when quiet. Close it when the command's work is done; the command prints its own
 * summary after.
 */
public final class ProgressReporter implements AutoCloseable {
  /** How progress is written: refreshed in place on a terminal, or as separate lines. */
  public enum Mode {
    TERMINAL,
    LINES,
    QUIET
  }

  private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(500);
  private static final Duration LINES_INTERVAL = Duration.ofSeconds(10);

  /** A terminal line is cleared to its end, so a shorter line leaves nothing of a longer one. */
  private static final String CLEAR_TO_END = "\033[K";

  private final SparkSession spark;
  private final ProgressListener listener = new ProgressListener();
  private final String label;
  private final long rowsAsked;
  private final PrintStream err;
  private final Mode mode;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private boolean drawn;
  private boolean closed;

  private ProgressReporter(
      SparkSession spark,
      String label,
      long rowsAsked,
      PrintStream err,
      Mode mode,
      Duration interval) {
    this.spark = spark;
    this.label = label;
    this.rowsAsked = rowsAsked;
    this.err = err;
    this.mode = mode;
    if (mode == Mode.QUIET) {
      this.timer = null;
      return;
    }

    spark.sparkContext().addSparkListener(listener);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "synthlake-progress");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    timer.scheduleAtFixedRate(this::show, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts showing progress on {@code err}: in place when the process has a terminal, as lines
   * otherwise, not at all when {@code quiet}.
   *
   * @param rowsAsked rows the command writes, or -1 when it writes no known number
   */
  public static ProgressReporter start(
      SparkSession spark, String label, long rowsAsked, PrintStream err, boolean quiet) {
    Mode mode = quiet ? Mode.QUIET : System.console() != null ? Mode.TERMINAL : Mode.LINES;
    return start(
        spark,
        label,
        rowsAsked,
        err,
        mode,
        mode == Mode.TERMINAL ? TERMINAL_INTERVAL : LINES_INTERVAL);
  }

  /** Starts showing progress in a given mode and interval (tests, and callers that know better). */
  public static ProgressReporter start(
      SparkSession spark,
      String label,
      long rowsAsked,
      PrintStream err,
      Mode mode,
      Duration interval) {
    return new ProgressReporter(spark, label, rowsAsked, err, mode, interval);
  }

  /** The reading now. */
  public ProgressLine reading() {
    return new ProgressLine(
        label,
        rowsAsked,
        listener.rowsDone(rowsAsked),
        listener.tasksDone(),
        listener.tasksSubmitted(),
        System.nanoTime() - startNanos);
  }

  private synchronized void show() {
    if (closed) {
      return;
    }

    String text = reading().text();
    if (mode == Mode.TERMINAL) {
      err.print("\r" + text + CLEAR_TO_END);
    } else {
      err.println(text);
    }

    err.flush();
    drawn = true;
  }

  @Override
  public synchronized void close() {
    if (timer == null || closed) {
      return;
    }

    closed = true;
    timer.shutdownNow();
    spark.sparkContext().removeSparkListener(listener);
    if (drawn && mode == Mode.TERMINAL) {
      err.print("\r" + CLEAR_TO_END);
      err.flush();
    }
  }
}
