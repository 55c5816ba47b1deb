package io.synthlake.core.generate;

import java.util.Arrays;

/**
 * One column of a table's rows in a root block, kept in the form each value arrived in, so that it
 * can be copied row by row onto other rows (a child's, by its parent row) exactly as written.
 * Strings offered as a dictionary are kept as references to it, not copied.
 */
final class HeldColumn implements ColumnSink {
  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;
  private static final byte BOOLEAN = 3;
  private static final byte UTF8 = 4;

  private byte[] forms = new byte[0];

  /** Longs as they are, doubles as their bits, booleans as 0 or 1. */
  private long[] numbers = new long[0];

  private byte[][] texts;
  private byte[][] dictionary;
  private int base;

  /** Makes room for {@code rows} rows, to be written chunk by chunk. */
  void clear(int rows) {
    if (forms.length < rows) {
      int size = Math.max(rows, forms.length * 2);
      forms = new byte[size];
      numbers = new long[size];
      texts = texts == null ? null : new byte[size][];
    }
  }

  /** The next chunk's row 0 is row {@code first}; a dictionary offered before holds no longer. */
  void chunk(int first) {
    base = first;
    dictionary = null;
  }

  /** Row r of {@code sink} gets the value of row {@code rows[r]}, for r below {@code count}. */
  void copy(int[] rows, int count, ColumnSink sink) {
    for (int r = 0; r < count; r++) {
      int row = rows[r];
      switch (forms[row]) {
        case LONG -> sink.putLong(r, numbers[row]);
        case DOUBLE -> sink.putDouble(r, Double.longBitsToDouble(numbers[row]));
        case BOOLEAN -> sink.putBoolean(r, numbers[row] != 0);
        case UTF8 -> sink.putUtf8(r, texts[row], 0, texts[row].length);
        default -> sink.putNull(r);
      }
    }
  }

  @Override
  public void putNull(int row) {
    forms[base + row] = NULL;
  }

  @Override
  public void putLong(int row, long value) {
    forms[base + row] = LONG;
    numbers[base + row] = value;
  }

  @Override
  public void putDouble(int row, double value) {
    forms[base + row] = DOUBLE;
    numbers[base + row] = Double.doubleToRawLongBits(value);
  }

  @Override
  public void putBoolean(int row, boolean value) {
    forms[base + row] = BOOLEAN;
    numbers[base + row] = value ? 1 : 0;
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    text(row, Arrays.copyOfRange(bytes, offset, offset + length));
  }

  @Override
  public boolean acceptsDictionary(byte[][] values) {
    dictionary = values;
    return true;
  }

  @Override
  public void putCode(int row, int code) {
    text(row, dictionary[code]);
  }

  private void text(int row, byte[] value) {
    if (texts == null) {
      texts = new byte[forms.length][];
    }

    forms[base + row] = UTF8;
    texts[base + row] = value;
  }
}
