package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixtureDensityTest {
  @Test
  void logDensityOfOneGaussianMatchesTheClosedForm() {
    MixtureDensity one =
        MixtureDensity.of(
            new double[] {1}, new double[][] {{1, -1}}, new double[][][] {{{4, 1.2}, {1.2, 1}}});
    double[] x = {2, 0.5};
    // Bivariate normal: sd 2 and 1, correlation 0.6.
    double zx = (x[0] - 1) / 2;
    double zy = (x[1] + 1) / 1;
    double rho = 0.6;
    double expected =
        -Math.log(2 * Math.PI * 2 * 1 * Math.sqrt(1 - rho * rho))
            - (zx * zx - 2 * rho * zx * zy + zy * zy) / (2 * (1 - rho * rho));
    assertThat(one.logDensity(x)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void kMeansLabelsBecomeAStartThatLabelsRowsBack() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 600;
    double[][] rows = new double[n][2];
    int[] labels = new int[n];
    for (int r = 0; r < n; r++) {
      labels[r] = r % 3;
      rows[r][0] = 5 * labels[r] + random.nextGaussian();
      rows[r][1] = -3 * labels[r] + random.nextGaussian();
    }

    MixtureDensity start = MixtureDensity.fromLabels(rows, labels, 4); // label 3 has no rows
    assertThat(start.components()).isEqualTo(3);
    assertThat(start.weight(1)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(start.mean(2)[0]).isCloseTo(10, within(0.2));
    int agree = 0;
    for (int r = 0; r < n; r++) {
      agree += start.label(rows[r]) == labels[r] ? 1 : 0;
    }

    // Centres 5.8 sds apart: a row crosses the midpoint with probability below 0.2%.
    assertThat(agree).isGreaterThanOrEqualTo(n - 6);
  }

  @Test
  void aSingularCovarianceStillScores() {
    MixtureDensity flat =
        MixtureDensity.of(
            new double[] {1}, new double[][] {{0, 0}}, new double[][][] {{{1, 1}, {1, 1}}});
    assertThat(flat.logDensity(new double[] {0.5, 0.5})).isFinite();
  }
}
