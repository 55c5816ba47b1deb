package io.synthlake.core.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets of numbers as sorted, disjoint, non-empty half-open intervals [lo, hi), flattened as {lo0,
 * hi0, lo1, hi1, …}: the values of a copula uniform (or normal score) at which a column satisfies a
 * condition.
 */
final class Intervals {
  static final double[] EMPTY = {};

  private Intervals() {}

  static double[] of(double lo, double hi) {
    return lo < hi ? new double[] {lo, hi} : EMPTY;
  }

  /** The union of intervals given in ascending order of their starts. */
  static double[] union(List<double[]> sets) {
    List<double[]> all = new ArrayList<>();
    for (double[] set : sets) {
      for (int i = 0; i < set.length; i += 2) {
        all.add(new double[] {set[i], set[i + 1]});
      }
    }

    all.sort((a, b) -> Double.compare(a[0], b[0]));
    List<Double> out = new ArrayList<>();
    for (double[] interval : all) {
      if (!(interval[0] < interval[1])) {
        continue;
      }

      int last = out.size() - 1;
      if (last > 0 && interval[0] <= out.get(last)) {
        out.set(last, Math.max(out.get(last), interval[1]));
      } else {
        out.add(interval[0]);
        out.add(interval[1]);
      }
    }

    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[] intersect(double[] a, double[] b) {
    List<Double> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      double lo = Math.max(a[i], b[j]);
      double hi = Math.min(a[i + 1], b[j + 1]);
      if (lo < hi) {
        out.add(lo);
        out.add(hi);
      }

      if (a[i + 1] < b[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }

    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** [from, to) without {@code set}. */
  static double[] complement(double[] set, double from, double to) {
    List<Double> out = new ArrayList<>();
    double start = from;
    for (int i = 0; i < set.length; i += 2) {
      if (start < set[i]) {
        out.add(start);
        out.add(Math.min(set[i], to));
      }

      start = Math.max(start, set[i + 1]);
    }

    if (start < to) {
      out.add(start);
      out.add(to);
    }

    return intersect(out.stream().mapToDouble(Double::doubleValue).toArray(), of(from, to));
  }
}
