package io.synthlake.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NormalTest {
  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

  @Test
  void cdfMatchesCommonsMathOnAGridOverMinusEightToEight() {
    double worst = 0;
    for (int i = 0; i <= 16_000; i++) {
      double z = -8 + i * 0.001;
      double error = Math.abs(Normal.cdf(z) - STANDARD.cumulativeProbability(z));
      worst = Math.max(worst, error);
    }

    assertThat(worst).isLessThan(1e-12);
  }

  @Test
  void cdfIsSymmetricAndHasItsKnownValues() {
    assertThat(Normal.cdf(0)).isEqualTo(0.5, within(1e-15));
    assertThat(Normal.cdf(1.959963984540054)).isEqualTo(0.975, within(1e-14));
    assertThat(Normal.cdf(-40)).isZero();
    assertThat(Normal.cdf(40)).isEqualTo(1.0);
    for (double z = 0.05; z < 8; z += 0.37) {
      assertThat(Normal.cdf(z) + Normal.cdf(-z)).isEqualTo(1.0, within(1e-15));
    }
  }

  @Test
  void quantileInvertsTheCdf() {
    // p = cdf(z) is a double, so p itself carries an absolute error of up to about one ulp of 1
    // (1.1e-16): deep in a
    // tail the best any quantile can do is that error over the density. The tolerance is that
    // conditioning plus 1e-9,
    // i.e. 1e-9 in the body and a few thousandths only at |z| = 8.
    for (int i = 0; i <= 1600; i++) {
      double z = -8 + i * 0.01;
      double tolerance = 1e-9 + 1.2e-16 / Normal.pdf(z);
      assertThat(Normal.quantile(Normal.cdf(z))).as("z = %s", z).isEqualTo(z, within(tolerance));
    }
  }

  @Test
  void quantileIsAccurateRelativeToTheTailProbability() {
    // Commons Math's cdf (through erfc, accurate relative to the tail) gives p back to a relative
    // 1e-12 down to
    // p = 1e-15: the tail branches of AS 241 keep their precision where 1 - 2p would cancel.
    for (double p = 1e-15; p < 0.5; p *= 1.07) {
      assertThat(STANDARD.cumulativeProbability(Normal.quantile(p)) / p)
          .as("p = %s", p)
          .isEqualTo(1.0, within(1e-12));
      double upper = 1 - p;
      // 1 - upper is exact (Sterbenz), unlike p itself after rounding to upper.
      assertThat(Normal.quantile(upper))
          .as("1 - p, p = %s", p)
          .isEqualTo(-Normal.quantile(1 - upper), within(1e-9));
    }
  }

  @Test
  void quantileMatchesCommonsMathAndIsClippedAtTheEnds() {
    for (double p = 0.0005; p < 1; p += 0.0005) {
      assertThat(Normal.quantile(p))
          .isEqualTo(STANDARD.inverseCumulativeProbability(p), within(1e-12));
    }

    assertThat(Normal.quantile(0)).isEqualTo(-Normal.MAX_SCORE);
    assertThat(Normal.quantile(1)).isEqualTo(Normal.MAX_SCORE);
    assertThat(Normal.quantile(-1)).isEqualTo(-Normal.MAX_SCORE);
    assertThat(Normal.quantile(Double.MIN_VALUE)).isEqualTo(-Normal.MAX_SCORE);
  }

  @Test
  void pdfMatchesCommonsMath() {
    for (double z = -8; z <= 8; z += 0.1) {
      assertThat(Normal.pdf(z)).isEqualTo(STANDARD.density(z), within(1e-15));
    }
  }
}
