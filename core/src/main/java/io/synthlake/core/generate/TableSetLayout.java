package io.synthlake.core.generate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each root block's rows fall in each table: the running sums of {@link
 * TableSetSampler#countBlock} over the root blocks, which give every table's global row numbers
 * (its key values) and sizes. Made once on the driver from a counting pass, then shared with the
 * tasks. Immutable.
 */
public final class TableSetLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Most rows of one root table: 2^22 root blocks, whose running row counts per table the driver
   * holds (about 34 MB per table).
   */
  public static final long MAX_ROOT_ROWS = (1L << 22) * TableSampler.BLOCK_ROWS;

  private final List<String> tables;
  private final Map<String, Long> rootRows;

  /**
   * rowsBefore.get(root)[block][table]: each table's rows in the root blocks before {@code block}.
   */
  private final Map<String, long[][]> rowsBefore;

  private final long[] tableRows;

  /** Where a run of an exact row count stops its table, or null. */
  private final TableCut cut;

  private TableSetLayout(
      List<String> tables,
      Map<String, Long> rootRows,
      Map<String, long[][]> rowsBefore,
      long[] tableRows,
      TableCut cut) {
    this.tables = tables;
    this.rootRows = rootRows;
    this.rowsBefore = rowsBefore;
    this.tableRows = tableRows;
    this.cut = cut;
  }

  /**
   * @param rootRows the rows of each root table
   * @param counts for each root, {@code counts[block][table]} as {@link TableSetSampler#countBlock}
   *     gave them
   */
  public static TableSetLayout of(
      TableSet set, Map<String, Long> rootRows, Map<String, long[][]> counts) {
    return of(set, rootRows, counts, null);
  }

  /**
   * Like {@link #of(TableSet, Map, Map)} for a run stopped at {@code cut} (null for none), whose
   * counts of the cut's block leave out the rows it drops.
   */
  public static TableSetLayout of(
      TableSet set, Map<String, Long> rootRows, Map<String, long[][]> counts, TableCut cut) {
    int size = set.tables().size();
    long[] totals = new long[size];
    Map<String, long[][]> before = new LinkedHashMap<>();
    for (TableSet.Table root : set.roots()) {
      long[][] blocks = counts.get(root.name());
      long[][] sums = new long[blocks.length][];
      long[] running = new long[size];
      for (int b = 0; b < blocks.length; b++) {
        sums[b] = running.clone();
        for (int t = 0; t < size; t++) {
          running[t] = Math.addExact(running[t], blocks[b][t]);
        }
      }

      for (int t = 0; t < size; t++) {
        totals[t] += running[t];
      }

      before.put(root.name(), sums);
    }

    return new TableSetLayout(set.names(), Map.copyOf(rootRows), before, totals, cut);
  }

  /**
   * Root rows of each root table when {@code table} is to have about {@code rows} rows: by the
   * fitted tables' sizes.
   */
  public static Map<String, Long> rootRows(TableSet set, String table, long rows) {
    SynthlakeException.check(rows > 0, "a table set needs a positive number of rows, got %d", rows);
    TableSet.Table asked = set.table(table);
    Map<String, Long> roots = new LinkedHashMap<>();
    for (TableSet.Table root : set.roots()) {
      double scale = (double) root.inputRows() / asked.inputRows();
      roots.put(root.name(), Math.max(1, Math.round(rows * scale)));
    }

    if (asked.parent() == null) {
      roots.put(table, rows);
    }

    for (Map.Entry<String, Long> root : roots.entrySet()) {
      SynthlakeException.check(
          root.getValue() <= MAX_ROOT_ROWS,
          "root table '%s' would get %d rows, more than the %d a table set generates (the driver "
              + "keeps a row count per block of %d root rows): ask for fewer rows",
          root.getKey(),
          root.getValue(),
          MAX_ROOT_ROWS,
          TableSampler.BLOCK_ROWS);
    }

    return roots;
  }

  public long rootRows(String root) {
    return rootRows.get(root);
  }

  /**
   * For each table, its rows in root {@code root}'s blocks before {@code block} (0 for tables of
   * other trees).
   */
  public long[] rowsBefore(String root, long block) {
    return rowsBefore.get(root)[Math.toIntExact(block)];
  }

  /** Each table's rows, in set order. */
  public long[] tableRows() {
    return tableRows.clone();
  }

  public long rows(String table) {
    return tableRows[tables.indexOf(table)];
  }

  /** Where a run of an exact row count stops its table; null when no table is cut. */
  public TableCut cut() {
    return cut;
  }

  @Override
  public String toString() {
    return "TableSetLayout" + Arrays.toString(tableRows);
  }
}
