package io.synthlake.spark.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.spark.GenerateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The options of the {@code synthlake} data source, validated once on the driver. */
final class SourceOptions {
  static final String MODEL = "model";
  static final String MODEL_JSON = "model-json";
  static final String MODEL_KEY = "model-key";

  /** A spec file: read by SQL's catalog tables ({@link CatalogRelation}). */
  static final String SPEC = "spec";

  static final String ROWS = "rows";
  static final String SEED = "seed";
  static final String PARTITIONS = "partitions";
  static final String FIRST_ROW = "first-row";
  static final String TABLE = "table";
  static final String ROWS_OF = "rows-of";

  /** A condition every generated row of a table's model satisfies (see {@code Condition}). */
  static final String WHERE = "where";

  /** "true": the table named by {@code rows-of} gets exactly {@code rows} rows, not about. */
  static final String EXACT_ROWS = "exact-rows";

  /**
   * Columns of a set table's ancestors written beside its own columns, as JSON {@code [[table,
   * column], …]}: set by a spec whose derived columns read them ({@link
   * io.synthlake.core.generate.AncestorColumns}).
   */
  static final String ANCESTOR_COLUMNS = "ancestor-columns";

  private static final ObjectMapper JSON = new ObjectMapper();
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
        "the synthlake data source needs the option 'rows' (how many rows to generate), or "
            + "for a stream (spark.readStream()) 'rowsPerSecond' or 'rowsPerBatch'");
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

  /**
   * The rows a table-set read asks for: of which table, how many (exactly, or about as many for a
   * child table), under which seed.
   */
  record SetRows(String table, long rows, long seed, boolean exact) {}

  /**
   * The size of a table-set run: {@code rows} rows of table {@code rows-of} (by default the root of
   * {@code table}), the other roots scaled as in the fitted data.
   */
  static SetRows parseSetRows(Map<String, String> options, String defaultTable) {
    String rowsText = options.get(ROWS);
    SynthlakeException.check(
        rowsText != null,
        "the synthlake data source needs the option 'rows' (how many rows the table named by "
            + "'rows-of', by default the root of 'table', gets)");
    long rows = positiveLong(ROWS, rowsText);
    GenerateOptions.checkRows(rows);
    SynthlakeException.check(
        !options.containsKey(FIRST_ROW),
        "the option 'first-row' is for one table's model; a set of related tables is generated "
            + "whole: leave it out");
    long seed = options.containsKey(SEED) ? parseLong(SEED, options.get(SEED)) : DEFAULT_SEED;
    String table = options.containsKey(ROWS_OF) ? options.get(ROWS_OF) : defaultTable;
    String exact = options.getOrDefault(EXACT_ROWS, "false").trim();
    SynthlakeException.check(
        exact.equalsIgnoreCase("true") || exact.equalsIgnoreCase("false"),
        "option '%s' must be true or false, got '%s'",
        EXACT_ROWS,
        exact);
    return new SetRows(table, rows, seed, exact.equalsIgnoreCase("true"));
  }

  /** The partitions of a read of {@code rows} rows: the option's, or one per ~ block of work. */
  static int partitions(Map<String, String> options, long rows, int defaultParallelism) {
    if (!options.containsKey(PARTITIONS)) {
      return GenerateOptions.defaultPartitions(Math.max(1, rows), defaultParallelism);
    }

    long partitions = positiveLong(PARTITIONS, options.get(PARTITIONS));
    GenerateOptions.checkPartitions(partitions);
    return (int) partitions;
  }

  /** The option's value for {@code columns}. */
  static String ancestorColumns(List<AncestorColumns.Column> columns) {
    List<List<String>> pairs = new ArrayList<>();
    columns.forEach(column -> pairs.add(List.of(column.table(), column.column())));
    try {
      return JSON.writeValueAsString(pairs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ancestor columns the options ask for; none by default. */
  static List<AncestorColumns.Column> ancestorColumns(Map<String, String> options) {
    String text = options.get(ANCESTOR_COLUMNS);
    List<AncestorColumns.Column> columns = new ArrayList<>();
    if (text == null) {
      return columns;
    }

    JsonNode pairs;
    try {
      pairs = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      pairs = null;
    }

    boolean valid = pairs != null && pairs.isArray();
    for (int i = 0; valid && i < pairs.size(); i++) {
      JsonNode pair = pairs.get(i);
      valid =
          pair.isArray() && pair.size() == 2 && pair.get(0).isTextual() && pair.get(1).isTextual();
      if (valid) {
        columns.add(new AncestorColumns.Column(pair.get(0).asText(), pair.get(1).asText()));
      }
    }

    SynthlakeException.check(
        valid,
        "option '%s' must be a JSON list of [table, column] pairs, got %s",
        ANCESTOR_COLUMNS,
        text);
    return columns;
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
