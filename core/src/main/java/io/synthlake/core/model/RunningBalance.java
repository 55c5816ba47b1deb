package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A value a sequence table's rows carry from one row to the next within their entity: an account's
 * balance. Row t's balance is the balance before it plus its {@code add} columns less its {@code
 * subtract} columns, and never falls below {@code floor}: a row that would take it lower is
 * declined (its subtracted columns are written as 0) or clipped (they are cut to what the balance
 * holds, the first listed first). The balance before an entity's first row is column {@code start}
 * of the parent's model (a column it writes, or a hidden one drawn for this balance alone), or the
 * floor when that is lower or null. A null added or subtracted value counts as 0. Immutable.
 */
public final class RunningBalance {
  /** What happens to a row whose subtracted columns would take the balance below the floor. */
  public enum WhenBelow {
    /** Its subtracted columns are written as 0: the purchase is declined. */
    DECLINE,
    /** Its subtracted columns are cut so that the balance ends at the floor. */
    CLIP;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The value of {@code text} ({@code decline} or {@code clip}), or null. */
    public static WhenBelow parse(String text) {
      for (WhenBelow value : values()) {
        if (value.jsonName().equals(text)) {
          return value;
        }
      }

      return null;
    }
  }

  /** Prefix of a parent's hidden column that draws a balance's start per entity. */
  public static final String START_PREFIX = "synthlake:balance-start:";

  private final String column;
  private final DataType type;
  private final String start;
  private final List<String> add;
  private final List<String> subtract;
  private final double floor;
  private final WhenBelow whenBelow;

  private RunningBalance(
      String column,
      DataType type,
      String start,
      List<String> add,
      List<String> subtract,
      double floor,
      WhenBelow whenBelow) {
    this.column = column;
    this.type = type;
    this.start = start;
    this.add = List.copyOf(add);
    this.subtract = List.copyOf(subtract);
    this.floor = floor;
    this.whenBelow = whenBelow;
  }

  /**
   * A balance written to output column {@code column} of type {@code type}.
   *
   * @param start the parent model's column holding each entity's opening balance
   * @param add the table's model columns added at each row
   * @param subtract the table's model columns subtracted at each row
   * @param floor the lowest balance allowed
   * @param whenBelow what a row that would go below the floor becomes
   */
  public static RunningBalance of(
      String column,
      DataType type,
      String start,
      List<String> add,
      List<String> subtract,
      double floor,
      WhenBelow whenBelow) {
    if (column == null || column.isEmpty()) {
      throw Errors.invalidModel("balances", "a balance needs a column name");
    }

    LogicalType logical = type == null ? null : type.logicalType();
    if (logical == null || !logical.isNumeric() || logical.isTemporal()) {
      throw Errors.invalidModel(
          "balances",
          "balance '%s' has type %s; a balance is a number: give it an integer, floating or "
              + "decimal type",
          column,
          type);
    }

    if (start == null || start.isEmpty()) {
      throw Errors.invalidModel(
          "balances",
          "balance '%s' needs a start: the parent's column of opening balances",
          column);
    }

    if (add.isEmpty() && subtract.isEmpty()) {
      throw Errors.invalidModel(
          "balances",
          "balance '%s' adds and subtracts nothing; name the columns it moves by",
          column);
    }

    Set<String> seen = new HashSet<>();
    List<String> moves = new ArrayList<>(add);
    moves.addAll(subtract);
    for (String move : moves) {
      if (move == null || move.equals(column) || !seen.add(move)) {
        throw Errors.invalidModel(
            "balances",
            "balance '%s' names column '%s' twice or moves by itself; each column is added or "
                + "subtracted once",
            column,
            move);
      }
    }

    if (!Double.isFinite(floor)
        || floor < logical.minValue()
        || floor > logical.maxValue()
        || logical == LogicalType.DECIMAL
            && Math.abs(floor) >= Math.pow(10, type.precision() - type.scale())) {
      throw Errors.invalidModel(
          "balances",
          "balance '%s' has floor %s, which its type %s cannot hold; give a finite floor in range",
          column,
          floor,
          type);
    }

    if (whenBelow == null) {
      throw Errors.invalidModel(
          "balances", "balance '%s' needs when-below: decline or clip", column);
    }

    return new RunningBalance(column, type, start, add, subtract, floor, whenBelow);
  }

  /** The hidden column of {@code table}'s parent that draws balance {@code column}'s start. */
  public static String startColumn(String table, String column) {
    return START_PREFIX + table + "." + column;
  }

  /**
   * Checks the balance against its table's model and its parent's: each added or subtracted column
   * a number that is never below 0, the start a number of the parent.
   */
  void check(String table, TableModel model, String parent, TableModel parentModel) {
    for (String move : moves()) {
      if (!isAmount(model, move)) {
        throw Errors.invalidModel(
            "balances",
            "table '%s': balance '%s' moves by column '%s', which is not a number column of its "
                + "model; add and subtract generated number columns",
            table,
            column,
            move);
      }

      double min = ((NumericColumn) model.column(move)).format().min();
      if (min < 0) {
        throw Errors.invalidModel(
            "balances",
            "table '%s': balance '%s' moves by column '%s', which can be negative (its min is "
                + "%s); give it a min of 0 or more, so that an addition never takes away",
            table,
            column,
            move,
            min);
      }
    }

    if (!isAmount(parentModel, start)) {
      throw Errors.invalidModel(
          "balances",
          "table '%s': balance '%s' starts at column '%s' of '%s', which is not a number column "
              + "of its model",
          table,
          column,
          start,
          parent);
    }
  }

  private static boolean isAmount(TableModel model, String name) {
    if (!model.columnNames().contains(name) || !(model.column(name) instanceof NumericColumn)) {
      return false;
    }

    return !model.column(name).type().logicalType().isTemporal();
  }

  /** The output column the balance is written to. */
  public String column() {
    return column;
  }

  public DataType type() {
    return type;
  }

  /** The parent model's column of opening balances. */
  public String start() {
    return start;
  }

  public List<String> add() {
    return add;
  }

  public List<String> subtract() {
    return subtract;
  }

  /** The added columns, then the subtracted ones. */
  public List<String> moves() {
    List<String> moves = new ArrayList<>(add);
    moves.addAll(subtract);
    return moves;
  }

  public double floor() {
    return floor;
  }

  public WhenBelow whenBelow() {
    return whenBelow;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RunningBalance that
        && column.equals(that.column)
        && type.equals(that.type)
        && start.equals(that.start)
        && add.equals(that.add)
        && subtract.equals(that.subtract)
        && Double.compare(floor, that.floor) == 0
        && whenBelow == that.whenBelow;
  }

  @Override
  public int hashCode() {
    return column.hashCode() * 31 + start.hashCode();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s = %s + %s - %s, floor %s, %s",
        column,
        start,
        add,
        subtract,
        floor,
        whenBelow.jsonName());
  }
}
