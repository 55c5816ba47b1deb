package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of a set whose rows are histories, for evaluation: {@code entity} names whose history a
 * row is (its parent's key), {@code order} orders an entity's rows, and each {@link Floor} is a
 * rule the rows must keep (a running balance never below its floor). Evaluate reports the
 * histories' figures beside the holdout's (held-out entities): docs/evaluation.md, "Histories".
 *
 * @param table the table of the histories
 * @param entity its column naming the entity, or null for a single series (one history)
 * @param order its column ordering each entity's rows: a number, a date or a timestamp
 * @param floors rules "column ≥ floor" every row should keep
 */
public record SequenceSpec(String table, String entity, String order, List<Floor> floors) {
  public SequenceSpec {
    SynthlakeException.check(
        table != null && order != null && !order.equals(entity),
        "evaluate: a sequence needs a table, an order column and an entity column other than the "
            + "order, got %s.%s ordered by %s",
        table,
        entity,
        order);
    floors = List.copyOf(floors);
    for (Floor floor : floors) {
      SynthlakeException.check(
          !floor.column().equals(order) && !floor.column().equals(entity),
          "evaluate: sequence %s: the floor on '%s' names its %s column; a floor is for a value "
              + "column such as a balance",
          table,
          floor.column(),
          floor.column().equals(order) ? "order" : "entity");
    }
  }

  /**
   * The tables of histories {@code tables} describes (a fitted or spec set), each with its parent
   * key as the entity and every running balance's floor as a rule, in the set's table order.
   */
  public static List<SequenceSpec> of(TableSet tables) {
    List<SequenceSpec> specs = new ArrayList<>();
    for (TableSet.Table table : tables.tables()) {
      TableSet.Sequence sequence = table.sequence();
      boolean history = table.parentKey() != null && !table.parentKey().isComposite();
      if (sequence == null || !history && sequence.series() == null) {
        continue;
      }

      SequenceSpec spec =
          of(table.name(), history ? table.parentKey().column() : null, sequence.order());
      for (RunningBalance balance : sequence.balances()) {
        spec = spec.withFloor(balance.column(), balance.floor());
      }

      specs.add(spec);
    }

    return specs;
  }

  /** Whether the table is one series rather than histories of entities. */
  public boolean isSeries() {
    return entity == null;
  }

  /** A sequence without floor rules; {@code entity} null for a single series. */
  public static SequenceSpec of(String table, String entity, String order) {
    return new SequenceSpec(table, entity, order, List.of());
  }

  /** This sequence with one more rule: {@code column} ≥ {@code floor} in every row. */
  public SequenceSpec withFloor(String column, double floor) {
    List<Floor> more = new ArrayList<>(floors);
    more.add(new Floor(column, floor));
    return new SequenceSpec(table, entity, order, more);
  }

  /**
   * A rule every row should keep: {@code column} ≥ {@code floor} (a null value breaks it).
   *
   * @param column a numeric column of the table
   * @param floor the least value allowed
   */
  public record Floor(String column, double floor) {
    public Floor {
      SynthlakeException.check(
          column != null && !column.isEmpty(), "evaluate: a floor rule needs a column");
      SynthlakeException.check(
          Double.isFinite(floor),
          "evaluate: the floor of column '%s' must be a finite number, got %s",
          column,
          floor);
    }
  }
}
