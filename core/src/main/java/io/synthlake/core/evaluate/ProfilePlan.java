package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What a profile pass counts, fitted on the training data and shared read-only by every task: the
 * columns' binnings, the pairs and the sampled triples, the numeric columns' centring for
 * correlations, the functional dependencies and the rare (protected) categories. The same plan
 * profiles the training, holdout and synthetic tables, so their counts compare bin for bin.
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
  private final List<ValidCombinations> combinations;
  private final List<WallClock> clocks;
  private final List<NumericRelation> relations;

  private ProfilePlan(
      List<ColumnBinning> columns,
      int[][] triples,
      double[] centre,
      double[] spread,
      List<FunctionalDependency> dependencies,
      List<Set<String>> rareValues,
      List<ValidCombinations> combinations,
      List<WallClock> clocks,
      List<NumericRelation> relations) {
    this.columns = List.copyOf(columns);
    this.triples = triples;
    this.centre = centre;
    this.spread = spread;
    this.dependencies = List.copyOf(dependencies);
    this.rareValues = List.copyOf(rareValues);
    this.combinations = List.copyOf(combinations);
    this.clocks = List.copyOf(clocks);
    this.relations = List.copyOf(relations);
    int n = columns.size();
    this.pairs = new int[n * (n - 1) / 2][];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs[p++] = new int[] {i, j};
      }
    }

    this.numeric = IntStream.range(0, n).filter(c -> columns.get(c).isNumeric()).toArray();
  }

  /**
   * @param columns the binnings, in the order rows hold their values
   * @param centre per column, a typical training value (the median) that numeric values are centred
   *     on before moments are summed, so that large epoch values keep their precision; ignored for
   *     categorical columns
   * @param spread per column, a positive training scale (the interquartile range) values are
   *     divided by
   * @param rareValues per column, the categories seen fewer times than the protection threshold
   * @param maxTriples how many column triples to sample (all of them when there are fewer)
   */
  public static ProfilePlan of(
      List<ColumnBinning> columns,
      double[] centre,
      double[] spread,
      List<FunctionalDependency> dependencies,
      List<Set<String>> rareValues,
      int maxTriples,
      long seed) {
    int n = columns.size();
    SynthlakeException.check(
        n > 0, "evaluate: no columns to compare; the tables need at least one column in common");
    SynthlakeException.check(
        centre.length == n && spread.length == n && rareValues.size() == n,
        "evaluate: plan arrays must have one entry per column (%d)",
        n);
    return new ProfilePlan(
        columns,
        sampleTriples(n, maxTriples, seed),
        centre.clone(),
        spread.clone(),
        dependencies,
        rareValues,
        List.of(),
        List.of(),
        List.of());
  }

  /** This plan, also checking the value combinations of these column pairs. */
  public ProfilePlan withCombinations(List<ValidCombinations> combinations) {
    return withChecks(combinations, clocks, relations);
  }

  /** This plan, also counting the hour of day and day of week of these date or time columns. */
  public ProfilePlan withClocks(List<WallClock> clocks) {
    return withChecks(combinations, clocks, relations);
  }

  /**
   * Every triple when there are at most {@code max}, else {@code max} distinct triples drawn
   * uniformly with a fixed seed (by rejection, so that wide tables never enumerate their n³/6
   * triples).
   */
  static int[][] sampleTriples(int n, int max, long seed) {
    long total = (long) n * (n - 1) * (n - 2) / 6;
    TreeSet<List<Integer>> chosen =
        new TreeSet<>(
            Comparator.<List<Integer>>comparingInt(t -> t.get(0))
                .thenComparingInt(t -> t.get(1))
                .thenComparingInt(t -> t.get(2)));
    if (total <= max) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          for (int k = j + 1; k < n; k++) {
            chosen.add(List.of(i, j, k));
          }
        }
      }
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      while (chosen.size() < max) {
        int[] triple = random.ints(0, n).distinct().limit(3).sorted().toArray();
        chosen.add(List.of(triple[0], triple[1], triple[2]));
      }
    }

    return chosen.stream().map(t -> new int[] {t.get(0), t.get(1), t.get(2)}).toArray(int[][]::new);
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

  public List<ValidCombinations> combinations() {
    return combinations;
  }

  public List<WallClock> clocks() {
    return clocks;
  }

  /** This plan, also checking these arithmetic relations of the numeric columns. */
  public ProfilePlan withRelations(List<NumericRelation> relations) {
    return withChecks(combinations, clocks, relations);
  }

  /** This plan's binnings, pairs and triples with these structure checks. */
  private ProfilePlan withChecks(
      List<ValidCombinations> combinations,
      List<WallClock> clocks,
      List<NumericRelation> relations) {
    return new ProfilePlan(
        columns,
        triples,
        centre,
        spread,
        dependencies,
        rareValues,
        combinations,
        clocks,
        relations);
  }

  public List<NumericRelation> relations() {
    return relations;
  }

  public TableProfile newProfile() {
    return new TableProfile(this);
  }
}
