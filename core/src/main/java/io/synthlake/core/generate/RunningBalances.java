package io.synthlake.core.generate;

import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a sequence table's running balances ({@link RunningBalance}) row by row along each
 * entity's rows: the columns a balance moves by are caught as the block writer emits them, declined
 * or clipped where they would take the balance below its floor, and only then written to their own
 * sinks, with the balance beside them. The balance before each row is carried from one chunk to the
 * next, so the chunks of a root block are written in order (skipped ones drawn too), as the
 * sequence's filter needs anyway. One per walker.
 */
final class RunningBalances {
  private final RunningBalance[] balances;

  /** Per balance, the model columns it adds and subtracts. */
  private final int[][] adds;

  private final int[][] subtracts;

  /** Per balance, its output column, or -1 when the table does not write it. */
  private final int[] outputs;

  /** Per model column, the sink that catches it when a balance moves by it, else null. */
  private final NumberSink[] caught;

  private final DataType[] types;

  /** Per model column, the resolution a clipped value is cut down to (0: none). */
  private final double[] resolution;

  /** Per model column, the sink the caught values go on to (null: not read). */
  private final ColumnSink[] onward;

  /** Per balance, the balance after the last row written. */
  private final double[] last;

  RunningBalances(TableSet.Table table) {
    TableModel model = table.model();
    List<RunningBalance> list = table.sequence().balances();
    this.balances = list.toArray(new RunningBalance[0]);
    this.adds = new int[balances.length][];
    this.subtracts = new int[balances.length][];
    this.outputs = new int[balances.length];
    this.last = new double[balances.length];
    int width = model.columns().size();
    this.caught = new NumberSink[width];
    this.types = new DataType[width];
    this.resolution = new double[width];
    this.onward = new ColumnSink[width];
    for (int b = 0; b < balances.length; b++) {
      adds[b] = indices(model, balances[b].add());
      subtracts[b] = indices(model, balances[b].subtract());
      outputs[b] = table.columns().indexOf(balances[b].column());
    }

    List<String> names = model.columnNames();
    for (int b = 0; b < balances.length; b++) {
      for (String move : balances[b].moves()) {
        int m = names.indexOf(move);
        NumericColumn column = (NumericColumn) model.column(move);
        caught[m] = new NumberSink();
        types[m] = column.type();
        resolution[m] = resolution(column);
      }
    }
  }

  /** The balances of {@code table}, or null when it has none. */
  static RunningBalances of(TableSet.Table table) {
    TableSet.Sequence sequence = table.sequence();
    return sequence == null || sequence.balances().isEmpty() ? null : new RunningBalances(table);
  }

  /** The columns of the parent's model that the balances of {@code child} start from. */
  static Set<String> startColumns(TableSet.Table child) {
    Set<String> columns = new LinkedHashSet<>();
    if (child.sequence() != null) {
      child.sequence().balances().forEach(balance -> columns.add(balance.start()));
    }

    return columns;
  }

  /** Whether output column {@code column} is a balance, which no model column or key writes. */
  static boolean isBalance(TableSet.Table table, String column) {
    return table.sequence() != null
        && table.sequence().balances().stream().anyMatch(b -> b.column().equals(column));
  }

  /**
   * Puts the catching sinks in place of the model sinks of the columns the balances move by,
   * remembering where their values go on to.
   */
  void catchMoves(ColumnSink[] modelSinks) {
    for (int m = 0; m < modelSinks.length; m++) {
      if (caught[m] != null) {
        onward[m] = modelSinks[m];
        modelSinks[m] = caught[m];
      }
    }
  }

