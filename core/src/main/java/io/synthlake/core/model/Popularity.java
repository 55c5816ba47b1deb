package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.SynthlakeException;
import java.util.Arrays;

/**
 * How the children of a relation spread over the parent's rows, when the key is a second (or
 * further) foreign key: the curve of the share of children that go to the most popular share of
 * parents (a Lorenz curve, read from the most popular parent down). Drawing a child's parent
 * inverts the curve at a uniform draw, so that the parents' children-per-parent distribution keeps
 * its shape (zero-child parents and heavy tails included) at any table size.
 *
 * <p>Kept as at most {@link #MAX_KNOTS} knots of (child share, parent share), both rising from 0 to
 * their end; the parent share ends below 1 when some parents have no children. Holds shares only,
 * never keys or counts of a row.
 */
public final class Popularity {
  /**
   * Knots kept of the curve: the top parents one by one, the rest at even steps of parent share.
   */
  public static final int MAX_KNOTS = 256;

  private static final int TOP_PARENTS = 64;

  private final double[] childShares;
  private final double[] parentShares;

  private Popularity(double[] childShares, double[] parentShares) {
    this.childShares = childShares;
    this.parentShares = parentShares;
  }

  /**
   * The curve through {@code (childShares[i], parentShares[i])}: both start at 0, rise (children
   * strictly, parents at least as fast as nothing) and children end at 1.
   */
  public static Popularity of(double[] childShares, double[] parentShares) {
    int n = childShares.length;
    check(
        n >= 2 && parentShares.length == n,
        "needs at least two knots and one parent share per child share");
    check(n <= MAX_KNOTS, "holds at most " + MAX_KNOTS + " knots, got " + n);
    check(
        childShares[0] == 0 && parentShares[0] == 0, "starts at child share 0 and parent share 0");
    check(childShares[n - 1] == 1, "ends at child share 1, got " + childShares[n - 1]);
    for (int i = 1; i < n; i++) {
      check(
          childShares[i] > childShares[i - 1],
          "child shares must rise, but knot " + i + " does not");
      check(
          parentShares[i] > parentShares[i - 1] && parentShares[i] <= 1,
          "parent shares must rise and stay at most 1, but knot " + i + " does not");
    }

    return new Popularity(childShares.clone(), parentShares.clone());
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw Errors.invalidModel(
          "popularity",
          "a foreign key's popularity curve %s; the model is inconsistent: fit it " + "again",
          problem);
    }
  }

  /**
   * The curve of the sample's in-degrees: {@code inDegrees[p]} children reference parent row p.
   * Parents are ranked from the most referenced; the top {@value #TOP_PARENTS} keep a knot each,
   * the rest one per even step.
   */
  public static Popularity fit(long[] inDegrees) {
    double[] degrees = new double[inDegrees.length];
    for (int p = 0; p < degrees.length; p++) {
      degrees[p] = inDegrees[p];
    }

    return fit(degrees);
  }

  /** Like {@link #fit(long[])}, for degrees that were rescaled (so not whole numbers). */
  public static Popularity fit(double[] inDegrees) {
    double[] sorted = inDegrees.clone();
    Arrays.sort(sorted);
    double total = 0;
    for (double degree : sorted) {
      total += degree;
    }

    SynthlakeException.check(
        total > 0, "no child row references the parent, so its popularity cannot be learned");
    int parents = sorted.length;
    int referenced = 0;
    for (double degree : sorted) {
      referenced += degree > 0 ? 1 : 0;
    }

    // Knot ranks: every rank among the top parents, then even steps to the last referenced parent.
    int[] ends = knotRanks(referenced);
    double[] childShares = new double[ends.length + 1];
    double[] parentShares = new double[ends.length + 1];
    double cumulative = 0;
    int rank = 0;
    for (int k = 0; k < ends.length; k++) {
      for (; rank < ends[k]; rank++) {
        cumulative += sorted[parents - 1 - rank];
      }

      childShares[k + 1] = cumulative / total;
      parentShares[k + 1] = (double) ends[k] / parents;
    }

    childShares[ends.length] = 1.0;
    return of(childShares, parentShares);
  }

  private static int[] knotRanks(int referenced) {
    int top = Math.min(TOP_PARENTS, referenced);
    int rest = Math.min(MAX_KNOTS - 1 - top, referenced - top);
    int[] ends = new int[top + rest];
    for (int i = 0; i < top; i++) {
      ends[i] = i + 1;
    }

    for (int i = 1; i <= rest; i++) {
      ends[top + i - 1] = top + (int) ((long) (referenced - top) * i / rest);
    }

    return ends;
  }

  /**
   * The rank of the parent that draw {@code u} in [0, 1) falls on, among {@code parents} rows
   * ranked from the most popular: inside a stretch between knots, ranks are equally likely.
   */
  public long parentRank(double u, long parents) {
    int k = Arrays.binarySearch(childShares, u);
    k = k >= 0 ? k : -k - 2;
    k = Math.min(k, childShares.length - 2);
    double within = (u - childShares[k]) / (childShares[k + 1] - childShares[k]);
    double share = parentShares[k] + within * (parentShares[k + 1] - parentShares[k]);
    long rank = (long) (share * parents);
    return Math.min(Math.max(rank, 0), parents - 1);
  }

  public double[] childShares() {
    return childShares.clone();
  }

  public double[] parentShares() {
    return parentShares.clone();
  }
}
