package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a sequence table's fit adds to a child table's: its rows put in order within each parent
 * (the entity), the gap since the entity's previous row as a hidden column of the table's model,
 * the time each entity starts as a hidden column of the parent's model, and an autoregressive
 * process per copula column, fitted on the normal scores along each entity's rows.
 */
final class SequenceFitting {
  /** The longest lag considered: a week and a day of daily rows, two days of hourly ones. */
  static final int MAX_LAG = 8;

  private SequenceFitting() {}

  /**
   * {@code kept} in sequence order: by parent row, then by the order column, ties in sample order;
   * rows whose order value is null are left out.
   *
   * @param parentRows each kept row's parent row
   */
  static int[] ordered(
      String table, SampleColumn order, int[] kept, int[] parentRows, List<String> warnings) {
    Integer[] positions =
        IntStream.range(0, kept.length)
            .filter(i -> !order.isNull(kept[i]))
            .boxed()
            .toArray(Integer[]::new);
    if (positions.length < kept.length) {
      warnings.add(
          String.format(
              "table '%s': %d rows have no '%s' and are left out of the sequence fit",
              table, kept.length - positions.length, order.name()));
    }

    SynthlakeException.check(
        positions.length > 0,
        "table '%s': order column '%s' is null in every row; name a column that orders the rows",
        table,
        order.name());
    Arrays.sort(
        positions,
        Comparator.<Integer>comparingInt(i -> parentRows[i])
            .thenComparingDouble(i -> order.number(kept[i]))
            .thenComparingInt(i -> i));
    return Arrays.stream(positions).mapToInt(i -> kept[i]).toArray();
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

  /**
   * Each copula column's process along the entities' rows: sample autocorrelations of its normal
   * scores at lags 1 to {@link #MAX_LAG}, pooled over entities, and the order the Bayesian
   * information criterion picks. Columns whose chosen order is 0 get none.
   *
   * @param scores the fitted rows' normal scores, {@code [copula column][row]}, rows in sequence
   *     order
   * @param parentRows each row's entity
   */
  static Map<String, AutoRegression> processes(
      TableModel model, double[][] scores, int[] parentRows) {
    Map<String, AutoRegression> processes = new LinkedHashMap<>();
    List<String> names = model.columnNames();
    for (int i = 0; i < names.size(); i++) {
      int j = model.copulaIndex(i);
      if (j < 0) {
        continue;
      }

      double[] z = scores[j];
      double squares = 0;
      for (double value : z) {
        squares += value * value;
      }

      double[] rho = new double[MAX_LAG];
      long pairs = 0;
      for (int lag = 1; lag <= MAX_LAG; lag++) {
        double sum = 0;
        for (int r = lag; r < z.length; r++) {
          if (parentRows[r] == parentRows[r - lag]) {
            sum += z[r] * z[r - lag];
            pairs += lag == 1 ? 1 : 0;
          }
        }

        rho[lag - 1] = squares > 0 ? sum / squares : 0;
      }

      AutoRegression process = AutoRegression.fit(rho, MAX_LAG, pairs);
      if (process.order() > 0) {
        processes.put(names.get(i), process);
      }
    }

    return processes;
  }
}
