package io.synthlake.core.generate;

/**
 * Passes a column's generated values on, except in the block's edge-case rows, where it writes the
 * boundary value the row's hash picks instead. The generator's own value for such a row is drawn as
 * usual and dropped, so every other row and column keeps the values of a run without edge cases.
 * Reset for each block; only blocks with an edge-case row are wrapped.
 */
final class EdgeCaseSink implements ColumnSink {
  private final EdgeValues.Value[] values;
  private final int column;
  private final long salt;
  private ColumnSink sink;
  private boolean[] flagged;
  private long firstRow;

  EdgeCaseSink(EdgeValues.Value[] values, int column, long salt) {
    this.values = values;
    this.column = column;
    this.salt = salt;
  }

  /** Wraps {@code target} for a block whose row 0 is global row {@code first}. */
  EdgeCaseSink reset(ColumnSink target, boolean[] rowFlags, long first) {
    this.sink = target;
    this.flagged = rowFlags;
    this.firstRow = first;
    return this;
  }

  /** Writes row {@code row}'s boundary value. */
  private void edge(int row) {
    value(firstRow + row).put(sink, row);
  }

  /** The boundary value global row {@code row} takes when it is an edge case. */
  EdgeValues.Value value(long row) {
    return values[EdgeCases.choice(salt, row, column, values.length)];
  }

  @Override
  public void putNull(int row) {
    if (flagged[row]) {
      edge(row);
    } else {
      sink.putNull(row);
    }
  }

  @Override
  public void putLong(int row, long value) {
    if (flagged[row]) {
      edge(row);
    } else {
      sink.putLong(row, value);
    }
  }

  @Override
  public void putDouble(int row, double value) {
    if (flagged[row]) {
      edge(row);
    } else {
      sink.putDouble(row, value);
    }
  }

  @Override
  public void putBoolean(int row, boolean value) {
    if (flagged[row]) {
      edge(row);
    } else {
      sink.putBoolean(row, value);
    }
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    if (flagged[row]) {
      edge(row);
    } else {
      sink.putUtf8(row, bytes, offset, length);
    }
  }

  /** Boundary strings are not among a column's categories, so the block is written as bytes. */
  @Override
  public boolean acceptsDictionary(byte[][] dictionary) {
    return false;
  }
}
