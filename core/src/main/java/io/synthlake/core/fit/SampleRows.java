package io.synthlake.core.fit;

/** Row subsets of sample columns. */
final class SampleRows {
  private SampleRows() {}

  /**
   * The rows {@code rows} of {@code column}, in that order, with the column's whole-input key
   * bounds.
   */
  static SampleColumn select(SampleColumn column, int[] rows) {
    if (isIdentity(rows, column.size())) {
      return column;
    }

    SampleColumn selected;
    if (column.isString()) {
      String[] strings = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        strings[i] = column.string(rows[i]);
      }

      selected = SampleColumn.strings(column.name(), strings);
    } else {
      double[] numbers = new double[rows.length];
      boolean[] nulls = new boolean[rows.length];
      for (int i = 0; i < rows.length; i++) {
        nulls[i] = column.isNull(rows[i]);
        numbers[i] = nulls[i] ? 0 : column.number(rows[i]);
      }

      selected = SampleColumn.numbers(column.name(), column.type(), numbers, nulls);
    }

    return column.keyBounds() == null ? selected : selected.withKeyBounds(column.keyBounds());
  }

  /** Whether {@code rows} are every row in order (a sequence's rows are all kept but reordered). */
  private static boolean isIdentity(int[] rows, int size) {
    if (rows.length != size) {
      return false;
    }

    for (int i = 0; i < rows.length; i++) {
      if (rows[i] != i) {
        return false;
      }
    }

    return true;
  }
}
