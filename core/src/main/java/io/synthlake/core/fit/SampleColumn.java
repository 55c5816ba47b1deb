package io.synthlake.core.fit;

import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;

/**
 * One column of the sample the driver fits on: numbers (booleans as 0/1, dates as epoch days,
 * timestamps as epoch microseconds, decimals as doubles) with a null mask, or strings with null for
 * null.
 */
public final class SampleColumn {
  private final String name;
  private final DataType type;
  private final double[] numbers;
  private final boolean[] nulls;
  private final String[] strings;
  private final KeyBounds bounds;

  private SampleColumn(
      String name,
      DataType type,
      double[] numbers,
      boolean[] nulls,
      String[] strings,
      KeyBounds bounds) {
    this.name = name;
    this.type = type;
    this.numbers = numbers;
    this.nulls = nulls;
    this.strings = strings;
    this.bounds = bounds;
  }

  /**
   * A numeric, boolean or temporal column; {@code nulls[i]} marks row i as null (its number is
   * ignored).
   */
  public static SampleColumn numbers(
      String name, DataType type, double[] numbers, boolean[] nulls) {
    if (type.logicalType() == LogicalType.STRING || numbers.length != nulls.length) {
      throw new IllegalArgumentException(
          "column '" + name + "': numbers need a non-string type and a null mask of equal length");
    }

    return new SampleColumn(name, type, numbers, nulls, null, null);
  }

  /** A string column; null entries are nulls. */
  public static SampleColumn strings(String name, String[] strings) {
    return new SampleColumn(name, DataType.of(LogicalType.STRING), null, null, strings, null);
  }

  /** The same column, with statistics of the whole input that key generation must stay clear of. */
  public SampleColumn withKeyBounds(KeyBounds fullInput) {
    return new SampleColumn(name, type, numbers, nulls, strings, fullInput);
  }

  /** Whole-input statistics, or null when only the sample is known. */
  public KeyBounds keyBounds() {
    return bounds;
  }

  public String name() {
    return name;
  }

  public DataType type() {
    return type;
  }

  public boolean isString() {
    return strings != null;
  }

  public int size() {
    return strings != null ? strings.length : numbers.length;
  }

  public boolean isNull(int row) {
    return strings != null ? strings[row] == null : nulls[row];
  }

  public double number(int row) {
    return numbers[row];
  }

  public String string(int row) {
    return strings[row];
  }
}
