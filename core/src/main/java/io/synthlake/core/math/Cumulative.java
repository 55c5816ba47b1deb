package io.synthlake.core.math;

/**
 * Inversion of a discrete distribution given by cumulative probabilities (last entry +∞), the inner
 * step of every discrete draw. A compiled instance keeps a guide table (Chen and Asau, 1974): for
 * each of n slices of [0, 1], the first outcome any draw in the slice can give, and how many
 * interval ends at most lie past it inside the slice. A draw then takes that many steps, each
 * adding one when the interval ends at or below it, with no branch on the data: with a random draw
 * those branches would be mispredicted about half the time. It returns exactly what the binary
 * search would.
 */
public final class Cumulative {
  /**
   * Steps above which a draw walks with a loop instead; the table grows (up to 16 slices an outcome
   * and 65,536 in all) to avoid it.
   */
  private static final int MAX_STEPS = 4;

  private static final int MAX_SLICES_PER_OUTCOME = 16;
  private static final int MAX_SLICES = 1 << 16;

  private final double[] cumulative;
  private final int[] guide;

  /**
   * Steps every draw takes past its slice's guide entry, or -1 to walk while the interval ends at
   * or below u.
   */
  private final int steps;

  private Cumulative(double[] cumulative) {
    this.cumulative = cumulative;
    // A power of two, so that u * slices is exact and slice b holds exactly [b / slices, (b + 1) /
    // slices).
    int slices = Integer.highestOneBit(cumulative.length - 1 | 1) << 1;
    int[] table = guide(cumulative, slices);
    int most = mostSteps(cumulative, table);
    long limit = Math.min(MAX_SLICES, (long) cumulative.length * MAX_SLICES_PER_OUTCOME);
    while (most > MAX_STEPS && slices * 4L <= limit) {
      slices *= 4;
      table = guide(cumulative, slices);
      most = mostSteps(cumulative, table);
    }

    this.guide = table;
    this.steps = most <= MAX_STEPS ? most : -1;
  }

  /**
   * @param cumulative nondecreasing, ending in +∞; not copied, so the caller must not change it
   */
  public static Cumulative of(double[] cumulative) {
    if (cumulative.length == 0 || cumulative[cumulative.length - 1] != Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("cumulative probabilities must end in +Infinity");
    }

    return new Cumulative(cumulative);
  }

  /** The first index i with {@code cumulative[i] > u}, for u in [0, 1]. */
  public int firstAbove(double u) {
    if (!(u >= 0 && u <= 1)) {
      return firstAbove(cumulative, 0, u);
    }

    int i = guide[slice(u, guide.length)];
    if (steps < 0) {
      while (cumulative[i] <= u) {
        i++;
      }

      return i;
    }

    for (int s = 0; s < steps; s++) {
      // Adds 1 when cumulative[i] <= u: u - cumulative[i] is then +0 or positive (never -0), else
      // negative or -∞.
      i += 1 - (int) (Double.doubleToRawLongBits(u - cumulative[i]) >>> 63);
    }

    return i;
  }

  /** Steps a draw takes past its guide entry, or -1 when draws walk; for tests. */
  int steps() {
    return steps;
  }

  /** Slices in the guide table; for tests. */
  int slices() {
    return guide.length;
  }

  /** The slice of u in [0, 1]; 1 itself is in the last. */
  private static int slice(double u, int slices) {
    return Math.min(slices - 1, (int) (u * slices));
  }

  /** For each slice, the first index above the smallest u in it. */
  private static int[] guide(double[] cumulative, int slices) {
    int[] guide = new int[slices];
    for (int b = 0; b < slices; b++) {
      guide[b] = firstAbove(cumulative, 0, (double) b / slices);
    }

    return guide;
  }

  /**
   * The most interval ends past a slice's guide entry at or below the largest u in the slice (1 in
   * the last).
   */
  private static int mostSteps(double[] cumulative, int[] guide) {
    int most = 0;
    for (int b = 0; b < guide.length; b++) {
      double largest = b == guide.length - 1 ? 1.0 : Math.nextDown((double) (b + 1) / guide.length);
      most = Math.max(most, firstAbove(cumulative, guide[b], largest) - guide[b]);
    }

    return most;
  }

  /**
   * The first index i at or after {@code from} with {@code cumulative[i] > u}, by binary search.
   */
  public static int firstAbove(double[] cumulative, int from, double u) {
    int low = from;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] <= u) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }

    return low;
  }
}
