package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.TableSampler;
import java.util.Map;

/** The options of the {@code synthlake} data source, validated once on the driver. */
final class SourceOptions {
  static final String MODEL = "model";
  static final String MODEL_JSON = "model-json";
  static final String ROWS = "rows";
  static final String SEED = "seed";
  static final String PARTITIONS = "partitions";
  /**
   * Most rows per partition when no partition count is given (about 250 MB of Parquet for a 10-column table); the count
   * is then rounded up to a multiple of the cluster's parallelism.
   */
  static final long ROWS_PER_PARTITION = 4_000_000L;
  static final long DEFAULT_SEED = 42L;

  final long rows;
  final long seed;
  final int partitions;

  private SourceOptions(long rows, long seed, int partitions) {
    this.rows = rows;
    this.seed = seed;
    this.partitions = partitions;
  }

  static SourceOptions parse(Map<String, String> options, int defaultParallelism) {
    String rowsText = options.get(ROWS);
    SynthlakeException.check(rowsText != null, "the synthlake data source needs the option 'rows' (how many rows to generate)");
    long rows = positiveLong(ROWS, rowsText);
    long seed = options.containsKey(SEED) ? parseLong(SEED, options.get(SEED)) : DEFAULT_SEED;
    long blocks = (rows + TableSampler.BLOCK_ROWS - 1) / TableSampler.BLOCK_ROWS;
    long partitions;
    if (options.containsKey(PARTITIONS)) {
      partitions = positiveLong(PARTITIONS, options.get(PARTITIONS));
    } else {
      // A whole number of waves: 3 partitions on 2 cores would leave one core idle for the last third of the job.
      long waves = ((rows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION + defaultParallelism - 1) / defaultParallelism;
      partitions = Math.max(1, waves) * defaultParallelism;
    }

    // A partition holds whole blocks, so there are never more partitions than blocks.
    return new SourceOptions(rows, seed, (int) Math.min(Math.min(partitions, blocks), Integer.MAX_VALUE));
  }

  private static long positiveLong(String name, String text) {
    long value = parseLong(name, text);
    SynthlakeException.check(value > 0, "option '%s' must be a positive whole number, got %s", name, text);
    return value;
  }

  private static long parseLong(String name, String text) {
    try {
      return Long.parseLong(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw SynthlakeException.of("option '%s' must be a whole number, got '%s'", name, text);
    }
  }
}
