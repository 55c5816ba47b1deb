package io.synthlake.core.generate;

import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.TableModel;
import java.util.List;

/**
 * A block writer's edge-case state: each touched column's boundary values and reusable sink, and
 * the current block's row flags. Not thread-safe, like the writer that owns it.
 */
final class EdgeCaseWriter {
  private final EdgeCases edgeCases;
  private final long salt;
  private final EdgeCaseSink[] sinks;
  private final ColumnSink[] wrapped;
  private final boolean[] flagged = new boolean[TableSampler.BLOCK_ROWS];

  EdgeCaseWriter(EdgeCases edgeCases, TableModel model, long salt) {
    this.edgeCases = edgeCases;
    this.salt = salt;
    List<ColumnModel> columns = model.columns();
    this.sinks = new EdgeCaseSink[columns.size()];
    this.wrapped = new ColumnSink[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnModel column = columns.get(i);
      if (edgeCases.touches(column)) {
        boolean nullable = !edgeCases.notNull().contains(column.name());
        sinks[i] = new EdgeCaseSink(EdgeValues.of(column, nullable, edgeCases.zone()), i, salt);
      }
    }
  }

  /**
   * The sinks for {@code rows} rows from global row {@code firstRow}: the given ones, or when the
   * block has an edge-case row, the touched columns' wrapped around them.
   */
  ColumnSink[] wrap(long firstRow, int rows, ColumnSink[] given) {
    boolean any = false;
    for (int r = 0; r < rows; r++) {
      flagged[r] = edgeCases.flagged(salt, firstRow + r);
      any |= flagged[r];
    }

    if (!any) {
      return given;
    }

    for (int i = 0; i < given.length; i++) {
      wrapped[i] =
          given[i] == null || sinks[i] == null
              ? given[i]
              : sinks[i].reset(given[i], flagged, firstRow);
    }

    return wrapped;
  }

  /**
   * Writes the marker of global rows {@code firstRow} to {@code firstRow + rows - 1} as rows 0 on.
   */
  void mark(long firstRow, int rows, ColumnSink marker) {
    for (int r = 0; r < rows; r++) {
      marker.putBoolean(r, edgeCases.flagged(salt, firstRow + r));
    }
  }
}
