package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.EdgeCases;
import io.synthlake.spark.internal.SparkJobErrors;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Options of {@link SynthesisModel#generate} and {@link TableSetModel#generate}: the seed and,
 * optionally, the partition count, the first row (to continue the rows of an earlier run), a
 * condition every row satisfies and, for a set of related tables, whether the table sized gets
 * exactly its rows.
 */
@PublicApi
public final class GenerateOptions {
  /** Most rows in one partition (one output file) when the partition count is left to synthlake. */
  public static final long ROWS_PER_PARTITION = 4_000_000L;

  /**
   * The most rows one run generates: 10^15, a thousand times a trillion-row table and days of work
   * on a large cluster. Below it every row index, block count and partition boundary fits a long
   * with room to spare; above it the arithmetic would wrap around (9,223,372,036,854,775,807 rows
   * once planned zero partitions and reported success).
   */
  public static final long MAX_ROWS = 1_000_000_000_000_000L;

  /**
   * The most partitions (tasks, output files) of one run: more would only cost the driver memory
   * and scheduling.
   */
  public static final int MAX_PARTITIONS = 1_000_000;

  private final long seed;
  private final int partitions;
  private final long firstRow;
  private final boolean exactRows;
  private final String where;
  private final EdgeCaseChoice edgeCases;

  /** The edge cases asked for: a share (null for none), the columns and the not-null columns. */
  private record EdgeCaseChoice(Double share, List<String> columns, List<String> notNull) {
    static final EdgeCaseChoice NONE = new EdgeCaseChoice(null, List.of(), List.of());
  }

  private GenerateOptions(long seed, int partitions, long firstRow, boolean exactRows) {
    this(seed, partitions, firstRow, exactRows, null, EdgeCaseChoice.NONE);
  }

  private GenerateOptions(
      long seed,
      int partitions,
      long firstRow,
      boolean exactRows,
      String where,
      EdgeCaseChoice edgeCases) {
    this.seed = seed;
    this.partitions = partitions;
    this.firstRow = firstRow;
    this.exactRows = exactRows;
    this.where = where;
    this.edgeCases = edgeCases;
  }

  /**
   * Seed 42, partitions chosen from the row count and the cluster, from row 0.
   *
   * @return the default options
   */
  public static GenerateOptions defaults() {
    return new GenerateOptions(42L, 0, 0, false);
  }

  /**
   * Same seed, same rows, whatever the partition count.
   *
   * @param value the new value
   * @return options equal to these but for {@code value}
   */
  public GenerateOptions withSeed(long value) {
    return new GenerateOptions(value, partitions, firstRow, exactRows, where, edgeCases);
  }

  /**
   * Generates rows {@code value} to {@code value + rows - 1} of the seed's stream instead of rows 0
   * to {@code rows - 1}: exactly those rows of a run from row 0 (keys included), so a run starting
   * where the last one ended continues its table without repeating a key. A spec's {@code rows}
   * then means {@code value + rows}, the rows of the table so far.
   *
   * @param value the new value
   * @return options equal to these but for {@code value}
   */
  public GenerateOptions withFirstRow(long value) {
    checkFirstRow(value);
    return new GenerateOptions(seed, partitions, value, exactRows, where, edgeCases);
  }

  /**
   * The number of partitions (output files); 0 chooses from the row count and the cluster's
   * parallelism.
   *
   * @param value the new value
   * @return options equal to these but for {@code value}
   */
  public GenerateOptions withPartitions(int value) {
    SynthlakeException.check(
        value >= 0, "the partition count must be 0 (synthlake chooses) or positive, got %d", value);
    checkPartitions(value);
    return new GenerateOptions(seed, value, firstRow, exactRows, where, edgeCases);
  }

  /**
   * For a set of related tables, gives the table that {@link TableSetModel#generate} sizes exactly
   * its rows, where by default a child table gets about as many: its root gets the fewest rows
   * whose descendants in the table reach the count (counted block by block), and the last root
   * row's rows of the table, with their own descendants, are cut to it. Every key still joins, and
   * the rows kept are those of a run without the cut. A root table, or a single table, always gets
   * exactly its rows.
   *
   * @param value whether the table sized gets exactly its rows
   * @return options equal to these but for {@code value}
   */
  public GenerateOptions withExactRows(boolean value) {
    return new GenerateOptions(seed, partitions, firstRow, value, where, edgeCases);
  }

  /**
   * Generates only rows that satisfy {@code value}, such as {@code segment = 'premium' AND amount >
   * 500}, drawn from the model's conditional distribution given it: exactly the rows asked for,
   * however rare the condition, never by rejecting rows. Terms compare one column with values
   * ({@code =, !=, <, <=, >, >=, IN (…), NOT IN (…), BETWEEN … AND …, IS [NOT] NULL}) and join with
   * AND; the grammar is in docs/cli.md. The condition is parsed, never run as code. For one table's
   * model; a key column cannot be conditioned.
   *
   * @param value the condition, or null for none
   * @return options equal to these but for {@code value}
   */
  public GenerateOptions where(String value) {
    return new GenerateOptions(seed, partitions, firstRow, exactRows, value, edgeCases);
  }

  /**
   * Replaces a share of the rows with boundary rows that still have each column's type: nulls, the
   * limits of the type and of the column's range, NaN and infinities, empty, very long, non-ASCII
   * and right-to-left text, far dates, leap days and the session time zone's DST edges. Key columns
   * stay unique. Which rows, and what they hold, depend only on (model, seed, row index, share); a
   * boolean column {@code synthlake_edge_case} after the model's columns marks them. For one
   * table's model; the other rows are those of a run without edge cases.
   *
   * @param share the share of rows, in [0, 1]
   * @return options equal to these but for {@code share}
   */
  public GenerateOptions withEdgeCases(double share) {
    EdgeCases.checkShare(share);
    return new GenerateOptions(
        seed,
        partitions,
        firstRow,
        exactRows,
        where,
        new EdgeCaseChoice(share, edgeCases.columns(), edgeCases.notNull()));
  }

  /**
   * Limits {@link #withEdgeCases} to these columns (none of them a key); empty, the default, for
   * every column but keys.
   *
   * @param columns the column names
   * @return options equal to these but for {@code columns}
   */
  public GenerateOptions withEdgeCaseColumns(List<String> columns) {
    return new GenerateOptions(
        seed,
        partitions,
        firstRow,
        exactRows,
        where,
        new EdgeCaseChoice(edgeCases.share(), List.copyOf(columns), edgeCases.notNull()));
  }

  /**
   * Columns {@link #withEdgeCases} never sets to null (a NOT NULL constraint downstream).
   *
   * @param columns the column names
   * @return options equal to these but for {@code columns}
   */
  public GenerateOptions withEdgeCaseNotNull(List<String> columns) {
    return new GenerateOptions(
        seed,
        partitions,
        firstRow,
        exactRows,
        where,
        new EdgeCaseChoice(edgeCases.share(), edgeCases.columns(), List.copyOf(columns)));
  }

  /**
   * The partition count chosen when none is given: at most {@link #ROWS_PER_PARTITION} rows each
   * (about 250 MB of Parquet for a 10-column table), rounded up to a whole number of waves of
   * {@code parallelism} tasks, since 3 partitions on 2 cores would leave one core idle through the
   * last third of the job.
   *
   * @param rows the rows to generate
   * @param parallelism the cluster's default parallelism
   * @return the partition count
   */
  public static int defaultPartitions(long rows, int parallelism) {
    checkRows(rows);
    int cores = Math.max(1, parallelism);
    long files = Math.addExact(rows, ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
    long waves = Math.max(1, Math.addExact(files, cores - 1) / cores);
    return (int) Math.min(Math.multiplyExact(waves, cores), MAX_PARTITIONS);
  }

  /**
   * Fails, giving the accepted range, unless {@code rows} is between 1 and {@link #MAX_ROWS}.
   *
   * @param rows the rows to generate
   */
  public static void checkRows(long rows) {
    if (rows <= 0 || rows > MAX_ROWS) {
      throw SparkJobErrors.rowsOutOfRange(rows, MAX_ROWS);
    }
  }

  /**
   * Fails, giving the accepted range, unless {@code firstRow} is between 0 and {@link #MAX_ROWS}.
   *
   * @param firstRow the first row index
   */
  public static void checkFirstRow(long firstRow) {
    if (firstRow < 0 || firstRow > MAX_ROWS) {
      throw SparkJobErrors.firstRowOutOfRange(firstRow, MAX_ROWS);
    }
  }

  /**
   * Fails, giving the largest accepted count, when {@code partitions} exceeds {@link
   * #MAX_PARTITIONS}.
   *
   * @param partitions the partition count
   */
  public static void checkPartitions(long partitions) {
    if (partitions > MAX_PARTITIONS) {
      throw SparkJobErrors.tooManyPartitions(partitions, MAX_PARTITIONS);
    }
  }

  /**
   * The seed: the same model, seed and rows give the same values.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The partition count; 0 lets synthlake choose.
   *
   * @return the partition count
   */
  public int partitions() {
    return partitions;
  }

  /**
   * The row index of the first generated row; 0 by default.
   *
   * @return the first row index
   */
  public long firstRow() {
    return firstRow;
  }

  /**
   * Whether the table sized in a set of related tables gets exactly its rows; false by default.
   *
   * @return whether the count is exact
   */
  public boolean exactRows() {
    return exactRows;
  }

  /**
   * The condition every generated row satisfies; null (the default) for none.
   *
   * @return the condition text, or null
   */
  public String where() {
    return where;
  }

  /**
   * The share of rows that become boundary rows; empty (the default) for none.
   *
   * @return the share, or empty
   */
  public OptionalDouble edgeCases() {
    return edgeCases.share() == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(edgeCases.share());
  }

  /**
   * The columns edge cases touch; empty for every column but keys.
   *
   * @return the column names
   */
  public List<String> edgeCaseColumns() {
    return edgeCases.columns();
  }

  /**
   * The columns edge cases never set to null.
   *
   * @return the column names
   */
  public List<String> edgeCaseNotNull() {
    return edgeCases.notNull();
  }
}
