package io.synthlake.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class CorrelationsTest {
  private static final double[][] NOT_POSITIVE_DEFINITE = {
    {1, 0.9, -0.9},
    {0.9, 1, 0.9},
    {-0.9, 0.9, 1},
  };

  @Test
  void positiveDefiniteRepairsAnInconsistentMatrix() {
    assertThatThrownBy(() -> Correlations.cholesky(NOT_POSITIVE_DEFINITE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not positive definite");

    double[][] repaired = Correlations.positiveDefinite(NOT_POSITIVE_DEFINITE);

    double[][] factor = Correlations.cholesky(repaired);
    for (int a = 0; a < 3; a++) {
      assertThat(repaired[a][a]).isEqualTo(1.0);
      for (int b = 0; b < 3; b++) {
        assertThat(repaired[a][b]).isEqualTo(repaired[b][a], within(1e-12));
        assertThat(Math.abs(repaired[a][b])).isLessThanOrEqualTo(1.0);
        double product = 0;
        for (int k = 0; k < 3; k++) {
          product += factor[a][k] * factor[b][k];
        }

        assertThat(product).as("(L L^T)[%d][%d]", a, b).isEqualTo(repaired[a][b], within(1e-12));
      }
    }

    double minEigenvalue =
        java.util.Arrays.stream(
                new EigenDecomposition(new Array2DRowRealMatrix(repaired)).getRealEigenvalues())
            .min()
            .getAsDouble();
    assertThat(minEigenvalue).isGreaterThan(0);
    // The repair keeps the signs of the pattern; it does not zero the matrix out.
    assertThat(repaired[0][1]).isGreaterThan(0.3);
    assertThat(repaired[1][2]).isGreaterThan(0.3);
    assertThat(repaired[0][2]).isLessThan(-0.3);
  }

  @Test
  void positiveDefiniteReturnsAGoodMatrixUnchanged() {
    double[][] good = {{1, 0.5}, {0.5, 1}};

    double[][] result = Correlations.positiveDefinite(good);

    assertThat(result).isDeepEqualTo(good).isNotSameAs(good);
  }

  @Test
  void positiveDefiniteRaisesASingularMatrixToAWellConditionedOne() {
    double[][] singular = {{1, 1}, {1, 1}};

    double[][] repaired = Correlations.positiveDefinite(singular);

    assertThat(repaired[0][0]).isEqualTo(1.0);
    assertThat(repaired[0][1]).isLessThan(1.0).isGreaterThan(0.99);
    assertThat(Correlations.cholesky(repaired)[1][1]).isGreaterThan(0);
  }

  @Test
  void pearsonEstimatesTheCorrelationOverTheListedRows() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 10_000;
    double[][] scores = new double[2][n + 2];
    for (int r = 0; r < n; r++) {
      double x = random.nextGaussian();
      scores[0][r] = x;
      scores[1][r] = -0.5 * x + Math.sqrt(0.75) * random.nextGaussian();
    }

    // Two outlying rows that are not listed must not count.
    scores[0][n] = 100;
    scores[1][n] = 100;
    scores[0][n + 1] = -100;
    scores[1][n + 1] = -100;
    int[] rows = java.util.stream.IntStream.range(0, n).toArray();

    double[][] correlation = Correlations.pearson(scores, rows);

    // The sample correlation of n = 10,000 pairs at rho = -0.5 has standard error (1 - rho^2) /
    // sqrt(n) = 0.0075; the
    // tolerance is 4 standard errors (false failure rate about 6e-5).
    assertThat(correlation[0][1]).isEqualTo(-0.5, within(0.03)).isEqualTo(correlation[1][0]);
    assertThat(correlation[0][0]).isEqualTo(1.0);
  }

  @Test
  void pearsonOfAConstantColumnIsZero() {
    double[][] scores = {{1, 2, 3, 4}, {5, 5, 5, 5}};

    double[][] correlation = Correlations.pearson(scores, new int[] {0, 1, 2, 3});

    assertThat(correlation[0][1]).isZero();
    assertThat(correlation[1][1]).isEqualTo(1.0);
  }
}
