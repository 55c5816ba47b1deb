package io.synthlake.core.evaluate;

import java.io.Serializable;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts one pass over a table gathers for its {@link ProfilePlan}: binned counts per column,
 * pair and sampled triple, pairwise moments of the numeric columns, dependency checks and sightings
 * of rare categories. Memory depends on the plan only, never on the number of rows, and profiles of
 * a table's partitions {@link #merge} into the table's. Not thread-safe: one profile per task.
 */
public final class TableProfile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ProfilePlan plan;
  private long rows;
  private final long[][] coarse;
  private final long[][] fine;
  private final long[][] pairs;
  private final long[][] triples;

  /**
   * Per numeric pair: n, Σx, Σy, Σx², Σy², Σxy of standardized values, over rows where both are
   * present.
   */
  private final double[][] moments;

  private final long[] dependencyChecked;
  private final long[] dependencyKept;
  private final long[] combinationsKept;
  private final long[][] hours;
  private final long[] relationChecked;
  private final long[] relationKept;
  private final long[][] days;
  private transient ZoneRules[] zoneRules;
  private final List<Map<String, Long>> rareSeen;
  private transient int[] bins;
  private transient double[] standardized;

  TableProfile(ProfilePlan plan) {
    this.plan = plan;
    List<ColumnBinning> columns = plan.columns();
    int n = columns.size();
    coarse = new long[n][];
    fine = new long[n][];
    for (int c = 0; c < n; c++) {
      coarse[c] = new long[columns.get(c).binCount()];
      fine[c] = new long[columns.get(c).fineBinCount()];
    }

    pairs = new long[plan.pairs().length][];
    for (int p = 0; p < pairs.length; p++) {
      int[] pair = plan.pairs()[p];
      pairs[p] = new long[columns.get(pair[0]).binCount() * columns.get(pair[1]).binCount()];
    }

    triples = new long[plan.triples().length][];
    for (int t = 0; t < triples.length; t++) {
      int[] triple = plan.triples()[t];
      triples[t] =
          new long
              [columns.get(triple[0]).binCount()
                  * columns.get(triple[1]).binCount()
                  * columns.get(triple[2]).binCount()];
    }

    int m = plan.numeric().length;
    moments = new double[m * (m - 1) / 2][6];
    dependencyChecked = new long[plan.dependencies().size()];
    dependencyKept = new long[plan.dependencies().size()];
    combinationsKept = new long[plan.combinations().size()];
    hours = new long[plan.clocks().size()][WallClock.HOURS + 1];
    relationChecked = new long[plan.relations().size()];
    relationKept = new long[plan.relations().size()];
    days = new long[plan.clocks().size()][WallClock.DAYS + 1];
    rareSeen = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      rareSeen.add(new HashMap<>());
    }
  }

  /**
   * Counts one row: Double (or null) for numeric columns, String (or null) for categorical ones, in
   * plan order.
   */
  public void add(Object[] row) {
    List<ColumnBinning> columns = plan.columns();
    int n = columns.size();
    if (bins == null) {
      bins = new int[n];
      standardized = new double[plan.numeric().length];
    }

    rows++;
    for (int c = 0; c < n; c++) {
      ColumnBinning column = columns.get(c);
      bins[c] = column.bin(row[c]);
      coarse[c][bins[c]]++;
      fine[c][column.fineBin(row[c])]++;
      if (row[c] != null
          && !plan.rareValues().get(c).isEmpty()
          && plan.rareValues().get(c).contains(row[c])) {
        rareSeen.get(c).merge((String) row[c], 1L, Long::sum);
      }
    }

    int[][] pairIndex = plan.pairs();
    for (int p = 0; p < pairs.length; p++) {
      int a = pairIndex[p][0];
      int b = pairIndex[p][1];
      pairs[p][bins[a] * columns.get(b).binCount() + bins[b]]++;
    }

    int[][] tripleIndex = plan.triples();
    for (int t = 0; t < triples.length; t++) {
      int a = tripleIndex[t][0];
      int b = tripleIndex[t][1];
      int c = tripleIndex[t][2];
      triples[t][
          (bins[a] * columns.get(b).binCount() + bins[b]) * columns.get(c).binCount() + bins[c]]++;
    }

    addMoments(row);
    List<FunctionalDependency> dependencies = plan.dependencies();
    for (int d = 0; d < dependencyChecked.length; d++) {
      int kept = dependencies.get(d).check(row);
      if (kept >= 0) {
        dependencyChecked[d]++;
        dependencyKept[d] += kept;
      }
    }

    List<ValidCombinations> combinations = plan.combinations();
    for (int k = 0; k < combinationsKept.length; k++) {
      combinationsKept[k] += combinations.get(k).check(row);
    }

    addClocks(row);
    List<NumericRelation> relations = plan.relations();
    for (int r = 0; r < relationChecked.length; r++) {
      int kept = relations.get(r).check(row);
      if (kept >= 0) {
        relationChecked[r]++;
        relationKept[r] += kept;
      }
    }
  }

  private void addClocks(Object[] row) {
    List<WallClock> clocks = plan.clocks();
    if (zoneRules == null) {
      zoneRules = new ZoneRules[clocks.size()];
      for (int k = 0; k < zoneRules.length; k++) {
        zoneRules[k] = clocks.get(k).rules();
      }
    }

    for (int k = 0; k < zoneRules.length; k++) {
      WallClock clock = clocks.get(k);
      Object value = row[clock.column()];
      if (clock.timestamp()) {
        hours[k][WallClock.hourBin(value, zoneRules[k])]++;
      }

      days[k][clock.dayBin(value, zoneRules[k])]++;
    }
  }

  private void addMoments(Object[] row) {
    int[] numeric = plan.numeric();
    for (int i = 0; i < numeric.length; i++) {
      Object value = row[numeric[i]];
      standardized[i] =
          value == null ? Double.NaN : plan.standardize(numeric[i], ((Number) value).doubleValue());
    }

    int p = 0;
    for (int i = 0; i < numeric.length; i++) {
      for (int j = i + 1; j < numeric.length; j++, p++) {
        double x = standardized[i];
        double y = standardized[j];
        if (Double.isFinite(x) && Double.isFinite(y)) {
          double[] m = moments[p];
          m[0]++;
          m[1] += x;
          m[2] += y;
          m[3] += x * x;
          m[4] += y * y;
          m[5] += x * y;
        }
      }
    }
  }

  /** Adds another profile of the same plan into this one and returns this. */
  public TableProfile merge(TableProfile other) {
    rows += other.rows;
    addAll(coarse, other.coarse);
    addAll(fine, other.fine);
    addAll(pairs, other.pairs);
    addAll(triples, other.triples);
    for (int p = 0; p < moments.length; p++) {
      for (int k = 0; k < 6; k++) {
        moments[p][k] += other.moments[p][k];
      }
    }

    for (int d = 0; d < dependencyChecked.length; d++) {
      dependencyChecked[d] += other.dependencyChecked[d];
      dependencyKept[d] += other.dependencyKept[d];
    }

    for (int k = 0; k < combinationsKept.length; k++) {
      combinationsKept[k] += other.combinationsKept[k];
    }

    addAll(hours, other.hours);
    for (int r = 0; r < relationChecked.length; r++) {
      relationChecked[r] += other.relationChecked[r];
      relationKept[r] += other.relationKept[r];
    }

    addAll(days, other.days);

    for (int c = 0; c < rareSeen.size(); c++) {
      Map<String, Long> seen = rareSeen.get(c);
      other.rareSeen.get(c).forEach((value, count) -> seen.merge(value, count, Long::sum));
    }

    return this;
  }

  private static void addAll(long[][] into, long[][] from) {
    for (int i = 0; i < into.length; i++) {
      for (int j = 0; j < into[i].length; j++) {
        into[i][j] += from[i][j];
      }
    }
  }

  public ProfilePlan plan() {
    return plan;
  }

  public long rows() {
    return rows;
  }

  long[] coarse(int column) {
    return coarse[column];
  }

  long[] fine(int column) {
    return fine[column];
  }

  long[] pair(int index) {
    return pairs[index];
  }

  long[] triple(int index) {
    return triples[index];
  }

  /**
   * Pearson's correlation of the i-th and j-th numeric columns (i < j), over rows where both are
   * present.
   */
  double correlation(int i, int j) {
    int m = plan.numeric().length;
    int p = i * (2 * m - i - 1) / 2 + (j - i - 1);
    double[] s = moments[p];
    double n = s[0];
    double covariance = s[5] / n - (s[1] / n) * (s[2] / n);
    double varianceX = s[3] / n - (s[1] / n) * (s[1] / n);
    double varianceY = s[4] / n - (s[2] / n) * (s[2] / n);
    return n < 2 || varianceX <= 0 || varianceY <= 0
        ? Double.NaN
        : covariance / Math.sqrt(varianceX * varianceY);
  }

  long dependencyChecked(int index) {
    return dependencyChecked[index];
  }

  long dependencyKept(int index) {
    return dependencyKept[index];
  }

  long relationChecked(int index) {
    return relationChecked[index];
  }

  long relationKept(int index) {
    return relationKept[index];
  }

  /** Rows per hour of day of the index-th clock, nulls last; all 0 for a date. */
  long[] hours(int index) {
    return hours[index];
  }

  /** Rows per day of week of the index-th clock, from Monday, nulls last. */
  long[] days(int index) {
    return days[index];
  }

  /** Rows whose value combination of the index-th pair the training sample has. */
  long combinationsKept(int index) {
    return combinationsKept[index];
  }

  /** Rare categories of a column seen in this table, with how often. */
  public Map<String, Long> rareSeen(int column) {
    return Collections.unmodifiableMap(rareSeen.get(column));
  }
}
