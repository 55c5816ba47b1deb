package io.synthlake.spark.cli;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.EdgeCases;
import io.synthlake.spark.DeltaStatistics;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import java.util.Locale;

/** Reads the command line's words for the API's enums, with errors that name the option. */
final class Choices {
  private Choices() {}

  static OutputFormat format(String text) {
    try {
      return OutputFormat.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of(
          "--format '%s' is not supported for output; use delta, parquet, csv or json", text);
    }
  }

  static WriteMode mode(String text) {
    try {
      return WriteMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of(
          "--mode '%s' is not a write mode; use error, overwrite or append", text);
    }
  }

  static DeltaStatistics deltaStatistics(String value, String where) {
    String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (DeltaStatistics statistics : DeltaStatistics.values()) {
      if (statistics.name().equals(name)) {
        return statistics;
      }
    }

    throw SynthlakeException.of("%s takes all, non-string or none, got '%s'", where, value);
  }

  /** The output a generate command's --format, --mode and --delta-stats ask for. */
  static WriteOptions writeOptions(Arguments args) {
    return WriteOptions.builder()
        .format(format(args.has("format") ? args.get("format") : "delta"))
        .mode(mode(args.has("mode") ? args.get("mode") : "error"))
        .deltaStatistics(
            deltaStatistics(
                args.has("delta-stats") ? args.get("delta-stats") : "non-string",
                "generate: --delta-stats"))
        .build();
  }

  /**
   * The seed, partitions and exact count a generate command's --seed, --partitions and --exact-rows
   * ask for.
   */
  static GenerateOptions generateOptions(Arguments args) {
    GenerateOptions options =
        GenerateOptions.defaults()
            .withPartitions(args.positiveInt("partitions", 0))
            .withExactRows(args.has("exact-rows"));
    if (args.has("where")) {
      options = options.where(args.get("where"));
    }

    if (args.has("edge-cases")) {
      options =
          options.withEdgeCases(
              EdgeCases.parseShare(args.get("edge-cases"), "generate: --edge-cases"));
    }

    return args.has("seed")
        ? options.withSeed(args.wholeNumber("seed", args.get("seed")))
        : options;
  }
}
