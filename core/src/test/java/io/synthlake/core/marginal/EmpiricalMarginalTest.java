package io.synthlake.core.marginal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmpiricalMarginalTest {
  /** 30% zeros, 10% exactly 5.0, and 60% spread uniformly over (1, 10). */
  private static double[] zerosFivesAndSpread() {
    SplittableRandom random = new SplittableRandom(11);
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 300 ? 0.0 : i < 400 ? 5.0 : 1 + 9 * random.nextDouble();
    }

    Arrays.sort(values);
    return values;
  }

  @Test
  void pointMassesBecomeFlatStretchesOfTheQuantileFunction() {
    EmpiricalMarginal marginal = EmpiricalMarginal.fit(zerosFivesAndSpread(), 0.02, 5, 100);

    assertThat(marginal.massValues()).containsExactly(0.0, 5.0);
    assertThat(marginal.massShares()).containsExactly(0.3, 0.1);
    // Zero lies below every other value: the first 30% of probabilities give exactly zero.
    for (double u = 0; u < 0.3; u += 0.001) {
      assertThat(marginal.quantile(u)).as("u = %s", u).isEqualTo(0.0);
    }

    // 5.0 lies inside the spread values: a flat stretch of width 0.1 somewhere in the middle.
    int atFive = 0;
    for (int i = 0; i < 100_000; i++) {
      if (marginal.quantile((i + 0.5) / 100_000) == 5.0) {
        atFive++;
      }
    }

    assertThat(atFive / 100_000.0).isEqualTo(0.1, within(0.002));
    assertThat(marginal.quantile(0.31)).isGreaterThan(1.0);
    assertThat(marginal.quantile(1.0)).isEqualTo(marginal.max()).isLessThan(10.0);
    assertThat(marginal.min()).isEqualTo(0.0);
  }

  @Test
  void valuesBelowTheMassThresholdsStayInTheContinuousPart() {
    double[] sorted = {1, 2, 2, 2, 3, 4, 5, 6, 7, 8};

    // 2.0 holds 30% of the rows but only 3 rows: fewer than minMassCount = 5.
    EmpiricalMarginal marginal = EmpiricalMarginal.fit(sorted, 0.02, 5, 100);

    assertThat(marginal.massValues()).isEmpty();
    assertThat(marginal.knots()).containsExactly(sorted);
  }

  @Test
  void quantileIsMonotoneAndStaysWithinTheObservedRange() {
    SplittableRandom random = new SplittableRandom(5);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < 0.2 ? 3.0 : Math.exp(random.nextGaussian());
    }

    Arrays.sort(values);
    EmpiricalMarginal marginal = EmpiricalMarginal.fit(values, 0.02, 5, 64);

    double previous = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= 200_000; i++) {
      double q = marginal.quantile(i / 200_000.0);
      assertThat(q)
          .isGreaterThanOrEqualTo(previous)
          .isBetween(values[0], values[values.length - 1]);
      previous = q;
    }

    assertThat(marginal.quantile(0)).isEqualTo(values[0]);
    assertThat(marginal.quantile(1)).isEqualTo(values[values.length - 1]);
  }

  @Test
  void knotsCompressTheRestToEquallySpacedQuantiles() {
    double[] sorted = new double[1001];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i * 0.5;
    }

    double[] knots = EmpiricalMarginal.compress(sorted, 11);

    assertThat(knots).containsExactly(0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500);
    assertThat(EmpiricalMarginal.compress(sorted, 5000)).containsExactly(sorted);
    assertThat(EmpiricalMarginal.compress(new double[] {4.0}, 10)).containsExactly(4.0, 4.0);
    assertThat(EmpiricalMarginal.compress(new double[0], 10)).isEmpty();

    EmpiricalMarginal fitted = EmpiricalMarginal.fit(sorted, 0.02, 5, 11);
    assertThat(fitted.knots()).containsExactly(knots);
    // Between knots the quantile function interpolates linearly.
    assertThat(fitted.quantile(0.05)).isEqualTo(25.0, within(1e-9));
    assertThat(fitted.quantile(0.95)).isEqualTo(475.0, within(1e-9));
  }

  @Test
  void aColumnOfPointMassesOnlyHasNoKnotsAndSharesThatSumToOne() {
    double[] sorted = new double[100];
    Arrays.fill(sorted, 0, 70, 1.0);
    Arrays.fill(sorted, 70, 100, 2.0);

    EmpiricalMarginal marginal = EmpiricalMarginal.fit(sorted, 0.02, 5, 100);

    assertThat(marginal.knots()).isEmpty();
    assertThat(marginal.massValues()).containsExactly(1.0, 2.0);
    assertThat(marginal.massShares()).containsExactly(0.7, 0.3);
    assertThat(marginal.quantile(0.69)).isEqualTo(1.0);
    assertThat(marginal.quantile(0.71)).isEqualTo(2.0);
  }

  @Test
  void ofRejectsInconsistentParts() {
    assertThatThrownBy(
            () -> EmpiricalMarginal.of(new double[] {2, 1}, new double[] {0.5, 0.5}, new double[0]))
        .hasMessageContaining("increasing");
    assertThatThrownBy(
            () -> EmpiricalMarginal.of(new double[] {1}, new double[] {0.5}, new double[0]))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(
            () -> EmpiricalMarginal.of(new double[0], new double[0], new double[] {3, 2}))
        .hasMessageContaining("nondecreasing");
    assertThatThrownBy(() -> EmpiricalMarginal.fit(new double[0], 0.02, 5, 10))
        .hasMessageContaining("no values");
  }
}
