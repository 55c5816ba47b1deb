package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Months;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a sequence table's fit adds to a table's: its rows put in order within each parent (the
 * entity; one entity for a single series), the gap since the entity's previous row as a hidden
 * column of the table's model (in months when every date falls on one day of its month), the time
 * each entity starts as a hidden column of the parent's model. {@link SequenceDynamics} fits what
 * happens along each entity's rows.
 */
final class SequenceFitting {
  private SequenceFitting() {}

  /**
   * {@code kept} in sequence order: by parent row, then by the order column, ties in sample order.
   * Under {@link OrderPolicy#LENIENT} rows whose order value is null are left out and ties kept,
   * each with a warning; under {@link OrderPolicy#STRICT} either stops the fit.
   *
   * @param parentRows each kept row's parent row
   */
  static int[] ordered(
      String table,
      SampleColumn order,
      int[] kept,
      int[] parentRows,
      OrderPolicy policy,
      List<String> warnings) {
    Integer[] positions =
        IntStream.range(0, kept.length)
            .filter(i -> !order.isNull(kept[i]))
            .boxed()
            .toArray(Integer[]::new);
    int nulls = kept.length - positions.length;
    SynthlakeException.check(
        positions.length > 0,
        "table '%s': order column '%s' is null in every row; name a column that orders the rows",
        table,
        order.name());
    SynthlakeException.check(
        nulls == 0 || policy == OrderPolicy.LENIENT,
        "table '%s': order column '%s' is null in %d rows, which cannot be placed in their "
            + "history; fill them, or fit with the lenient order policy to leave them out",
        table,
        order.name(),
        nulls);
    if (nulls > 0) {
      warnings.add(
          String.format(
              "table '%s': %d rows have no '%s' and are left out of the sequence fit",
              table, nulls, order.name()));
    }

    Arrays.sort(
        positions,
        Comparator.<Integer>comparingInt(i -> parentRows[i])
            .thenComparingDouble(i -> order.number(kept[i]))
            .thenComparingInt(i -> i));
    int ties = 0;
    for (int p = 1; p < positions.length; p++) {
      int i = positions[p];
      int previous = positions[p - 1];
      ties +=
          parentRows[i] == parentRows[previous]
                  && order.number(kept[i]) == order.number(kept[previous])
              ? 1
              : 0;
    }

    SynthlakeException.check(
        ties == 0 || policy == OrderPolicy.LENIENT,
        "table '%s': %d rows repeat the '%s' of the row before them in their history, so the "
            + "order between them is unknown; add a column that breaks the ties to the order, or "
            + "fit with the lenient order policy to keep them at a gap of 0",
        table,
        ties,
        order.name());
    if (ties > 0) {
      warnings.add(
          String.format(
              "table '%s': %d rows repeat the '%s' of the row before them in their history; they "
                  + "are kept in the input's order at a gap of 0",
              table, ties, order.name()));
    }

    return Arrays.stream(positions).mapToInt(i -> kept[i]).toArray();
  }

  /**
   * The day of the month every row of a date order falls on, when there is one and the rows are at
   * least about a month apart (prices on the first of each month): its gaps then count months. 0
   * otherwise.
   */
  static int monthDay(SampleColumn order, int[] ordered, int[] parentRows) {
    if (order.type().logicalType() != LogicalType.DATE || ordered.length < 2) {
      return 0;
    }

    int day = Months.dayOfMonth(order.number(ordered[0]));
    double[] steps = new double[ordered.length];
    int count = 0;
    for (int r = 0; r < ordered.length; r++) {
      if (Months.dayOfMonth(order.number(ordered[r])) != day) {
        return 0;
      }

      if (r > 0 && parentRows[r] == parentRows[r - 1]) {
        steps[count++] = order.number(ordered[r]) - order.number(ordered[r - 1]);
      }
    }

    double[] sorted = Arrays.copyOf(steps, count);
    Arrays.sort(sorted);
    return count > 0 && sorted[count / 2] >= 28 ? day : 0;
  }

  /** The month index of each row's date: the order a monthly sequence counts its gaps in. */
  static SampleColumn months(SampleColumn order) {
    double[] months = new double[order.size()];
    boolean[] nulls = new boolean[order.size()];
    for (int r = 0; r < months.length; r++) {
      nulls[r] = order.isNull(r);
      months[r] = nulls[r] ? 0 : Months.index(order.number(r));
    }

    return SampleColumn.numbers(order.name(), DataType.of(LogicalType.LONG), months, nulls);
  }

  /**
   * The hidden gap column over the ordered rows: each row's order value less its entity's previous
   * row's. An entity's first row has no gap; it takes its entity's next gap, or for an entity of
   * one row the median gap, so the column's distribution is the gaps' own.
   */
  static SampleColumn gaps(SampleColumn order, int[] ordered, int[] parentRows) {
    int n = ordered.length;
    double[] gaps = new double[n];
    boolean[] first = new boolean[n];
    double[] known = new double[n];
    int knownCount = 0;
    for (int r = 0; r < n; r++) {
      first[r] = r == 0 || parentRows[r] != parentRows[r - 1];
      if (!first[r]) {
        gaps[r] = order.number(ordered[r]) - order.number(ordered[r - 1]);
        known[knownCount++] = gaps[r];
      }
    }

    double[] sorted = Arrays.copyOf(known, knownCount);
    Arrays.sort(sorted);
    double median = knownCount == 0 ? 0 : sorted[knownCount / 2];
    for (int r = 0; r < n; r++) {
      if (first[r]) {
        gaps[r] = r + 1 < n && !first[r + 1] ? gaps[r + 1] : median;
      }
    }

    return SampleColumn.numbers(TableSet.GAP_COLUMN, gapType(order.type()), gaps, new boolean[n]);
  }

  /** Gaps are whole numbers for dates (days), timestamps (microseconds) and integer orders. */
  private static DataType gapType(DataType order) {
    LogicalType type = order.logicalType();
    return DataType.of(
        type.isTemporal() || type.isIntegral() ? LogicalType.LONG : LogicalType.DOUBLE);
  }

  /**
   * The parent's hidden start column for sequence child {@code child}: each kept parent row's
   * earliest order value among its children; a parent without children takes the median start,
   * which nothing reads (it has no rows to start).
   *
   * @param childParents each child sample row's parent among the kept parent rows, or -1
   */
  static SampleColumn starts(
      String child, SampleColumn order, int[] childParents, int parents, DataType orderType) {
    double[] starts = new double[parents];
    boolean[] seen = new boolean[parents];
    for (int row = 0; row < childParents.length; row++) {
      int parent = childParents[row];
      if (parent >= 0 && !order.isNull(row)) {
        double value = order.number(row);
        starts[parent] = seen[parent] ? Math.min(starts[parent], value) : value;
        seen[parent] = true;
      }
    }

    double[] known =
        IntStream.range(0, parents).filter(p -> seen[p]).mapToDouble(p -> starts[p]).toArray();
    Arrays.sort(known);
    double median = known.length == 0 ? 0 : known[known.length / 2];
    for (int p = 0; p < parents; p++) {
      starts[p] = seen[p] ? starts[p] : median;
    }

    return SampleColumn.numbers(
        TableSet.startColumn(child), orderType, starts, new boolean[parents]);
  }
}
