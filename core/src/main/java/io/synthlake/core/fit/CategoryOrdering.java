package io.synthlake.core.fit;

import io.synthlake.core.math.Correlations;
import java.util.Arrays;

/**
 * Orders a categorical column's categories so that its dependence on the other columns is as
 * monotone as possible: by each category's mean of the other columns' first principal component (in
 * normal-score space). A Gaussian copula sees categories through their order, so Adelie, Chinstrap,
 * Gentoo ordered by body mass is expressible where the frequency order Adelie, Gentoo, Chinstrap is
 * not.
 */
final class CategoryOrdering {
  private static final int POWER_ITERATIONS = 100;

  private CategoryOrdering() {}

  /**
   * The mean first-principal-component score of the rows of each category of column {@code column}.
   *
   * @param scores normal scores of every copula column, {@code [column][row]}
   * @param codes category index per row, -1 for null
   */
  static double[] categoryKeys(double[][] scores, int column, double[] codes, int categories) {
    int d = scores.length;
    int[] others = new int[d - 1];
    for (int j = 0, k = 0; j < d; j++) {
      if (j != column) {
        others[k++] = j;
      }
    }

    double[] keys = new double[categories];
    if (others.length == 0) {
      return keys;
    }

    double[][] otherScores = new double[others.length][];
    for (int k = 0; k < others.length; k++) {
      otherScores[k] = scores[others[k]];
    }

    int n = codes.length;
    int[] rows = new int[n];
    for (int row = 0; row < n; row++) {
      rows[row] = row;
    }

    double[] direction = firstComponent(Correlations.pearson(otherScores, rows));
    double[] sums = new double[categories];
    int[] counts = new int[categories];
    for (int row = 0; row < n; row++) {
      if (codes[row] >= 0) {
        double projection = 0;
        for (int k = 0; k < others.length; k++) {
          projection += direction[k] * otherScores[k][row];
        }

        sums[(int) codes[row]] += projection;
        counts[(int) codes[row]]++;
      }
    }

    for (int c = 0; c < categories; c++) {
      keys[c] = counts[c] == 0 ? 0 : sums[c] / counts[c];
    }

    return keys;
  }

  /** The leading eigenvector of a correlation matrix by power iteration from a fixed start. */
  private static double[] firstComponent(double[][] matrix) {
    int d = matrix.length;
    double[] v = new double[d];
    Arrays.fill(v, 1.0 / Math.sqrt(d));
    for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
      double[] next = new double[d];
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          next[a] += matrix[a][b] * v[b];
        }
      }

      double norm = 0;
      for (double value : next) {
        norm += value * value;
      }

      norm = Math.sqrt(norm);
      if (norm == 0) {
        return v;
      }

      for (int a = 0; a < d; a++) {
        next[a] /= norm;
      }

      v = next;
    }

    return v;
  }
}
