package io.synthlake.spark.source;

/**
 * Where a stream's next micro-batch ends: a fixed count past its start ({@code rowsPerBatch}), or
 * what the time since this run of the query began allows ({@code rowsPerSecond}), never past the
 * stream's last row. Counts in the stream's own unit: rows of a table, or root rows of a set. One
 * per running query; not thread-safe.
 */
final class StreamPace {
  private final StreamOptions options;

  /** When this run of the query first asked for rows, and from which row: the rate's origin. */
  private long runStartNanos = -1;

  private long runStartRow;

  /** Under {@code Trigger.AvailableNow}: the row the query stops before, once known. */
  private boolean availableNow;

  private long availableNowEnd = -1;

  StreamPace(StreamOptions options) {
    this.options = options;
  }

  /** The query runs under {@code Trigger.AvailableNow}: batches need not wait for the clock. */
  void availableNow() {
    availableNow = true;
  }

  /** True when the next batch's size is set by a count, not by the clock. */
  boolean counted() {
    return availableNow || options.pace == StreamOptions.Pace.PER_BATCH;
  }

  /** The end of the batch that starts at {@code start}: at least {@code start}. */
  long next(long start) {
    long end = options.endRow;
    if (availableNow) {
      // Available now: up to the bound, or one batch's rows of an unbounded stream, in batches
      // of the pace's size without waiting for the clock.
      if (availableNowEnd < 0) {
        availableNowEnd = options.bounded ? end : Math.min(end, start + options.rate);
      }

      return Math.max(start, Math.min(availableNowEnd, saturatedAdd(start, options.rate)));
    }

    if (options.pace == StreamOptions.Pace.PER_BATCH) {
      return Math.max(start, Math.min(end, saturatedAdd(start, options.rate)));
    }

    long now = System.nanoTime();
    if (runStartNanos < 0) {
      runStartNanos = now;
      runStartRow = start;
    }

    double seconds = (now - runStartNanos) / 1e9;
    long due = saturatedAdd(runStartRow, (long) Math.min(Long.MAX_VALUE, seconds * options.rate));
    return Math.max(start, Math.min(end, due));
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