  /**
   * Rows {@code first..first + rows - 1} of the level, just generated: their balances into the
   * output sinks {@code sinks}, and the caught columns, declined or clipped, into theirs.
   *
   * @param ordinals each row's position in its entity (0: the entity's first row)
   * @param starts per balance, each row's entity's opening balance (in number form)
   */
  void write(int first, int rows, int[] ordinals, double[][] starts, ColumnSink[] sinks) {
    for (int b = 0; b < balances.length; b++) {
      RunningBalance balance = balances[b];
      double floor = balance.floor();
      boolean decline = balance.whenBelow() == RunningBalance.WhenBelow.DECLINE;
      ColumnSink out = outputs[b] < 0 ? null : sinks[outputs[b]];
      for (int r = 0; r < rows; r++) {
        int row = first + r;
        double before = last[b];
        if (ordinals[row] == 0) {
          double start = starts[b][row];
          before = Double.isNaN(start) ? floor : Math.max(floor, start);
        }

        double added = 0;
        for (int m : adds[b]) {
          added += value(m, r);
        }

        double taken = 0;
        for (int m : subtracts[b]) {
          taken += value(m, r);
        }

        double after = roundTo(balance.type(), before + added - taken);
        if (after < floor) {
          double room = before + added - floor;
          taken = 0;
          for (int m : subtracts[b]) {
            double asked = value(m, r);
            double given = decline ? 0 : Math.min(asked, cut(m, room - taken));
            if (!Double.isNaN(caught[m].value(r))) {
              caught[m].putDouble(r, inEmittedForm(m, given));
            }

            taken += given;
          }

          after = Math.max(floor, roundTo(balance.type(), before + added - taken));
        }

        last[b] = after;
        if (out != null) {
          emit(out, r, balance.type(), after);
        }
      }
    }

    for (int m = 0; m < caught.length; m++) {
      if (caught[m] != null && onward[m] != null) {
        for (int r = 0; r < rows; r++) {
          double emitted = caught[m].value(r);
          if (Double.isNaN(emitted)) {
            onward[m].putNull(r);
          } else if (types[m].logicalType() == LogicalType.FLOAT
              || types[m].logicalType() == LogicalType.DOUBLE) {
            onward[m].putDouble(r, emitted);
          } else {
            onward[m].putLong(r, (long) emitted);
          }
        }
      }
    }
  }

  /** Column {@code m}'s value at row {@code r} in number form; a null counts as 0. */
  private double value(int m, int r) {
    double emitted = caught[m].value(r);
    if (Double.isNaN(emitted)) {
      return 0;
    }

    return types[m].logicalType() == LogicalType.DECIMAL
        ? emitted / Math.pow(10, types[m].scale())
        : emitted;
  }

  private double inEmittedForm(int m, double value) {
    return types[m].logicalType() == LogicalType.DECIMAL
        ? Math.round(value * Math.pow(10, types[m].scale()))
        : value;
  }

  /** {@code room} cut down to column {@code m}'s resolution, so that what is written fits. */
  private double cut(int m, double room) {
    if (room <= 0) {
      return 0;
    }

    double step = resolution[m];
    // A hair above the exact multiple still counts as it, since sums of cents are not exact.
    return step > 0 ? Math.floor(room / step + 1e-9) * step : room;
  }

  private static double resolution(NumericColumn column) {
    DataType type = column.type();
    if (type.logicalType() == LogicalType.DECIMAL) {
      return Math.pow(10, -type.scale());
    }

    if (type.logicalType().isIntegral()) {
      return 1;
    }

    if (column.format().step() > 0) {
      return column.format().step();
    }

    return column.format().decimals() >= 0 ? Math.pow(10, -column.format().decimals()) : 0;
  }

  /** A decimal balance is kept at its scale, so that its cents never drift. */
  private static double roundTo(DataType type, double value) {
    if (type.logicalType() == LogicalType.DECIMAL) {
      double scale = Math.pow(10, type.scale());
      return Math.rint(value * scale) / scale;
    }

    return type.logicalType().isIntegral() ? Math.rint(value) : value;
  }

  private static void emit(ColumnSink sink, int row, DataType type, double value) {
    switch (type.logicalType()) {
      case FLOAT, DOUBLE -> sink.putDouble(row, value);
      case DECIMAL -> sink.putLong(row, Math.round(value * Math.pow(10, type.scale())));
      default -> sink.putLong(row, (long) value);
    }
  }

  private static int[] indices(TableModel model, List<String> columns) {
    List<Integer> indices = new ArrayList<>();
    columns.forEach(column -> indices.add(model.columnNames().indexOf(column)));
    return indices.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A parent column's emitted value in number form. */
  static double numberForm(DataType type, double emitted) {
    return type.logicalType() == LogicalType.DECIMAL
        ? emitted / Math.pow(10, type.scale())
        : emitted;
  }
}
