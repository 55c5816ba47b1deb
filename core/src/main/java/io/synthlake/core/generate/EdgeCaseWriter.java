package io.synthlake.core.generate;

import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A block writer's edge-case state: each touched column's boundary values and reusable sink, and
 * the current block's row flags. Derived columns take no boundary value of their own: they are
 * computed from their inputs' boundary values (see {@link DerivedColumns}). A group's members pick
 * their boundary values together, from the group's boundary tuples, so an edge row never holds a
 * combination the model did not learn. Not thread-safe, like the writer that owns it.
 */
final class EdgeCaseWriter {
  /** Whole numbers beyond this lose digits as doubles, which derivations compute in. */
  private static final double EXACT_DOUBLES = 0x1.0p53;

  private final EdgeCases edgeCases;
  private final long salt;
  private final EdgeCaseSink[] sinks;
  private final ColumnSink[] wrapped;
  private final boolean[] flagged = new boolean[TableSampler.BLOCK_ROWS];
  private final DataType[] types;
  private final NumberProbe probe = new NumberProbe();

  /** Per model column, whether it never takes a null in an edge row. */
  private final boolean[] notNullColumns;

  private long firstRow;
  private boolean any;

  EdgeCaseWriter(EdgeCases edgeCases, TableModel model, long salt) {
    this.edgeCases = edgeCases;
    this.salt = salt;
    List<ColumnModel> columns = model.columns();
    this.sinks = new EdgeCaseSink[columns.size()];
    this.wrapped = new ColumnSink[columns.size()];
    this.types = new DataType[columns.size()];
    Set<String> notNull = notNull(model, edgeCases.notNull());
    this.notNullColumns = new boolean[columns.size()];
    Set<String> derived = new HashSet<>();
    for (Derivation derivation : model.derivations()) {
      derived.add(derivation.target());
    }

    for (int i = 0; i < columns.size(); i++) {
      ColumnModel column = columns.get(i);
      types[i] = column.type();
      notNullColumns[i] = notNull.contains(column.name());
      if (model.groupOf(i) < 0 && !derived.contains(column.name()) && edgeCases.touches(column)) {
        boolean nullable = !notNull.contains(column.name());
        sinks[i] = new EdgeCaseSink(EdgeValues.of(column, nullable, edgeCases.zone()), i, salt);
      }
    }

    for (int g = 0; g < model.groups().size(); g++) {
      group(model, g, notNull);
    }
  }

  /**
   * The columns that never take a null: those asked, and the inputs of a derived column among them,
   * since a null input makes the derived column null (followed up through chains).
   */
  private static Set<String> notNull(TableModel model, Set<String> asked) {
    Set<String> notNull = new HashSet<>(asked);
    List<Derivation> derivations = model.derivations();
    for (int d = derivations.size() - 1; d >= 0; d--) {
      if (notNull.contains(derivations.get(d).target())) {
        notNull.addAll(derivations.get(d).inputs());
      }
    }

    return notNull;
  }

  /** Wraps a touched group's members: all pick their value by the group's first member's hash. */
  private void group(TableModel model, int g, Set<String> notNull) {
    ColumnGroup group = model.groups().get(g);
    List<ColumnModel> members = new ArrayList<>();
    boolean touched = false;
    boolean nullable = true;
    for (String name : group.members()) {
      ColumnModel member = model.column(name);
      members.add(member);
      touched |= edgeCases.touches(member);
      nullable &= !notNull.contains(name);
    }

    if (!touched) {
      return;
    }

    EdgeValues.Value[][] values = EdgeValues.group(group, members, nullable);
    int shared = model.columnNames().indexOf(group.members().get(0));
    for (int m = 0; m < members.size(); m++) {
      sinks[model.columnNames().indexOf(group.members().get(m))] =
          new EdgeCaseSink(values[m], shared, salt);
    }
  }

  /**
   * The sinks for {@code rows} rows from global row {@code firstRow}: the given ones, or when the
   * block has an edge-case row, the touched columns' wrapped around them.
   */
  ColumnSink[] wrap(long first, int rows, ColumnSink[] given) {
    this.firstRow = first;
    boolean found = false;
    for (int r = 0; r < rows; r++) {
      flagged[r] = edgeCases.flagged(salt, first + r);
      found |= flagged[r];
    }

    this.any = found;
    if (!found) {
      return given;
    }

    for (int i = 0; i < given.length; i++) {
      wrapped[i] =
          given[i] == null || sinks[i] == null
              ? given[i]
              : sinks[i].reset(given[i], flagged, first);
    }

    return wrapped;
  }

