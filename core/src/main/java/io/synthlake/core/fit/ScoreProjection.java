package io.synthlake.core.fit;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The leading principal components of a wide table's normal scores, for clustering. A Gaussian
 * mixture's cost grows with the square of the width in every EM step (and MLlib moves each
 * component's update into its own Spark job beyond about 25 dimensions), while what tells rows of
 * different components apart (a shift of some columns' means, a group of columns that move
 * together) shows as variance along a few directions, which the leading components hold. The copula
 * of each component is still fitted on every column.
 */
public final class ScoreProjection {
  /** Tables up to this many clustered columns are clustered on the columns themselves. */
  public static final int MAX_DIMENSIONS = 20;

  private ScoreProjection() {}

  /**
   * {@code scores} ({@code [column][row]}) when it has at most {@code dimensions} columns;
   * otherwise each row's coordinates along the {@code dimensions} leading principal components of
   * the covariance of {@code fitRows}, as {@code [component][row]} over every row.
   */
  public static double[][] leading(double[][] scores, int[] fitRows, int dimensions) {
    int d = scores.length;
    if (d <= dimensions || fitRows.length < 2) {
      return scores;
    }

    double[] mean = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int row : fitRows) {
        sum += scores[j][row];
      }

      mean[j] = sum / fitRows.length;
    }

    double[][] covariance = new double[d][d];
    double[] centred = new double[d];
    for (int row : fitRows) {
      for (int j = 0; j < d; j++) {
        centred[j] = scores[j][row] - mean[j];
      }

      for (int a = 0; a < d; a++) {
        double x = centred[a];
        double[] line = covariance[a];
        for (int b = a; b < d; b++) {
          line[b] += x * centred[b];
        }
      }
    }

    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        covariance[a][b] /= fitRows.length - 1;
        covariance[b][a] = covariance[a][b];
      }
    }

    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
    double[] values = eigen.getRealEigenvalues();
    Integer[] byValue = new Integer[d];
    for (int j = 0; j < d; j++) {
      byValue[j] = j;
    }

    Arrays.sort(byValue, (x, y) -> Double.compare(values[y], values[x]));
    RealMatrix vectors = eigen.getV();
    int n = scores[0].length;
    double[][] projected = new double[dimensions][n];
    for (int c = 0; c < dimensions; c++) {
      double[] direction = vectors.getColumn(byValue[c]);
      double[] out = projected[c];
      for (int j = 0; j < d; j++) {
        double weight = direction[j];
        double shift = mean[j];
        double[] column = scores[j];
        for (int row = 0; row < n; row++) {
          out[row] += weight * (column[row] - shift);
        }
      }
    }

    return projected;
  }
}
