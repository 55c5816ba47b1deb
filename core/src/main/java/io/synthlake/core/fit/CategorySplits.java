package io.synthlake.core.fit;

import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses mixture components for small tables by category values: a tree that splits the rows by
 * the value of a categorical column (penguins by species, then each species by sex) wherever the
 * split tells the other columns apart by more than its parameters cost (BIC of a Gaussian on the
 * normal scores), and whose leaves are the components.
 *
 * <p>Why: on a few hundred rows the score clusterer can afford one to three components of at least
 * {@link FitSettings#minComponentRows()} rows, a near-plain Gaussian copula, which blurs what a
 * category does to the numbers (a male Adelie's body mass). A leaf is one value, or one value
 * combination, of columns the model keeps anyway, so the components say nothing about single rows:
 * each holds at least {@link #MIN_LEAF_ROWS} rows and its marginals and correlation are fitted as
 * any component's are.
 */
final class CategorySplits {
  /**
   * Tables with fewer rows than this many minimum components are split by categories; larger ones
   * have rows enough for the score clusterer.
   */
  static final int SMALL_TABLE_COMPONENTS = 10;

  /**
   * The smallest leaf. Below 20 rows a component's correlation matrix over a handful of columns is
   * mostly noise and its quantile knots are its rows' values.
   */
  static final int MIN_LEAF_ROWS = 25;

  /** A column of more values than this is not a split: its leaves would be too small to fit. */
  static final int MAX_SPLIT_VALUES = 12;

  /** Wider tables keep the clusterer: the search costs columns³ per candidate split. */
  static final int MAX_COLUMNS = 40;

  /**
   * A small variance added to each score's, so that a leaf where a column is constant is finite.
   */
  private static final double RIDGE = 1e-3;

  private CategorySplits() {}

  /** Leaves as component labels, and a one-line account of the splits. */
  record Split(int[] labels, String selection) {}

  /**
   * The components of a small table, or null when the table is not small, has no categorical column
   * to split by or no split pays for itself (the caller then clusters the scores).
   *
   * @param plans the copula columns
   * @param scores their normal scores, {@code [plan][row]}
   */
  static Split find(List<ColumnPlan> plans, double[][] scores, FitSettings settings) {
    int n = scores.length == 0 ? 0 : scores[0].length;
    if (!settings.splitsByCategory()
        || n >= SMALL_TABLE_COMPONENTS * settings.minComponentRows()
        || plans.size() > MAX_COLUMNS
        || n < 2 * MIN_LEAF_ROWS) {
      return null;
    }

    List<Integer> candidates = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      if (plans.get(p) instanceof CategoricalPlan plan
          && (plan.kind() == ColumnKind.CATEGORICAL || plan.kind() == ColumnKind.BOOLEAN)
          && plan.categoryCount() >= 2
          && plan.categoryCount() <= MAX_SPLIT_VALUES) {
        candidates.add(p);
      }
    }

    if (candidates.isEmpty()) {
      return null;
    }

    List<int[]> leaves = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    int[] all = new int[n];
    for (int row = 0; row < n; row++) {
      all[row] = row;
    }

    split(all, new boolean[plans.size()], "", plans, scores, candidates, leaves, paths);
    if (leaves.size() < 2) {
      return null;
    }

    int[] labels = new int[n];
    int smallest = n;
    int largest = 0;
    for (int k = 0; k < leaves.size(); k++) {
      for (int row : leaves.get(k)) {
        labels[row] = k;
      }

      smallest = Math.min(smallest, leaves.get(k).length);
      largest = Math.max(largest, leaves.get(k).length);
    }

    // Components are numbered in order of first appearance in the sample, as clustered ones are.
    int[] renumber = new int[leaves.size()];
    Arrays.fill(renumber, -1);
    int next = 0;
    for (int row = 0; row < n; row++) {
      if (renumber[labels[row]] < 0) {
        renumber[labels[row]] = next++;
      }

      labels[row] = renumber[labels[row]];
    }

    return new Split(
        labels,
        String.format(
            "%d components split by categories (%s; %d to %d rows each)",
            leaves.size(),
            String.join(", ", new java.util.LinkedHashSet<>(paths)),
            smallest,
            largest));
  }

  /** Splits {@code rows} recursively by its best paying column, adding the leaves. */
  private static void split(
      int[] rows,
      boolean[] used,
      String path,
      List<ColumnPlan> plans,
      double[][] scores,
      List<Integer> candidates,
      List<int[]> leaves,
      List<String> paths) {
    double bestGain = 0;
    int best = -1;
    List<int[]> bestChildren = null;
    for (int p : candidates) {
      if (used[p]) {
        continue;
      }

      List<int[]> children = children(rows, plans.get(p).scoreKeys());
      if (children.size() < 2) {
        continue;
      }

      double gain = -logLikelihood(rows, scores, p);
      for (int[] child : children) {
        gain += logLikelihood(child, scores, p);
      }

      int d = scores.length - 1;
      double penalty = 0.5 * (children.size() - 1) * (d * (d + 3) / 2.0) * Math.log(rows.length);
      if (gain - penalty > bestGain) {
        bestGain = gain - penalty;
        best = p;
        bestChildren = children;
      }
    }

    if (best < 0) {
      leaves.add(rows);
      paths.add(path.isEmpty() ? "none" : path);
      return;
    }

    boolean[] nowUsed = used.clone();
    nowUsed[best] = true;
    String name = ((CategoricalPlan) plans.get(best)).name();
    for (int[] child : bestChildren) {
      split(
          child,
          nowUsed,
          path.isEmpty() ? name : path + " × " + name,
          plans,
          scores,
          candidates,
          leaves,
          paths);
    }
  }

  /**
   * The rows of each value of {@code codes} (null its own value), values of fewer than {@link
   * #MIN_LEAF_ROWS} rows pooled, and the pool joined to the smallest other child while it is too
   * small.
   */
  private static List<int[]> children(int[] rows, double[] codes) {
    java.util.Map<Double, List<Integer>> byValue = new java.util.TreeMap<>();
    for (int row : rows) {
      byValue.computeIfAbsent(codes[row], c -> new ArrayList<>()).add(row);
    }

    List<List<Integer>> kept = new ArrayList<>();
    List<Integer> pooled = new ArrayList<>();
    for (List<Integer> value : byValue.values()) {
      if (value.size() >= MIN_LEAF_ROWS) {
        kept.add(value);
      } else {
        pooled.addAll(value);
      }
    }

    if (!pooled.isEmpty()) {
      if (pooled.size() >= MIN_LEAF_ROWS || kept.isEmpty()) {
        kept.add(pooled);
      } else {
        kept.stream().min((a, b) -> Integer.compare(a.size(), b.size())).get().addAll(pooled);
      }
    }

    List<int[]> result = new ArrayList<>();
    for (List<Integer> child : kept) {
      int[] sorted = child.stream().mapToInt(Integer::intValue).toArray();
      Arrays.sort(sorted);
      result.add(sorted);
    }

    return result;
  }

  /**
   * The maximised log-likelihood, up to a constant, of a Gaussian fitted to the scores of {@code
   * rows} over every column but {@code skip}: {@code -n/2 log det Σ}.
   */
  private static double logLikelihood(int[] rows, double[][] scores, int skip) {
    int d = scores.length;
    int n = rows.length;
    double[] mean = new double[d];
    for (int j = 0; j < d; j++) {
      for (int row : rows) {
        mean[j] += scores[j][row];
      }

      mean[j] /= n;
    }

    int[] columns = new int[skip < 0 ? d : d - 1];
    for (int j = 0, c = 0; j < d; j++) {
      if (j != skip) {
        columns[c++] = j;
      }
    }

    int m = columns.length;
    double[][] covariance = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = 0;
        double[] x = scores[columns[a]];
        double[] y = scores[columns[b]];
        for (int row : rows) {
          sum += (x[row] - mean[columns[a]]) * (y[row] - mean[columns[b]]);
        }

        covariance[a][b] = sum / n + (a == b ? RIDGE : 0);
        covariance[b][a] = covariance[a][b];
      }
    }

    return -0.5 * n * logDeterminant(covariance);
  }

  /** The log-determinant of a symmetric positive-definite matrix, by Cholesky. */
  private static double logDeterminant(double[][] m) {
    int d = m.length;
    double[][] l = new double[d][d];
    double sum = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = m[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }

        if (i == j) {
          double diagonal = Math.sqrt(Math.max(s, RIDGE * 1e-6));
          l[i][i] = diagonal;
          sum += 2 * Math.log(diagonal);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }

    return sum;
  }
}
