package io.synthlake.core.marginal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class GaussianMixtureMarginalTest {
  @Test
  void fitFindsTheTwoModesOfABimodalSample() {
    SplittableRandom random = new SplittableRandom(21);
    double[] values = new double[4000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 5 < 3 ? -3 + random.nextGaussian() : 4 + 0.5 * random.nextGaussian();
    }

    Arrays.sort(values);
    GaussianMixtureMarginal marginal = GaussianMixtureMarginal.fit(values, 10, 1);

    assertThat(marginal.modes()).isEqualTo(2);
    double[] means = marginal.means();
    int low = means[0] < means[1] ? 0 : 1;
    int high = 1 - low;
    // Parameter estimates from 2400 and 1600 draws: standard errors below 0.03, tolerances at least
    // 5 of them.
    assertThat(means[low]).isEqualTo(-3, within(0.15));
    assertThat(means[high]).isEqualTo(4, within(0.1));
    assertThat(marginal.deviations()[low]).isEqualTo(1, within(0.1));
    assertThat(marginal.deviations()[high]).isEqualTo(0.5, within(0.05));
    assertThat(marginal.weights()[low]).isEqualTo(0.6, within(0.05));
    assertThat(marginal.min()).isEqualTo(values[0]);
    assertThat(marginal.max()).isEqualTo(values[values.length - 1]);
  }

  @Test
  void quantileIsMonotoneAndTruncatedToTheBounds() {
    GaussianMixtureMarginal marginal =
        GaussianMixtureMarginal.of(
            new double[] {0.5, 0.5}, new double[] {0, 10}, new double[] {1, 1}, -1, 12);

    double previous = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= 10_000; i++) {
      double q = marginal.quantile(i / 10_000.0);
      assertThat(q).isGreaterThanOrEqualTo(previous).isBetween(-1.0, 12.0);
      previous = q;
    }

    assertThat(marginal.quantile(0)).isEqualTo(-1.0, within(1e-9));
    assertThat(marginal.quantile(1)).isEqualTo(12.0, within(1e-9));
    // Inverting the truncated mixture CDF F(x) = sum w_k (Phi((x - mu_k) / sd_k) - Phi((lower -
    // mu_k) / sd_k)) / kept.
    for (double x : new double[] {-0.5, 0, 1.5, 9, 10, 11.5}) {
      assertThat(marginal.quantile(truncatedCdf(x))).as("x = %s", x).isEqualTo(x, within(0.01));
    }
  }

  private static double truncatedCdf(double x) {
    NormalDistribution normal = new NormalDistribution(0, 1);
    double kept =
        0.5 * (normal.cumulativeProbability(12) - normal.cumulativeProbability(-1))
            + 0.5 * (normal.cumulativeProbability(2) - normal.cumulativeProbability(-11));
    double below =
        0.5 * (normal.cumulativeProbability(x) - normal.cumulativeProbability(-1))
            + 0.5 * (normal.cumulativeProbability(x - 10) - normal.cumulativeProbability(-11));
    return below / kept;
  }

  @Test
  void ofRejectsInvalidModes() {
    assertThatThrownBy(
            () ->
                GaussianMixtureMarginal.of(
                    new double[] {0.5, 0.4}, new double[] {0, 1}, new double[] {1, 1}, 0, 1))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(
            () ->
                GaussianMixtureMarginal.of(
                    new double[] {1}, new double[] {0}, new double[] {0}, 0, 1))
        .hasMessageContaining("positive weights and deviations");
    assertThatThrownBy(
            () ->
                GaussianMixtureMarginal.of(
                    new double[] {1}, new double[] {0, 1}, new double[] {1}, 0, 1))
        .hasMessageContaining("one weight, mean and deviation per mode");
  }
}
