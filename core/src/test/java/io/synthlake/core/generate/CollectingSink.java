package io.synthlake.core.generate;

import java.nio.charset.StandardCharsets;

/**
 * A {@link ColumnSink} that keeps every value of one column across blocks, with the form it arrived
 * in, so that tests can check both values and storage forms (a decimal column must emit unscaled
 * longs, not doubles).
 */
public final class CollectingSink implements ColumnSink {
  /** How a row's value was written; {@code MISSING} when it was never written. */
  public enum Form {
    MISSING,
    NULL,
    LONG,
    DOUBLE,
    BOOLEAN,
    UTF8
  }

  private final Form[] forms;
  private final long[] longs;
  private final double[] doubles;
  private final boolean[] booleans;
  private final String[] strings;
  private final boolean takesDictionary;
  private byte[][] dictionary;
  private int offset;

  public CollectingSink(int rows) {
    this(rows, false);
  }

  /**
   * @param takesDictionary whether to accept string columns' fixed values as a dictionary, as
   *     Spark's vectors do
   */
  public CollectingSink(int rows, boolean takesDictionary) {
    this.takesDictionary = takesDictionary;
    this.forms = new Form[rows];
    java.util.Arrays.fill(forms, Form.MISSING);
    this.longs = new long[rows];
    this.doubles = new double[rows];
    this.booleans = new boolean[rows];
    this.strings = new String[rows];
  }

  /** Global index of row 0 of the block being written. */
  public void offset(int value) {
    this.offset = value;
  }

  private int slot(int row, Form form) {
    int index = offset + row;
    if (forms[index] != Form.MISSING) {
      throw new AssertionError("row " + index + " written twice");
    }

    forms[index] = form;
    return index;
  }

  @Override
  public void putNull(int row) {
    slot(row, Form.NULL);
  }

  @Override
  public void putLong(int row, long value) {
    longs[slot(row, Form.LONG)] = value;
  }

  @Override
  public void putDouble(int row, double value) {
    doubles[slot(row, Form.DOUBLE)] = value;
  }

  @Override
  public void putBoolean(int row, boolean value) {
    booleans[slot(row, Form.BOOLEAN)] = value;
  }

  @Override
  public boolean acceptsDictionary(byte[][] values) {
    dictionary = takesDictionary ? values : null;
    return takesDictionary;
  }

  @Override
  public void putCode(int row, int code) {
    if (dictionary == null) {
      throw new AssertionError("a code was written to a sink that accepted no dictionary");
    }

    strings[slot(row, Form.UTF8)] = new String(dictionary[code], StandardCharsets.UTF_8);
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    strings[slot(row, Form.UTF8)] = new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  public int size() {
    return forms.length;
  }

  public Form form(int row) {
    return forms[row];
  }

  public boolean isNull(int row) {
    return forms[row] == Form.NULL;
  }

  public long longValue(int row) {
    expect(row, Form.LONG);
    return longs[row];
  }

  public double doubleValue(int row) {
    expect(row, Form.DOUBLE);
    return doubles[row];
  }

  public boolean booleanValue(int row) {
    expect(row, Form.BOOLEAN);
    return booleans[row];
  }

  public String string(int row) {
    expect(row, Form.UTF8);
    return strings[row];
  }

  /** A long or double value as a double (null rows are an error). */
  public double number(int row) {
    switch (forms[row]) {
      case LONG:
        return longs[row];
      case DOUBLE:
        return doubles[row];
      case BOOLEAN:
        return booleans[row] ? 1 : 0;
      default:
        throw new AssertionError("row " + row + " is " + forms[row] + ", not a number");
    }
  }

  /** The value as an object (Long, Double, Boolean, String or null), for exact comparisons. */
  public Object value(int row) {
    switch (forms[row]) {
      case LONG:
        return longs[row];
      case DOUBLE:
        return doubles[row];
      case BOOLEAN:
        return booleans[row];
      case UTF8:
        return strings[row];
      case NULL:
        return null;
      default:
        throw new AssertionError("row " + row + " was never written");
    }
  }

  /** Every non-null value as a double. */
  public double[] numbers() {
    return java.util.stream.IntStream.range(0, size())
        .filter(r -> !isNull(r))
        .mapToDouble(this::number)
        .toArray();
  }

  private void expect(int row, Form form) {
    if (forms[row] != form) {
      throw new AssertionError(
          "row " + row + " was written as " + forms[row] + ", expected " + form);
    }
  }
}
