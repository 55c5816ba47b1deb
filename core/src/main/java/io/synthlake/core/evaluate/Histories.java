package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One side's sampled histories: for each sampled entity, its rows in order, as their order values
 * and the values of the compared columns (a Double for a numeric column, a String for a categorical
 * one, null for null). Rows are added grouped by entity and in order within it, as the Spark job
 * sorts them; the builder checks the order, since every figure reads consecutive rows. Immutable
 * once built.
 */
public final class Histories {
  private final int columns;
  private final List<double[]> orders;
  private final List<Object[][]> values;
  private final long rows;

  private Histories(int columns, List<double[]> orders, List<Object[][]> values, long rows) {
    this.columns = columns;
    this.orders = List.copyOf(orders);
    this.values = List.copyOf(values);
    this.rows = rows;
  }

  /** An empty builder for histories of {@code columns} compared columns. */
  public static Builder builder(int columns) {
    return new Builder(columns);
  }

  /** The number of compared columns. */
  public int columns() {
    return columns;
  }

  /** Sampled entities. */
  public int entities() {
    return orders.size();
  }

  /** Sampled rows, over every entity. */
  public long rows() {
    return rows;
  }

  /** The order values of entity {@code e}'s rows, ascending. */
  double[] order(int e) {
    return orders.get(e);
  }

  /** The values of column {@code c} along entity {@code e}'s rows. */
  Object[] values(int e, int c) {
    return values.get(e)[c];
  }

  /** Collects rows grouped by entity, in order within each. */
  public static final class Builder {
    private final int columns;
    private final List<double[]> orders = new ArrayList<>();
    private final List<Object[][]> values = new ArrayList<>();
    private Object entity;
    private boolean started;
    private double[] order = new double[16];
    private Object[][] current;
    private int length;
    private long rows;

    private Builder(int columns) {
      SynthlakeException.check(columns >= 0, "evaluate: histories need a column count >= 0");
      this.columns = columns;
      this.current = new Object[columns][16];
    }

    /**
     * Adds one row of entity {@code entityKey}: its order value (not NaN) and its compared values.
     * A row of another entity than the previous row's starts a new history.
     */
    public Builder add(Object entityKey, double orderValue, Object[] rowValues) {
      SynthlakeException.check(
          rowValues.length == columns,
          "evaluate: a history row has %d values, expected %d",
          rowValues.length,
          columns);
      SynthlakeException.check(
          !Double.isNaN(orderValue), "evaluate: a history row's order value is NaN");
      if (!started || !Objects.equals(entity, entityKey)) {
        finish();
        started = true;
        entity = entityKey;
      } else {
        SynthlakeException.check(
            orderValue >= order[length - 1],
            "evaluate: the rows of entity %s are not in order (%s after %s); sort them by the "
                + "order column",
            entityKey,
            orderValue,
            order[length - 1]);
      }

      if (length == order.length) {
        order = Arrays.copyOf(order, 2 * length);
        for (int c = 0; c < columns; c++) {
          current[c] = Arrays.copyOf(current[c], 2 * length);
        }
      }

      order[length] = orderValue;
      for (int c = 0; c < columns; c++) {
        current[c][length] = rowValues[c];
      }

      length++;
      rows++;
      return this;
    }

    private void finish() {
      if (length == 0) {
        return;
      }

      orders.add(Arrays.copyOf(order, length));
      Object[][] history = new Object[columns][];
      for (int c = 0; c < columns; c++) {
        history[c] = Arrays.copyOf(current[c], length);
      }

      values.add(history);
      length = 0;
    }

    public Histories build() {
      finish();
      started = false;
      return new Histories(columns, orders, values, rows);
    }
  }
}
