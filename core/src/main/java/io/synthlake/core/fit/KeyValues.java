package io.synthlake.core.fit;

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
}
