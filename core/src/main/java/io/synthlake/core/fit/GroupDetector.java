package io.synthlake.core.fit;

import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the columns to draw as learned tuples ({@link ColumnGroup}): a core of one categorical
 * column, or of two whose joint support is sparse (routes: origin by destination), with the columns
 * the core determines (an airport's state and region, a route's distance).
 *
 * <p>A column B is determined by a core when the core's most common B holds in {@value #HOLDS} of
 * the rows whose core value occurs in {@value #MIN_SUPPORT} rows or more, those rows make at least
 * half the sample, and the core removes at least {@value #MIN_REDUCTION} of the errors of always
 * guessing B's most common value: a nearly constant B is not "determined" by anything. Two
 * categorical columns of {@value #MIN_CATEGORIES} or more frequent values each form a sparse pair
 * when independent draws of their frequent values would land on a pair the sample holds in at most
 * {@value #MAX_INDEPENDENT_MASS} of draws, and the sample is not merely too small to show every
 * pair: the mass is at most {@value #MAX_INDEPENDENT_MASS} of what an independent sample of as many
 * rows would hold, or the sample lists each pair once ({@value #LISTED} of its rows distinct pairs)
 * where an independent sample would repeat pairs (at most {@value #REPEATED} distinct). A group's
 * frequent tuples (each categorical value a frequent category) must cover {@value #MIN_COVERAGE} of
 * the rows. Cores of two columns bound what a group stores to what a two-way table of frequent
 * categories holds, with determined values.
 */
final class GroupDetector {
  static final double HOLDS = 0.99;
  static final double MIN_REDUCTION = 0.9;
  static final int MIN_SUPPORT = 5;
  static final int MIN_CATEGORIES = 10;
  static final double MAX_INDEPENDENT_MASS = 0.8;
  static final double MIN_COVERAGE = 0.9;

  /** A pair of columns lists its pairs once when this share of its rows are distinct pairs. */
  static final double LISTED = 0.99;

  /** Independent columns repeat pairs when at most this share of an equal sample would differ. */
  static final double REPEATED = 0.9;

  static final int MAX_MEMBERS = 5;

  private final int n;
  private final int rareCount;

  /** Per column, each row's value code (nulls have their own code), or null if not a candidate. */
  private final int[][] codes;

  private final int[][] counts;
  private final boolean[] categorical;

  /** Per column, the code of its nulls, or -1. */
  private final int[] nullCodes;

  private GroupDetector(List<SampleColumn> columns, List<ColumnKind> kinds, int rareCount) {
    this.n = columns.isEmpty() ? 0 : columns.get(0).size();
    this.rareCount = rareCount;
    this.codes = new int[columns.size()][];
    this.counts = new int[columns.size()][];
    this.categorical = new boolean[columns.size()];
    this.nullCodes = new int[columns.size()];
    Arrays.fill(nullCodes, -1);
    for (int j = 0; j < columns.size(); j++) {
      ColumnKind kind = kinds.get(j);
      if (kind == ColumnKind.KEY
          || kind == ColumnKind.TEXT
          || TableSet.isHidden(columns.get(j).name())) {
        continue;
      }

      categorical[j] = kind == ColumnKind.CATEGORICAL || kind == ColumnKind.BOOLEAN;
      codes[j] = encode(columns.get(j));
      for (int row = 0; row < n && nullCodes[j] < 0; row++) {
        nullCodes[j] = columns.get(j).isNull(row) ? codes[j][row] : -1;
      }

      counts[j] = new int[Arrays.stream(codes[j]).max().orElse(-1) + 1];
      for (int code : codes[j]) {
        counts[j][code]++;
      }

      if (counts[j].length < 2) {
        codes[j] = null;
      }
    }
  }

  /**
   * The groups of {@code columns} (sample columns with their kinds), each as column indexes in
   * column order.
   */
  static List<int[]> detect(List<SampleColumn> columns, List<ColumnKind> kinds, int rareCount) {
    return new GroupDetector(columns, kinds, rareCount).groups();
  }

  private List<int[]> groups() {
    int columns = codes.length;
    boolean[] used = new boolean[columns];
    List<int[]> groups = new ArrayList<>();

    // Sparse pairs first, most structured first; each then takes the columns it determines.
    List<double[]> pairs = new ArrayList<>();
    for (int x = 0; x < columns; x++) {
      for (int y = x + 1; y < columns; y++) {
        if (categorical[x] && codes[x] != null && categorical[y] && codes[y] != null) {
          double mass = sparseMass(x, y);
          if (mass <= MAX_INDEPENDENT_MASS && !determines(x, y) && !determines(y, x)) {
            pairs.add(new double[] {mass, x, y});
          }
        }
      }
    }

    pairs.sort(Comparator.comparingDouble((double[] p) -> p[0]));
    for (double[] pair : pairs) {
      int x = (int) pair[1];
      int y = (int) pair[2];
      if (!used[x] && !used[y]) {
        int[] core = {x, y};
        int[] group = withDetermined(core, used);
        if (coverage(group) >= MIN_COVERAGE && tuples(group) <= ColumnGroup.MAX_TUPLES) {
          markUsed(group, used);
          groups.add(group);
        }
      }
    }

    // Then single cores: the column that determines the most others first (an airport before its
    // state, which determines only the region).
    List<int[]> singles = new ArrayList<>();
    for (int a = 0; a < columns; a++) {
      if (categorical[a] && codes[a] != null && !used[a]) {
        int determined = 0;
        for (int b = 0; b < columns; b++) {
          if (b != a && codes[b] != null && !used[b] && determines(a, b)) {
            determined++;
          }
        }

        if (determined > 0) {
          singles.add(new int[] {determined, a});
        }
      }
    }

    singles.sort(Comparator.comparingInt((int[] s) -> -s[0]).thenComparingInt(s -> s[1]));
    for (int[] single : singles) {
      int a = single[1];
      if (!used[a]) {
        int[] group = withDetermined(new int[] {a}, used);
        if (group.length > 1
            && coverage(group) >= MIN_COVERAGE
            && tuples(group) <= ColumnGroup.MAX_TUPLES) {
          markUsed(group, used);
          groups.add(group);
        }
      }
    }

    groups.sort(Comparator.comparingInt((int[] g) -> g[0]));
    return groups;
  }

  /** The core with the unused columns its tuples determine, in column order. */
  private int[] withDetermined(int[] core, boolean[] used) {
    int[] coreCodes = core.length == 1 ? codes[core[0]] : joint(core);
    List<Integer> members = new ArrayList<>();
    for (int c : core) {
      members.add(c);
    }

    for (int b = 0; b < codes.length && members.size() < MAX_MEMBERS; b++) {
      if (codes[b] != null && !used[b] && !members.contains(b) && determines(coreCodes, b)) {
        members.add(b);
      }
    }

    return members.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private static void markUsed(int[] group, boolean[] used) {
    for (int j : group) {
      used[j] = true;
    }
  }

  private boolean determines(int a, int b) {
    // Where b holds more distinct values than a by over a hundredth of the rows, a cannot determine
    // b in 99% of them.
    return counts[b].length <= counts[a].length + n / 100 && determines(codes[a], b);
  }

  /**
   * Whether {@code core} (codes per row) determines column {@code b}: see the class comment for the
   * thresholds.
   */
  private boolean determines(int[] core, int b) {
    int cores = Arrays.stream(core).max().orElse(-1) + 1;
    int[] coreCounts = new int[cores];
    for (int code : core) {
      coreCounts[code]++;
    }

    int support = Math.max(rareCount, MIN_SUPPORT);
    Map<Long, Integer> pairCounts = new HashMap<>();
    int[] best = new int[cores];
    int[] bCounts = new int[counts[b].length];
    int rows = 0;
    for (int row = 0; row < n; row++) {
      int a = core[row];
      if (coreCounts[a] >= support) {
        rows++;
        int value = codes[b][row];
        bCounts[value]++;
        int count = pairCounts.merge((long) a * counts[b].length + value, 1, Integer::sum);
        best[a] = Math.max(best[a], count);
      }
    }

    if (rows == 0 || rows < n / 2) {
      return false;
    }

    double holds = (double) Arrays.stream(best).sum() / rows;
    double constant = (double) Arrays.stream(bCounts).max().orElse(0) / rows;
    return constant < 1
        && holds >= HOLDS
        && (1 - holds) <= (1 - MIN_REDUCTION) * (1 - constant) + 1e-12;
  }

  /**
   * The share of independent draws of x's and y's frequent values that land on a pair of frequent
   * values the sample holds, when the pairs are sparser than an independent sample's; else 1.
   */
  private double sparseMass(int x, int y) {
    boolean[] fx = frequent(x);
    boolean[] fy = frequent(y);
    if (count(fx) < MIN_CATEGORIES || count(fy) < MIN_CATEGORIES) {
      return 1;
    }

    double[] px = new double[fx.length];
    double[] py = new double[fy.length];
    Map<Long, Boolean> seen = new HashMap<>();
    int rows = 0;
    for (int row = 0; row < n; row++) {
      int a = codes[x][row];
      int b = codes[y][row];
      if (fx[a] && fy[b]) {
        rows++;
        px[a]++;
        py[b]++;
        seen.put((long) a * fy.length + b, Boolean.TRUE);
      }
    }

    if (rows == 0) {
      return 1;
    }

    double mass = 0;
    for (long key : seen.keySet()) {
      mass += px[(int) (key / fy.length)] / rows * (py[(int) (key % fy.length)] / rows);
    }

    // A sample of independent columns misses pairs too, the more the fewer rows there are. The
    // pairs are sparse when the sample holds less mass than such a sample would, sum p q (1 - (1 -
    // p q)^rows), or when it lists each pair about once where such a sample would repeat many: a
    // table of routes, each route a row.
    double expectedMass = 0;
    double expectedPairs = 0;
    for (double a : px) {
      for (double b : py) {
        double p = a / rows * (b / rows);
        double drawn = -Math.expm1(rows * Math.log1p(-p));
        expectedMass += p * drawn;
        expectedPairs += drawn;
      }
    }

    boolean sparser = mass <= MAX_INDEPENDENT_MASS * expectedMass;
    boolean listed = seen.size() >= LISTED * rows && expectedPairs <= REPEATED * rows;
    return sparser || listed ? mass : 1;
  }

  /** Per code, whether it is a frequent value: a null, or a value in at least k rows. */
  private boolean[] frequent(int j) {
    boolean[] frequent = new boolean[counts[j].length];
    for (int code = 0; code < frequent.length; code++) {
      frequent[code] = code == nullCodes[j] || counts[j][code] >= rareCount;
    }

    return frequent;
  }

  private static int count(boolean[] flags) {
    int count = 0;
    for (boolean flag : flags) {
      count += flag ? 1 : 0;
    }

    return count;
  }

  /** The share of rows whose categorical members' values are all frequent. */
  private double coverage(int[] group) {
    boolean[][] frequent = new boolean[group.length][];
    for (int m = 0; m < group.length; m++) {
      frequent[m] = categorical[group[m]] ? frequent(group[m]) : null;
    }

    int covered = 0;
    for (int row = 0; row < n; row++) {
      boolean all = true;
      for (int m = 0; m < group.length && all; m++) {
        all = frequent[m] == null || frequent[m][codes[group[m]][row]];
      }

      covered += all ? 1 : 0;
    }

    return n == 0 ? 0 : (double) covered / n;
  }

  private int tuples(int[] group) {
    return Arrays.stream(joint(group)).max().orElse(-1) + 1;
  }

  /** Each row's tuple of the columns' codes, coded from 0 in order of first appearance. */
  private int[] joint(int[] columns) {
    Map<List<Integer>, Integer> index = new HashMap<>();
    int[] joint = new int[n];
    for (int row = 0; row < n; row++) {
      List<Integer> key = new ArrayList<>(columns.length);
      for (int j : columns) {
        key.add(codes[j][row]);
      }

      joint[row] = index.computeIfAbsent(key, k -> index.size());
    }

    return joint;
  }

  /**
   * Each row's code: its value's text numbered in order of first appearance, the null's included.
   */
  static int[] encode(SampleColumn column) {
    if (!column.isString() && column.type().logicalType() != LogicalType.BOOLEAN) {
      return encodeNumbers(column);
    }

    Map<Object, Integer> index = new HashMap<>();
    Object nullKey = new Object();
    int[] result = new int[column.size()];
    for (int row = 0; row < column.size(); row++) {
      String text = text(column, row);
      // A null has a code of its own, which no text can take.
      result[row] = index.computeIfAbsent(text == null ? nullKey : text, t -> index.size());
    }

    return result;
  }

  /**
   * {@link #encode} of a number column without a map of texts: a million distinct texts in a hash
   * map cost seconds of a large sample's fit. A number's text rises with its value (integers and
   * times by their whole part, decimals rounded to their scale, doubles by their shortest digits),
   * so values of one text lie next to each other in sorted order: each distinct value is formatted
   * once, and compared with its neighbour's text only.
   */
  private static int[] encodeNumbers(SampleColumn column) {
    int n = column.size();
    double[] distinct = new double[n];
    int present = 0;
    for (int row = 0; row < n; row++) {
      if (!column.isNull(row)) {
        distinct[present++] = column.number(row);
      }
    }

    Arrays.sort(distinct, 0, present);
    int unique = 0;
    for (int i = 0; i < present; i++) {
      if (unique == 0 || Double.compare(distinct[i], distinct[unique - 1]) != 0) {
        distinct[unique++] = distinct[i];
      }
    }

    // Values of one text share a class; classes are numbered in sorted order.
    int[] textClass = new int[unique];
    String previous = null;
    int classes = 0;
    for (int i = 0; i < unique; i++) {
      String text = Values.format(distinct[i], column.type());
      textClass[i] = i > 0 && text.equals(previous) ? classes - 1 : classes++;
      previous = text;
    }

    int[] codeOfClass = new int[classes];
    Arrays.fill(codeOfClass, -1);
    int codes = 0;
    int nullCode = -1;
    int[] result = new int[n];
    for (int row = 0; row < n; row++) {
      if (column.isNull(row)) {
        nullCode = nullCode < 0 ? codes++ : nullCode;
        result[row] = nullCode;
        continue;
      }

      int textOf = textClass[Arrays.binarySearch(distinct, 0, unique, column.number(row))];
      if (codeOfClass[textOf] < 0) {
        codeOfClass[textOf] = codes++;
      }

      result[row] = codeOfClass[textOf];
    }

    return result;
  }

  /** A row's value as text, as a categorical column or a group tuple holds it; null for a null. */
  static String text(SampleColumn column, int row) {
    if (column.isNull(row)) {
      return null;
    }

    return column.isString()
        ? column.string(row)
        : Values.format(column.number(row), column.type());
  }
}
