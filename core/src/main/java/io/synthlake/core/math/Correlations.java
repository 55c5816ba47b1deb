package io.synthlake.core.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Correlation matrices: estimation from normal scores, repair to positive definite, and Cholesky
 * factors.
 */
public final class Correlations {
  /** Eigenvalues are raised to at least this, so that every factor is well conditioned. */
  static final double MIN_EIGENVALUE = 1e-4;

  private Correlations() {}

  /**
   * The Pearson correlation of the columns of {@code scores[column][row]} over the rows listed in
   * {@code rows}.
   */
  public static double[][] pearson(double[][] scores, int[] rows) {
    int d = scores.length;
    int n = rows.length;
    double[] means = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int r : rows) {
        sum += scores[j][r];
      }

      means[j] = n == 0 ? 0 : sum / n;
    }

    double[][] covariance = new double[d][d];
    double[] centered = new double[d];
    for (int r : rows) {
      for (int j = 0; j < d; j++) {
        centered[j] = scores[j][r] - means[j];
      }

      for (int a = 0; a < d; a++) {
        double ca = centered[a];
        double[] row = covariance[a];
        for (int b = 0; b <= a; b++) {
          row[b] += ca * centered[b];
        }
      }
    }

    double[][] correlation = new double[d][d];
    for (int a = 0; a < d; a++) {
      correlation[a][a] = 1.0;
      for (int b = 0; b < a; b++) {
        double denominator = Math.sqrt(covariance[a][a] * covariance[b][b]);
        double value = denominator > 0 ? covariance[a][b] / denominator : 0.0;
        correlation[a][b] = value;
        correlation[b][a] = value;
      }
    }

    return correlation;
  }

  /**
   * The nearest well-conditioned correlation matrix by eigenvalue clipping and rescaling to a unit
   * diagonal; returns a copy of the input when it is already positive definite enough.
   */
  public static double[][] positiveDefinite(double[][] correlation) {
    int d = correlation.length;
    if (d == 0
        || choleskyOrNull(correlation) != null && minEigenvalue(correlation) >= MIN_EIGENVALUE) {
      return copy(correlation);
    }

    double[][] repaired = clipEigenvalues(correlation, MIN_EIGENVALUE);
    double[][] result = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        result[a][b] = a == b ? 1.0 : repaired[a][b] / Math.sqrt(repaired[a][a] * repaired[b][b]);
      }
    }

    return result;
  }

  /**
   * A covariance matrix (not unit diagonal) made positive definite by raising its eigenvalues to a
   * small floor; the conditional covariance of a copula can be singular when a column is a function
   * of the one conditioned on.
   */
  public static double[][] positiveDefiniteCovariance(double[][] covariance) {
    int d = covariance.length;
    if (d == 0 || choleskyOrNull(covariance) != null && minEigenvalue(covariance) >= 1e-10) {
      return copy(covariance);
    }

    double[][] repaired = clipEigenvalues(covariance, 1e-10);
    return repaired;
  }

  /** V·max(Λ, floor)·Vᵀ: the matrix with its eigenvalues raised to at least {@code floor}. */
  private static double[][] clipEigenvalues(double[][] matrix, double floor) {
    int d = matrix.length;
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(matrix));
    RealMatrix v = eigen.getV();
    double[] values = eigen.getRealEigenvalues();
    double[][] result = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
          sum += v.getEntry(a, k) * Math.max(values[k], floor) * v.getEntry(b, k);
        }

        result[a][b] = sum;
      }
    }

    return result;
  }

  /**
   * The lower-triangular Cholesky factor L with L·Lᵀ = m, or an exception when m is not positive
   * definite.
   */
  public static double[][] cholesky(double[][] m) {
    double[][] factor = choleskyOrNull(m);
    if (factor == null) {
      throw new IllegalArgumentException("correlation matrix is not positive definite");
    }

    return factor;
  }

  private static double[][] choleskyOrNull(double[][] m) {
    int d = m.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }

        if (i == j) {
          if (!(sum > 0)) {
            return null;
          }

          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }

    return l;
  }

  private static double minEigenvalue(double[][] m) {
    double min = Double.POSITIVE_INFINITY;
    for (double value : new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues()) {
      min = Math.min(min, value);
    }

    return min;
  }

  private static double[][] copy(double[][] m) {
    double[][] result = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      result[i] = m[i].clone();
    }

    return result;
  }
}
