package io.synthlake.core.generate;

import java.io.Serializable;

/**
 * Where a run asked for an exact row count of a child table stops that table: in root block {@code
 * rootBlock}, table {@code table} keeps only its first {@code rows} rows, and its descendants only
 * their rows under those. Every other table, and every other root block, keeps all its rows.
 *
 * @param table the table cut, never a root
 * @param rootBlock the last root block of its root
 * @param rows the table's rows kept in that block, at least 1
 */
public record TableCut(String table, long rootBlock, int rows) implements Serializable {
  private static final long serialVersionUID = 1L;
}
