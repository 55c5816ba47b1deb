package io.synthlake.core.generate;

import java.util.function.IntConsumer;

/**
 * Walks a block's rows with its ascending list of null rows: the one-value-at-a-time fallback of
 * the bulk puts.
 */
final class NullRows {
  private NullRows() {}

  /**
   * Calls {@code putNull} for rows {@code nullRows[0..nullCount)} and {@code put} for every other
   * row, in row order.
   */
  static void forEach(ColumnSink sink, int rows, int[] nullRows, int nullCount, IntConsumer put) {
    for (int r = 0, n = 0; r < rows; r++) {
      if (n < nullCount && nullRows[n] == r) {
        sink.putNull(r);
        n++;
      } else {
        put.accept(r);
      }
    }
  }
}
