package io.synthlake.core.fit;

import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds a history's running balances: a number column whose change from an entity's row to the next
 * is, in at least {@link #MIN_SHARE} of the pairs, one of its other columns (a deposit) or minus
 * one (a purchase), or one less another. The balance is then written from its opening value and
 * those columns rather than drawn, so that {@code balance_t = balance_{t-1} + deposit_t - amount_t}
 * holds in every generated row and the balance never goes below the lowest the data reach (a
 * purchase that would take it lower is cut to what is left). The columns it moves by must never be
 * negative or null in the sample, and must move it in at least {@link #MIN_MOVING} of the pairs, so
 * that a constant column and a column of zeros are not taken for a balance and its moves. A pure
 * function of the table's sample, so the parent's fit (which draws the opening balances) and the
 * table's own find the same balances.
 */
final class BalanceFitting {
  /** The least share of an entity's consecutive pairs whose change the moves must explain. */
  static final double MIN_SHARE = 0.99;

  /** The least share of pairs in which the moves are not all zero. */
  static final double MIN_MOVING = 0.1;

  /** The fewest consecutive pairs a balance is found on. */
  static final int MIN_PAIRS = 20;

  private BalanceFitting() {}

  /**
   * A balance found: column {@code column} moves by {@code add} less {@code subtract}; the lowest
   * value it takes in the sample is {@code floor}.
   */
  record Found(
      String column, DataType type, List<String> add, List<String> subtract, double floor) {
    RunningBalance balance(String table) {
      return RunningBalance.of(
          column,
          type,
          RunningBalance.startColumn(table, column),
          add,
          subtract,
          floor,
          RunningBalance.WhenBelow.CLIP);
    }
  }

  /**
   * The balances of a history table's sample.
   *
   * @param order the order column
   * @param entity each sample row's entity (a parent row), or -1 for a row left out
   * @param excluded columns that are neither balances nor moves (keys, the order)
   */
  static List<Found> find(
      SampleTable sample, SampleColumn order, int[] entity, Set<String> excluded) {
    int[] rows = ordered(order, entity);
    List<SampleColumn> numbers = new ArrayList<>();
    for (SampleColumn column : sample.columns()) {
      LogicalType type = column.type().logicalType();
      if (!column.isString()
          && type.isNumeric()
          && !type.isTemporal()
          && !excluded.contains(column.name())
          && !TableSet.isHidden(column.name())) {
        numbers.add(column);
      }
    }

    List<SampleColumn> amounts = numbers.stream().filter(c -> isAmount(c, rows)).toList();
    List<Found> found = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (SampleColumn balance : numbers) {
      if (taken.contains(balance.name())) {
        continue;
      }

      Found match = match(balance, amounts, rows, entity, taken);
      if (match != null) {
        found.add(match);
        taken.add(match.column());
        taken.addAll(match.add());
        taken.addAll(match.subtract());
      }
    }

    return found;
  }

  /** The opening balance of each entity: its first row's balance less that row's moves. */
  static double[] openings(
      SampleTable sample, Found found, SampleColumn order, int[] entity, int entities) {
    double[] openings = new double[entities];
    boolean[] seen = new boolean[entities];
    for (int row : ordered(order, entity)) {
      int e = entity[row];
      if (!seen[e]) {
        seen[e] = true;
        openings[e] = value(sample, found.column(), row) - move(sample, found, row);
      }
    }

    double[] known =
        IntStream.range(0, entities).filter(e -> seen[e]).mapToDouble(e -> openings[e]).toArray();
    Arrays.sort(known);
    double median = known.length == 0 ? 0 : known[known.length / 2];
    for (int e = 0; e < entities; e++) {
      openings[e] = seen[e] ? openings[e] : median;
    }

    return openings;
  }

  private static double move(SampleTable sample, Found found, int row) {
    double move = 0;
    for (String add : found.add()) {
      move += value(sample, add, row);
    }

    for (String subtract : found.subtract()) {
      move -= value(sample, subtract, row);
    }

    return move;
  }

  private static double value(SampleTable sample, String column, int row) {
    for (SampleColumn each : sample.columns()) {
      if (each.name().equals(column)) {
        return each.isNull(row) ? 0 : each.number(row);
      }
    }

    throw new IllegalArgumentException(column);
  }

  /** The rows with an entity and an order value, by entity then order. */
  private static int[] ordered(SampleColumn order, int[] entity) {
    return IntStream.range(0, entity.length)
        .filter(r -> entity[r] >= 0 && !order.isNull(r))
        .boxed()
        .sorted(
            Comparator.<Integer>comparingInt(r -> entity[r])
                .thenComparingDouble(order::number)
                .thenComparingInt(r -> r))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static boolean isAmount(SampleColumn column, int[] rows) {
    for (int row : rows) {
      if (column.isNull(row) || column.number(row) < 0) {
        return false;
      }
    }

    return rows.length > 0;
  }

  /** The first of +A, -A, then +A -B that explains the balance's changes, or null. */
  private static Found match(
      SampleColumn balance,
      List<SampleColumn> amounts,
      int[] rows,
      int[] entity,
      Set<String> taken) {
    List<SampleColumn> moves =
        amounts.stream()
            .filter(a -> !a.name().equals(balance.name()) && !taken.contains(a.name()))
            .toList();
    for (SampleColumn a : moves) {
      for (int sign : new int[] {1, -1}) {
        if (explains(balance, sign > 0 ? a : null, sign < 0 ? a : null, rows, entity)) {
          return found(balance, sign > 0 ? a : null, sign < 0 ? a : null, rows);
        }
      }
    }

    for (SampleColumn a : moves) {
      for (SampleColumn b : moves) {
        if (a != b && explains(balance, a, b, rows, entity)) {
          return found(balance, a, b, rows);
        }
      }
    }

    return null;
  }

  private static Found found(
      SampleColumn balance, SampleColumn add, SampleColumn subtract, int[] rows) {
    double floor = Double.POSITIVE_INFINITY;
    for (int row : rows) {
      floor = Math.min(floor, balance.number(row));
    }

    return new Found(
        balance.name(),
        balance.type(),
        add == null ? List.of() : List.of(add.name()),
        subtract == null ? List.of() : List.of(subtract.name()),
        floor);
  }

  private static boolean explains(
      SampleColumn balance, SampleColumn add, SampleColumn subtract, int[] rows, int[] entity) {
    int pairs = 0;
    int held = 0;
    int moving = 0;
    for (int i = 1; i < rows.length; i++) {
      int row = rows[i];
      int previous = rows[i - 1];
      if (entity[row] != entity[previous]) {
        continue;
      }

      pairs++;
      if (balance.isNull(row) || balance.isNull(previous)) {
        continue;
      }

      double move =
          (add == null ? 0 : add.number(row)) - (subtract == null ? 0 : subtract.number(row));
      double change = balance.number(row) - balance.number(previous);
      double scale = Math.max(1, Math.max(Math.abs(balance.number(row)), Math.abs(move)));
      held += Math.abs(change - move) <= 1e-6 * scale ? 1 : 0;
      moving += move != 0 ? 1 : 0;
    }

    return pairs >= MIN_PAIRS && held >= MIN_SHARE * pairs && moving >= MIN_MOVING * pairs;
  }
}
