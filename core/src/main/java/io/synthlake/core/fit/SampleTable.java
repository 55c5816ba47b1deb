package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import java.util.List;

/** The rows the driver fits on, column by column. */
public final class SampleTable {
  private final List<SampleColumn> columns;
  private final int rows;

  private SampleTable(List<SampleColumn> columns, int rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  public static SampleTable of(List<SampleColumn> columns) {
    SynthlakeException.check(
        !columns.isEmpty(), "the input has no columns that synthlake can model");
    int rows = columns.get(0).size();
    for (SampleColumn column : columns) {
      if (column.size() != rows) {
        throw new IllegalArgumentException(
            "column '" + column.name() + "' has " + column.size() + " rows, expected " + rows);
      }
    }

    return new SampleTable(columns, rows);
  }

  public List<SampleColumn> columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }
}
