package io.synthlake.core.math;

/**
 * A seeded order of the rows of a table that grows, in which every row keeps its place: the rows
 * [0, n) are ranked among {@link #span(long) span(n)} ranks, rank r standing for the share [r /
 * span, (r + 1) / span) of the table's rows from the most popular, and row i holds the same part of
 * [0, 1) at every size, halved each time the span doubles (its place is i's bits reversed, then
 * flipped by the seed's bits: a scrambled van der Corput order). So a draw of a popularity rank
 * among the rows so far lands on the rows that a draw among more rows makes popular too, and the
 * rows that arrive later fill the places between the earlier ones. A rank whose row is not there
 * yet (n below the span) falls to its neighbour in rank, the row of the same place one doubling
 * back. Stateless and the same on every executor.
 */
public final class NestedOrder {
  private final long flips;

  private NestedOrder(long flips) {
    this.flips = flips;
  }

  /** The order that {@code seed} chooses. */
  public static NestedOrder of(long seed) {
    return new NestedOrder(Seeds.mix(seed));
  }

  /** The ranks a draw among {@code rows} rows takes: the least power of two at least rows. */
  public static long span(long rows) {
    if (rows <= 0 || rows > 1L << 62) {
      throw new IllegalArgumentException("an order needs 1 to 2^62 rows, got " + rows);
    }

    return rows == 1 ? 1 : Long.highestOneBit(rows - 1) << 1;
  }

  /**
   * The row of rank {@code rank} (in [0, {@link #span(long) span(rows)})) among the rows [0, rows).
   */
  public long row(long rank, long rows) {
    long span = span(rows);
    int bits = Long.numberOfTrailingZeros(span);
    if (bits == 0) {
      return 0;
    }

    long row = Long.reverse(rank ^ (flips >>> (64 - bits))) >>> (64 - bits);
    return row < rows ? row : row - span / 2;
  }
}
