package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fan-out of one relation: how many parent rows have each number of child rows, parents with no
 * children included. Held exactly, as the distinct child counts and the parents having each: there
 * are at most about √(2·children) distinct counts, so the distribution stays small whatever the
 * tables' sizes.
 */
public final class FanOut {
  private static final FanOut EMPTY = new FanOut(new long[0], new long[0]);

  /** Distinct child counts, ascending. */
  private final long[] children;

  /** Parents having {@code children[i]} children each. */
  private final long[] parents;

  private final long totalParents;

  private FanOut(long[] children, long[] parents) {
    this.children = children;
    this.parents = parents;
    this.totalParents = Arrays.stream(parents).sum();
  }

  /** No parents at all. */
  public static FanOut empty() {
    return EMPTY;
  }

  /**
   * A fan-out from {@code parents[i]} parents having {@code children[i]} children each; a child
   * count may repeat (its parents add up).
   */
  public static FanOut of(long[] children, long[] parents) {
    SynthlakeException.check(
        children.length == parents.length,
        "evaluate: a fan-out needs as many parent counts (%d) as child counts (%d)",
        parents.length,
        children.length);
    Map<Long, Long> merged = new TreeMap<>();
    for (int i = 0; i < children.length; i++) {
      SynthlakeException.check(
          children[i] >= 0 && parents[i] >= 0,
          "evaluate: a fan-out's counts cannot be negative, got %d parents with %d children",
          parents[i],
          children[i]);
      if (parents[i] > 0) {
        merged.merge(children[i], parents[i], Long::sum);
      }
    }

    return of(merged);
  }

  /** A fan-out from the parents having each number of children. */
  public static FanOut of(Map<Long, Long> parentsByChildren) {
    Map<Long, Long> sorted = new TreeMap<>(parentsByChildren);
    long[] children = new long[sorted.size()];
    long[] parents = new long[sorted.size()];
    int i = 0;
    for (Map.Entry<Long, Long> entry : sorted.entrySet()) {
      children[i] = entry.getKey();
      parents[i] = entry.getValue();
      i++;
    }

    return new FanOut(children, parents);
  }

  /** Parent rows counted. */
  public long parents() {
    return totalParents;
  }

  /** Child rows under those parents. */
  public long children() {
    long sum = 0;
    for (int i = 0; i < children.length; i++) {
      sum += children[i] * parents[i];
    }

    return sum;
  }

  /** The mean children per parent; NaN without parents. */
  public double mean() {
    return totalParents == 0 ? Double.NaN : (double) children() / totalParents;
  }

  /** The share of parents without children; NaN without parents. */
  public double zeroShare() {
    return totalParents == 0 ? Double.NaN : (double) parentsWith(0, 0) / totalParents;
  }

  /** The largest number of children of one parent; 0 without parents. */
  public long max() {
    return children.length == 0 ? 0 : children[children.length - 1];
  }

  /** Parents having from {@code low} to {@code high} children (both included). */
  public long parentsWith(long low, long high) {
    long sum = 0;
    for (int i = 0; i < children.length; i++) {
      if (children[i] >= low && children[i] <= high) {
        sum += parents[i];
      }
    }

    return sum;
  }

  /**
   * The Kolmogorov-Smirnov statistic between two fan-outs: the largest distance between their
   * cumulative distributions, evaluated at every child count either has (exact, since both are step
   * functions on whole numbers). NaN when either has no parents.
   */
  public static double ks(FanOut a, FanOut b) {
    if (a.totalParents == 0 || b.totalParents == 0) {
      return Double.NaN;
    }

    int i = 0;
    int j = 0;
    long cumulativeA = 0;
    long cumulativeB = 0;
    double max = 0;
    while (i < a.children.length || j < b.children.length) {
      long next =
          Math.min(
              i < a.children.length ? a.children[i] : Long.MAX_VALUE,
              j < b.children.length ? b.children[j] : Long.MAX_VALUE);
      if (i < a.children.length && a.children[i] == next) {
        cumulativeA += a.parents[i++];
      }

      if (j < b.children.length && b.children[j] == next) {
        cumulativeB += b.parents[j++];
      }

      max =
          Math.max(
              max,
              Math.abs(
                  (double) cumulativeA / a.totalParents - (double) cumulativeB / b.totalParents));
    }

    return max;
  }

  /** 1 − {@link #ks}: 1.0 when the two fan-outs are the same distribution. */
  public static double similarity(FanOut a, FanOut b) {
    return 1 - ks(a, b);
  }
}
