package io.synthlake.spark.internal.progress;

import java.util.Locale;

/**
 * One reading of a command's progress and its text: rows written of rows asked (when the command
 * writes a known number of rows), the rate, the time elapsed and, once a share is done, the time
 * left at the rate so far. Pure arithmetic, so it is tested without Spark.
 *
 * @param label the command, e.g. {@code generate}
 * @param rowsAsked rows the command writes, or -1 when it writes no known number (fit, evaluate)
 * @param rowsDone rows written so far (ignored when {@code rowsAsked} is -1)
 * @param tasksDone Spark tasks finished so far, in every job of the command
 * @param tasksSubmitted Spark tasks of the stages submitted so far
 * @param elapsedNanos time since the command started
 */
public record ProgressLine(
    String label,
    long rowsAsked,
    long rowsDone,
    long tasksDone,
    long tasksSubmitted,
    long elapsedNanos) {

  /** The share of the rows written, 0 to 1; -1 when the command asks no known number of rows. */
  public double share() {
    if (rowsAsked <= 0) {
      return -1;
    }

    return Math.min(1.0, Math.max(0, rowsDone) / (double) rowsAsked);
  }

  /** Rows written per second so far; 0 before any time has passed. */
  public double rowsPerSecond() {
    return elapsedNanos <= 0 ? 0 : Math.max(0, rowsDone) / (elapsedNanos / 1e9);
  }

  /**
   * Seconds left at the rate so far, or -1 while it cannot be told (no known total, nothing written
   * yet).
   */
  public double secondsLeft() {
    double share = share();
    if (share <= 0) {
      return -1;
    }

    return elapsedNanos / 1e9 * (1 - share) / share;
  }

  /**
   * The line, without control characters: {@code generate: 420,000,000 of 1,000,000,000 rows …}.
   */
  public String text() {
    StringBuilder line = new StringBuilder(label).append(": ");
    if (rowsAsked > 0) {
      line.append(
              String.format(
                  Locale.ROOT, "%,d of %,d rows", Math.min(rowsDone, rowsAsked), rowsAsked))
          .append(String.format(Locale.ROOT, " (%.0f%%), ", 100 * share()))
          .append(rate(rowsPerSecond()))
          .append(", ");
    } else {
      line.append(
          String.format(Locale.ROOT, "%,d of %,d Spark tasks, ", tasksDone, tasksSubmitted));
    }

    line.append(clock(elapsedNanos / 1e9)).append(" elapsed");
    double left = secondsLeft();
    if (left >= 0) {
      line.append(", about ").append(clock(left)).append(" left");
    }

    return line.toString();
  }

  /** A rate with a unit a person reads at a glance: {@code 950 rows/s}, {@code 28.1M rows/s}. */
  static String rate(double rowsPerSecond) {
    if (rowsPerSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM rows/s", rowsPerSecond / 1e6);
    }

    if (rowsPerSecond >= 1e4) {
      return String.format(Locale.ROOT, "%.0fk rows/s", rowsPerSecond / 1e3);
    }

    return String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond);
  }

  /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour. */
  static String clock(double seconds) {
    long whole = Math.round(Math.max(0, seconds));
    long hours = whole / 3600;
    long minutes = whole / 60 % 60;
    long rest = whole % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }
}
