package io.synthlake.core.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the functional dependencies of a training sample: a determinant of one column, or of two
 * when neither alone fixes the dependent (a route's origin and destination fix its distance), whose
 * value fixes the dependent's in at least {@link #MIN_SHARE} of the rows.
 *
 * <p>A determinant must repeat, so that a dependency is evidence, not the coincidence of a
 * near-unique column: one column with at most {@link #MAX_DETERMINANT_VALUES} values and on average
 * at least {@link #MIN_ROWS_PER_VALUE} rows per value; two columns with at most {@link
 * #MAX_PAIR_VALUES} value combinations and at least {@link #MIN_ROWS_PER_PAIR_VALUE} rows per
 * combination. The dependent must vary, and more than the dependency lets it: when it is not exact,
 * the rows that break it must be at most a fifth of those that differ from the dependent's most
 * frequent value, so that a nearly constant column is not "determined" by anything.
 *
 * <p>A pair must also break at most a fifth of the rows its best single column breaks: any column
 * beside an almost-determinant splits the rows into groups small enough to look determined.
 *
 * <p>A hierarchy (airport → state → region) is reported as its links: A → C is left out when A → B
 * and B → C are found and B does not determine A.
 */
public final class DependencyFinder {
  public static final int MAX_DETERMINANT_VALUES = 1_000;
  public static final int MIN_ROWS_PER_VALUE = 10;
  public static final int MAX_PAIR_VALUES = 10_000;
  public static final int MIN_ROWS_PER_PAIR_VALUE = 5;

  /** The share of rows a dependency must hold in. */
  public static final double MIN_SHARE = 0.99;

  /**
   * Two-column determinants are searched in the first rows of the (random) sample only, which
   * bounds the work at columns³ × this.
   */
  static final int PAIR_SEARCH_ROWS = 20_000;

  private DependencyFinder() {}

  /**
   * @param rows sample rows, one value per column as the profile sees it (Double, String or null)
   * @param eligible which columns may take part (key columns may not)
   */
  public static List<FunctionalDependency> find(List<Object[]> rows, boolean[] eligible) {
    int columns = eligible.length;
    int n = rows.size();
    Codes[] codes = new Codes[columns];
    for (int c = 0; c < columns; c++) {
      codes[c] = eligible[c] ? Codes.of(rows, c) : null;
    }

    List<FunctionalDependency> found = new ArrayList<>();
    boolean[][] determines = new boolean[columns][columns];
    for (int a = 0; a < columns; a++) {
      if (codes[a] == null || codes[a].values < 2) {
        continue;
      }

      boolean repeats =
          codes[a].values <= MAX_DETERMINANT_VALUES
              && (long) codes[a].values * MIN_ROWS_PER_VALUE <= n;
      for (int b = 0; b < columns; b++) {
        if (b == a || codes[b] == null || codes[b].values < 2) {
          continue;
        }

        long kept = kept(codes[a].codes, codes[a].values, codes[b], n);
        determines[a][b] = holds(kept, n, codes[b]);
        if (determines[a][b] && repeats) {
          found.add(dependency(rows, List.of(a), b));
        }
      }
    }

    List<FunctionalDependency> links = List.copyOf(found);
    found.removeIf(d -> implied(d.determinant().get(0), d.dependent(), links, determines));
    found.addAll(pairs(rows, codes, determines));
    return found;
  }

  /** Two-column determinants of a dependent that neither column determines alone. */
  private static List<FunctionalDependency> pairs(
      List<Object[]> rows, Codes[] all, boolean[][] determines) {
    int n = Math.min(rows.size(), PAIR_SEARCH_ROWS);
    List<Object[]> head = rows.subList(0, n);
    int columns = all.length;
    Codes[] codes = new Codes[columns];
    for (int c = 0; c < columns; c++) {
      codes[c] = all[c] == null ? null : Codes.of(head, c);
    }

    // Per dependent, the fewest rows a one-column determinant breaks: a pair must break at most a
    // fifth of that, else it only splits the rows more finely (any column beside an almost-
    // determinant makes groups small enough to look determined).
    long[] singleBroken = new long[columns];
    for (int b = 0; b < columns; b++) {
      singleBroken[b] = n;
      for (int a = 0; a < columns; a++) {
        if (a != b && codes[a] != null && codes[b] != null && codes[b].values >= 2) {
          singleBroken[b] =
              Math.min(singleBroken[b], n - kept(codes[a].codes, codes[a].values, codes[b], n));
        }
      }
    }

    List<FunctionalDependency> found = new ArrayList<>();
    for (int a1 = 0; a1 < columns; a1++) {
      for (int a2 = a1 + 1; a2 < columns; a2++) {
        if (codes[a1] == null
            || codes[a2] == null
            || codes[a1].values < 2
            || codes[a2].values < 2
            || determines[a1][a2]
            || determines[a2][a1]) {
          continue;
        }

        Codes pair = Codes.combine(codes[a1], codes[a2]);
        if (pair.values > MAX_PAIR_VALUES || (long) pair.values * MIN_ROWS_PER_PAIR_VALUE > n) {
          continue;
        }

        for (int b = 0; b < columns; b++) {
          if (b == a1
              || b == a2
              || codes[b] == null
              || codes[b].values < 2
              || determines[a1][b]
              || determines[a2][b]) {
            continue;
          }

          long kept = kept(pair.codes, pair.values, codes[b], n);
          if (holds(kept, n, codes[b]) && 5 * (n - kept) <= singleBroken[b]) {
            found.add(dependency(rows, List.of(a1, a2), b));
          }
        }
      }
    }

    return found;
  }

  /**
   * Whether keeping {@code kept} of {@code n} rows is a dependency: at least {@link #MIN_SHARE},
   * and the breaking rows at most a fifth of the rows off the dependent's most frequent value.
   */
  private static boolean holds(long kept, int n, Codes dependent) {
    long broken = n - kept;
    long offMode = n - dependent.modeCount;
    return kept >= MIN_SHARE * n && (broken == 0 || 5 * broken <= offMode);
  }

  /**
   * How many rows carry their determinant value's most frequent dependent value: the rows a mapping
   * keeps.
   */
  private static long kept(int[] determinant, int values, Codes dependent, int n) {
    Map<Long, int[]> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      counts
          .computeIfAbsent(
              (long) determinant[i] * dependent.values + dependent.codes[i], k -> new int[1])[0]++;
    }

    int[] best = new int[values];
    for (Map.Entry<Long, int[]> entry : counts.entrySet()) {
      int value = (int) (entry.getKey() / dependent.values);
      best[value] = Math.max(best[value], entry.getValue()[0]);
    }

    long kept = 0;
    for (int count : best) {
      kept += count;
    }

    return kept;
  }

  /**
   * The dependency with its mapping over every sample row: each determinant value to its most
   * frequent dependent value (ties to the one seen first).
   */
  private static FunctionalDependency dependency(
      List<Object[]> rows, List<Integer> determinant, int dependent) {
    Map<Object, Map<Object, Integer>> counts = new HashMap<>();
    Map<Object, Object> first = new HashMap<>();
    FunctionalDependency probe = new FunctionalDependency(determinant, dependent, Map.of(), 0);
    for (Object[] row : rows) {
      Object key = probe.determinantKey(row);
      Object value = FunctionalDependency.key(row[dependent]);
      counts.computeIfAbsent(key, k -> new HashMap<>()).merge(value, 1, Integer::sum);
      first.putIfAbsent(key, value);
    }

    Map<Object, Object> mapping = new HashMap<>();
    long kept = 0;
    for (Map.Entry<Object, Map<Object, Integer>> group : counts.entrySet()) {
      Map<Object, Integer> values = group.getValue();
      Object best = first.get(group.getKey());
      for (Map.Entry<Object, Integer> entry : values.entrySet()) {
        if (entry.getValue() > values.get(best)) {
          best = entry.getKey();
        }
      }

      mapping.put(group.getKey(), best);
      kept += values.get(best);
    }

    return new FunctionalDependency(determinant, dependent, mapping, (double) kept / rows.size());
  }

  /** A → C is implied when A → B and B → C for some B that does not determine A. */
  private static boolean implied(
      int a, int c, List<FunctionalDependency> found, boolean[][] determines) {
    for (FunctionalDependency link : found) {
      int b = link.dependent();
      if (link.determinant().get(0) == a && b != c && determines[b][c] && !determines[b][a]) {
        return true;
      }
    }

    return false;
  }

  /** A column's (or two columns') values as dense codes 0..values−1, in order of appearance. */
  private record Codes(int[] codes, int values, int modeCount) {
    static Codes of(List<Object[]> rows, int column) {
      Map<Object, Integer> dictionary = new HashMap<>();
      int[] codes = new int[rows.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] =
            dictionary.computeIfAbsent(
                FunctionalDependency.key(rows.get(i)[column]), k -> dictionary.size());
      }

      return dense(codes, dictionary.size());
    }

    static Codes combine(Codes first, Codes second) {
      Map<Long, Integer> dictionary = new HashMap<>();
      int[] codes = new int[first.codes.length];
      for (int i = 0; i < codes.length; i++) {
        codes[i] =
            dictionary.computeIfAbsent(
                (long) first.codes[i] * second.values + second.codes[i], k -> dictionary.size());
      }

      return dense(codes, dictionary.size());
    }

    private static Codes dense(int[] codes, int values) {
      int[] counts = new int[values];
      int mode = 0;
      for (int code : codes) {
        mode = Math.max(mode, ++counts[code]);
      }

      return new Codes(codes, values, mode);
    }
  }
}