  /**
   * Puts column {@code column}'s boundary values into the edge-case rows among the first {@code
   * rows} of the block last wrapped, as numbers in the column's model units (what {@link
   * DerivedColumns} computes with): {@code nulls[r]} is set for a null, and a whole number a double
   * cannot hold exactly becomes NaN, which a derivation turns into a null. Returns whether any row
   * changed.
   */
  boolean overlay(int column, int rows, double[] values, boolean[] nulls) {
    if (!any || sinks[column] == null) {
      return false;
    }

    for (int r = 0; r < rows; r++) {
      if (flagged[r]) {
        sinks[column].value(firstRow + r).put(probe, 0);
        nulls[r] = probe.isNull;
        values[r] = probe.isNull ? 0 : number(types[column], probe);
      }
    }

    return true;
  }

  /** Whether column {@code column} never takes a null in an edge row. */
  boolean notNull(int column) {
    return notNullColumns[column];
  }

  /** Whether row {@code row} of the block last wrapped is an edge case. */
  boolean flagged(int row) {
    return any && flagged[row];
  }

  private static double number(DataType type, NumberProbe probe) {
    switch (type.logicalType()) {
      case FLOAT:
      case DOUBLE:
        return probe.number;
      case DECIMAL:
        return Math.abs(probe.whole) > EXACT_DOUBLES
            ? Double.NaN
            : probe.whole / Math.pow(10, type.scale());
      default:
        return Math.abs((double) probe.whole) > EXACT_DOUBLES ? Double.NaN : probe.whole;
    }
  }

  /**
   * Whether {@code value}, computed for a derived column of {@code type} in an edge row, is a value
   * the type holds exactly: within its range and, for whole numbers, within a double's exact ones.
   */
  static boolean fits(DataType type, double value) {
    LogicalType logical = type.logicalType();
    if (logical == LogicalType.FLOAT || logical == LogicalType.DOUBLE) {
      return true;
    }

    if (logical == LogicalType.DECIMAL) {
      double limit = Math.pow(10, type.precision() - type.scale());
      return Math.abs(value) < limit
          && Math.abs(value * Math.pow(10, type.scale())) <= EXACT_DOUBLES;
    }

    return Math.abs(value) <= EXACT_DOUBLES
        && value >= logical.minValue()
        && value <= logical.maxValue();
  }

  /**
   * The value of {@code type} nearest {@code value}: what a derived column declared not-null holds
   * where its computed value does not fit (NaN: zero).
   */
  static double nearest(DataType type, double value) {
    if (Double.isNaN(value)) {
      return 0;
    }

    LogicalType logical = type.logicalType();
    double high = Math.min(EXACT_DOUBLES, logical.maxValue());
    double low = Math.max(-EXACT_DOUBLES, logical.minValue());
    if (logical == LogicalType.DECIMAL) {
      double step = Math.pow(10, -type.scale());
      high = Math.min(EXACT_DOUBLES * step, Math.pow(10, type.precision()) * step - step);
      low = -high;
    }

    return Math.max(low, Math.min(high, value));
  }

  /**
   * Writes the marker of global rows {@code firstRow} to {@code firstRow + rows - 1} as rows 0 on.
   */
  void mark(long first, int rows, ColumnSink marker) {
    for (int r = 0; r < rows; r++) {
      marker.putBoolean(r, edgeCases.flagged(salt, first + r));
    }
  }

  /** Catches the one value a boundary value writes. */
  private static final class NumberProbe implements ColumnSink {
    boolean isNull;
    long whole;
    double number;

    @Override
    public void putNull(int row) {
      isNull = true;
    }

    @Override
    public void putLong(int row, long value) {
      isNull = false;
      whole = value;
      number = value;
    }

    @Override
    public void putDouble(int row, double value) {
      isNull = false;
      number = value;
    }

    @Override
    public void putBoolean(int row, boolean value) {
      isNull = false;
      number = value ? 1 : 0;
    }

    @Override
    public void putUtf8(int row, byte[] bytes, int offset, int length) {
      throw new IllegalStateException("a derivation's input is a number column");
    }
  }
}
