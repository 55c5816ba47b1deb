package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a profile pass counts, fitted on the training data and shared read-only by every task: the columns' binnings,
 * the pairs and the sampled triples, the numeric columns' centring for correlations, the functional dependencies and
 * the rare (protected) categories. The same plan profiles the training, holdout and synthetic tables, so their counts
 * compare bin for bin.
 */
public final class ProfilePlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ColumnBinning> columns;
  private final int[][] pairs;
  private final int[][] triples;
  private final int[] numeric;
  private final double[] centre;
  private final double[] spread;
  private final List<FunctionalDependency> dependencies;
  private final List<Set<String>> rareValues;

  private ProfilePlan(List<ColumnBinning> columns, int[][] triples, double[] centre, double[] spread,
      List<FunctionalDependency> dependencies, List<Set<String>> rareValues) {
    this.columns = List.copyOf(columns);
    this.triples = triples;
    this.centre = centre;
    this.spread = spread;
    this.dependencies = List.copyOf(dependencies);
    this.rareValues = List.copyOf(rareValues);
    int n = columns.size();
    this.pairs = new int[n * (n - 1) / 2][];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs[p++] = new int[] {i, j};
      }
    }

    this.numeric = java.util.stream.IntStream.range(0, n).filter(c -> columns.get(c).isNumeric()).toArray();
  }

  /**
   * @param columns the binnings, in the order rows hold their values
   * @param centre per column, a typical training value (the median) that numeric values are centred on before
   *     moments are summed, so that large epoch values keep their precision; ignored for categorical columns
   * @param spread per column, a positive training scale (the interquartile range) values are divided by
   * @param rareValues per column, the categories seen fewer times than the protection threshold
   * @param maxTriples how many column triples to sample (all of them when there are fewer)
   */
  public static ProfilePlan of(List<ColumnBinning> columns, double[] centre, double[] spread,
      List<FunctionalDependency> dependencies, List<Set<String>> rareValues, int maxTriples, long seed) {
    int n = columns.size();
    SynthlakeException.check(n > 0, "evaluate: no columns to compare; the tables need at least one column in common");
    SynthlakeException.check(centre.length == n && spread.length == n && rareValues.size() == n,
        "evaluate: plan arrays must have one entry per column (%d)", n);
    return new ProfilePlan(columns, sampleTriples(n, maxTriples, seed), centre.clone(), spread.clone(), dependencies,
        rareValues);
  }

  /** Every triple when there are at most {@code max}, else {@code max} distinct triples drawn with a fixed seed. */
  static int[][] sampleTriples(int n, int max, long seed) {
    List<int[]> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        for (int k = j + 1; k < n; k++) {
          all.add(new int[] {i, j, k});
          if (all.size() > 200_000) {
            break;
          }
        }
      }
    }

    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < Math.min(max, all.size()); i++) {
      int pick = i + random.nextInt(all.size() - i);
      int[] swap = all.get(i);
      all.set(i, all.get(pick));
      all.set(pick, swap);
    }

    List<int[]> chosen = all.subList(0, Math.min(max, all.size()));
    chosen.sort((a, b) -> a[0] != b[0] ? a[0] - b[0] : a[1] != b[1] ? a[1] - b[1] : a[2] - b[2]);
    return chosen.toArray(new int[0][]);
  }

  public List<ColumnBinning> columns() {
    return columns;
  }

  public int[][] pairs() {
    return pairs;
  }

  public int[][] triples() {
    return triples;
  }

  /** Indices of the numeric columns, whose correlations are measured. */
  public int[] numeric() {
    return numeric;
  }

  double standardize(int column, double value) {
    return (value - centre[column]) / spread[column];
  }

  public List<FunctionalDependency> dependencies() {
    return dependencies;
  }

  public List<Set<String>> rareValues() {
    return rareValues;
  }

  public TableProfile newProfile() {
    return new TableProfile(this);
  }
}
