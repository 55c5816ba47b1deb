package io.synthlake.core.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Key values of sample columns as join keys: strings as they are, numbers as doubles (ids within
 * 2⁵³ stay exact).
 */
final class KeyValues {
  private KeyValues() {}

  /** Row {@code row}'s value, or null when it is null. */
  static Object of(SampleColumn column, int row) {
    if (column.isNull(row)) {
      return null;
    }

    return column.isString() ? column.string(row) : (Object) column.number(row);
  }

  /**
   * Row {@code row}'s value of the key over {@code columns}: the one column's value, or for a
   * composite key the list of its columns' values (null when any is null).
   */
  static Object of(List<SampleColumn> columns, int row) {
    if (columns.size() == 1) {
      return of(columns.get(0), row);
    }

    List<Object> values = new ArrayList<>(columns.size());
    for (SampleColumn column : columns) {
      Object value = of(column, row);
      if (value == null) {
        return null;
      }

      values.add(value);
    }

    return values;
  }
}
