package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.GenerateOptions;
import java.util.Map;

/** The options of the {@code synthlake} data source, validated once on the driver. */
final class SourceOptions {
  static final String MODEL = "model";
  static final String MODEL_JSON = "model-json";
  static final String MODEL_KEY = "model-key";
  static final String ROWS = "rows";
  static final String SEED = "seed";
  static final String PARTITIONS = "partitions";
  static final String FIRST_ROW = "first-row";
  static final long DEFAULT_SEED = 42L;

  final long firstRow;
  final long rows;
  final long seed;
  final int partitions;

  private SourceOptions(long firstRow, long rows, long seed, int partitions) {
    this.firstRow = firstRow;
    this.rows = rows;
    this.seed = seed;
    this.partitions = partitions;
  }

  static SourceOptions parse(Map<String, String> options, int defaultParallelism) {
    String rowsText = options.get(ROWS);
    SynthlakeException.check(
        rowsText != null,
        "the synthlake data source needs the option 'rows' (how many rows to generate)");
    long rows = positiveLong(ROWS, rowsText);
    GenerateOptions.checkRows(rows);
    long seed = options.containsKey(SEED) ? parseLong(SEED, options.get(SEED)) : DEFAULT_SEED;
    long firstRow =
        options.containsKey(FIRST_ROW) ? parseLong(FIRST_ROW, options.get(FIRST_ROW)) : 0;
    GenerateOptions.checkFirstRow(firstRow);
    long blocks = GenerationPartition.blocks(firstRow, rows);
    long partitions;
    if (options.containsKey(PARTITIONS)) {
      partitions = positiveLong(PARTITIONS, options.get(PARTITIONS));
      GenerateOptions.checkPartitions(partitions);
    } else {
      partitions = GenerateOptions.defaultPartitions(rows, defaultParallelism);
    }

    // A partition holds whole blocks, so there are never more partitions than blocks.
    return new SourceOptions(firstRow, rows, seed, (int) Math.min(partitions, blocks));
  }

  private static long positiveLong(String name, String text) {
    long value = parseLong(name, text);
    SynthlakeException.check(
        value > 0, "option '%s' must be a positive whole number, got %s", name, text);
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
