package io.synthlake.core.generate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns of a table's ancestor rows written beside its own rows: each row gets the value of its
 * parent row (grandparent row, …), the row its foreign key points at, so that a spec's derived
 * column can read {@code customers.segment} in transactions. Nothing is joined: a root block's rows
 * of each ancestor are generated again by that table's own walker, exactly as its table gives them,
 * and copied by the child walker's parent rows ({@link TableSetSampler.Walker#ancestorRows}).
 * Memory stays that of the ancestors' rows in one root block. One per task; not thread-safe.
 */
public final class AncestorColumns {
  /** Output column {@code column} of table {@code table}, an ancestor of the table written. */
  public record Column(String table, String column) implements Serializable {
    /** The name it is carried under beside the table's own columns. */
    public String hiddenName() {
      return TableSet.HIDDEN_PREFIX + "ancestor:" + table + "." + column;
    }
  }

  /** One ancestor table: its walker, how far up it is, and its columns carried. */
  private static final class Ancestor {
    final int generations;
    final TableSetSampler.Walker walker;

    /** Per output column of the ancestor: where its values are held, or null if not carried. */
    final HeldColumn[] held;

    boolean ready;

    Ancestor(int generations, TableSetSampler.Walker walker, int width) {
      this.generations = generations;
      this.walker = walker;
      this.held = new HeldColumn[width];
    }
  }

  private final Ancestor[] byColumn;
  private final HeldColumn[] values;
  private final List<Ancestor> ancestors;
  private final int[] rowsUp = new int[TableSampler.BLOCK_ROWS];
  private long rootBlock;
  private long rootRows;
  private long[] rowsBefore;
  private long[] tableRows;

  /**
   * @param table the table written
   * @param columns the ancestors' columns to write beside it, in the order of the sinks
   */
  public AncestorColumns(TableSetSampler sampler, String table, List<Column> columns) {
    TableSet set = sampler.set();
    Map<String, Ancestor> byTable = new LinkedHashMap<>();
    this.byColumn = new Ancestor[columns.size()];
    this.values = new HeldColumn[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      int generations = generations(set, table, column.table());
      List<String> names = set.table(column.table()).columns();
      int index = names.indexOf(column.column());
      SynthlakeException.check(
          index >= 0,
          "table '%s' has no column '%s' to carry down to '%s'",
          column.table(),
          column.column(),
          table);
      Ancestor ancestor =
          byTable.computeIfAbsent(
              column.table(),
              name -> new Ancestor(generations, sampler.newWalker(name), names.size()));
      if (ancestor.held[index] == null) {
        ancestor.held[index] = new HeldColumn();
      }

      byColumn[i] = ancestor;
      values[i] = ancestor.held[index];
    }

    this.ancestors = new ArrayList<>(byTable.values());
  }

  /** How many tables up {@code ancestor} is from {@code table}; an error if it is not above it. */
  private static int generations(TableSet set, String table, String ancestor) {
    int generations = 0;
    for (String current = table; current != null; current = set.table(current).parent()) {
      if (current.equals(ancestor) && generations > 0) {
        return generations;
      }

      generations++;
    }

    throw SynthlakeException.of(
        "table '%s' is not a parent or further ancestor of '%s', so its columns cannot be carried "
            + "down to it",
        ancestor, table);
  }

  /**
   * Has the ancestors' further foreign keys pick among tables that grow with the root blocks, as
   * the table's own do ({@link TableSetSampler.Walker#pickAmongGrowingRows}).
   */
  public void pickAmongGrowingRows() {
    ancestors.forEach(ancestor -> ancestor.walker.pickAmongGrowingRows());
  }

  /** Moves to a root block, with what {@link TableSetSampler.Walker#start} takes. */
  public void start(long rootBlock, long rootRows, long[] rowsBefore, long[] tableRows) {
    this.rootBlock = rootBlock;
    this.rootRows = rootRows;
    this.rowsBefore = rowsBefore;
    this.tableRows = tableRows;
    ancestors.forEach(ancestor -> ancestor.ready = false);
  }

  /**
   * Writes the carried columns of rows {@code 4096·chunk} to {@code 4096·chunk + rows - 1} of the
   * current root block into {@code sinks} (one per column, null to skip it), {@code walker} being
   * the table's walker, started on the same root block.
   */
  public void write(TableSetSampler.Walker walker, int chunk, int rows, ColumnSink[] sinks) {
    for (Ancestor ancestor : ancestors) {
      boolean read = false;
      for (int i = 0; i < sinks.length; i++) {
        read |= sinks[i] != null && byColumn[i] == ancestor;
      }

      if (!read) {
        continue;
      }

      generate(ancestor);
      walker.ancestorRows(chunk, rows, ancestor.generations, rowsUp);
      for (int i = 0; i < sinks.length; i++) {
        if (sinks[i] != null && byColumn[i] == ancestor) {
          values[i].copy(rowsUp, rows, sinks[i]);
        }
      }
    }
  }

  /** The ancestor's rows in the current root block, once per block. */
  private void generate(Ancestor ancestor) {
    if (ancestor.ready) {
      return;
    }

    long blockRows = ancestor.walker.start(rootBlock, rootRows, rowsBefore, tableRows);
    int rows = Math.toIntExact(blockRows);
    for (HeldColumn column : ancestor.held) {
      if (column != null) {
        column.clear(rows);
      }
    }

    for (int chunk = 0, first = 0; first < rows; chunk++, first += TableSampler.BLOCK_ROWS) {
      for (HeldColumn column : ancestor.held) {
        if (column != null) {
          column.chunk(first);
        }
      }

      ancestor.walker.write(chunk, Math.min(TableSampler.BLOCK_ROWS, rows - first), ancestor.held);
    }

    ancestor.ready = true;
  }
}
