package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.GenerateOptions;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The options of a {@code synthlake} stream ({@code spark.readStream()}): its pace, either {@code
 * rowsPerSecond} or {@code rowsPerBatch}, and optionally {@code rows}, the rows after which the
 * stream has nothing more to give; {@code seed}, {@code first-row} and {@code partitions} as for a
 * batch read.
 */
final class StreamOptions {
  static final String ROWS_PER_SECOND = "rowsPerSecond";
  static final String ROWS_PER_BATCH = "rowsPerBatch";

  /** How a stream's next batch is sized. */
  enum Pace {
    /** As many rows as the time since the stream (re)started allows, like Spark's rate source. */
    PER_SECOND,
    /** A fixed number of rows each micro-batch, whatever the trigger's interval. */
    PER_BATCH
  }

  final Pace pace;

  /** Rows a second or rows a batch, as {@link #pace} says. */
  final long rate;

  final long seed;
  final long firstRow;

  /** The first row the stream never gives: first-row + rows, or the largest run when unbounded. */
  final long endRow;

  final boolean bounded;

  /** The option's partitions per batch, if given. */
  final OptionalLong partitions;

  private StreamOptions(
      Pace pace,
      long rate,
      long seed,
      long firstRow,
      long endRow,
      boolean bounded,
      OptionalLong partitions) {
    this.pace = pace;
    this.rate = rate;
    this.seed = seed;
    this.firstRow = firstRow;
    this.endRow = endRow;
    this.bounded = bounded;
    this.partitions = partitions;
  }

  /** True when the options name a stream's pace, so the read is meant for a stream. */
  static boolean isStream(Map<String, String> options) {
    return options.containsKey(ROWS_PER_SECOND) || options.containsKey(ROWS_PER_BATCH);
  }

  static StreamOptions parse(Map<String, String> options) {
    boolean perSecond = options.containsKey(ROWS_PER_SECOND);
    boolean perBatch = options.containsKey(ROWS_PER_BATCH);
    SynthlakeException.check(
        !(perSecond && perBatch),
        "options '%s' and '%s' contradict each other: a stream's pace is set by time or by batch, "
            + "keep one of them",
        ROWS_PER_SECOND,
        ROWS_PER_BATCH);
    if (!perSecond && !perBatch) {
      throw noPace();
    }

    String name = perSecond ? ROWS_PER_SECOND : ROWS_PER_BATCH;
    long rate = positive(name, options.get(name));
    GenerateOptions.checkRows(rate);
    long seed =
        options.containsKey(SourceOptions.SEED)
            ? whole(SourceOptions.SEED, options.get(SourceOptions.SEED))
            : SourceOptions.DEFAULT_SEED;
    long firstRow =
        options.containsKey(SourceOptions.FIRST_ROW)
            ? whole(SourceOptions.FIRST_ROW, options.get(SourceOptions.FIRST_ROW))
            : 0;
    GenerateOptions.checkFirstRow(firstRow);
    long endRow = GenerateOptions.MAX_ROWS;
    boolean bounded = options.containsKey(SourceOptions.ROWS);
    if (bounded) {
      long rows = positive(SourceOptions.ROWS, options.get(SourceOptions.ROWS));
      GenerateOptions.checkRows(rows);
      endRow = Math.min(GenerateOptions.MAX_ROWS, Math.addExact(firstRow, rows));
    }

    OptionalLong partitions = OptionalLong.empty();
    if (options.containsKey(SourceOptions.PARTITIONS)) {
      long count = positive(SourceOptions.PARTITIONS, options.get(SourceOptions.PARTITIONS));
      GenerateOptions.checkPartitions(count);
      partitions = OptionalLong.of(count);
    }

    return new StreamOptions(
        perSecond ? Pace.PER_SECOND : Pace.PER_BATCH,
        rate,
        seed,
        firstRow,
        endRow,
        bounded,
        partitions);
  }

  /** The error of a stream whose options give no pace. */
  static SynthlakeException noPace() {
    return SynthlakeException.of(
        "a synthlake stream needs its pace: give the option '%s' (rows generated each second) or "
            + "'%s' (rows in each micro-batch)",
        ROWS_PER_SECOND, ROWS_PER_BATCH);
  }

  /** The partitions of a micro-batch of {@code rows} rows from {@code firstRow}. */
  int partitions(long firstRow, long rows, int defaultParallelism) {
    long count =
        partitions.isPresent()
            ? partitions.getAsLong()
            : GenerateOptions.defaultPartitions(rows, defaultParallelism);
    // A partition holds whole blocks, so there are never more partitions than blocks.
    return (int) Math.min(count, GenerationPartition.blocks(firstRow, rows));
  }

  private static long positive(String name, String text) {
    long value = whole(name, text);
    SynthlakeException.check(
        value > 0, "option '%s' must be a positive whole number, got %s", name, text.trim());
    return value;
  }

  private static long whole(String name, String text) {
    try {
      return Long.parseLong(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw SynthlakeException.of("option '%s' must be a whole number, got '%s'", name, text);
    }
  }
}
