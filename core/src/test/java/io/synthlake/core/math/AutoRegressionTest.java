package io.synthlake.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Series drawn from known AR processes keep their autocorrelations from the first step, and the
 * order is chosen back from their sample autocorrelations. 2,000 series of 40 steps give each lag's
 * sample autocorrelation a standard error near 0.005; the bounds sit at five or more standard
 * errors, a false-failure rate below 1 in a million per bound for a fresh seed.
 */
class AutoRegressionTest {
  private static double[][] simulate(AutoRegression process, int series, int steps, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] values = new double[series][steps];
    double[] history = new double[Math.max(1, process.order())];
    for (int s = 0; s < series; s++) {
      for (int t = 0; t < steps; t++) {
        for (int i = 0; i < process.order() && i < t; i++) {
          history[i] = values[s][t - 1 - i];
        }

        values[s][t] = process.next(random.nextGaussian(), history, t);
      }
    }

    return values;
  }

  /** The correlation of values {@code lag} steps apart at steps {@code from..}. */
  private static double autocorrelation(double[][] values, int lag, int from) {
    double sum = 0;
    double squares = 0;
    long pairs = 0;
    for (double[] series : values) {
      for (int t = from + lag; t < series.length; t++) {
        sum += series[t] * series[t - lag];
        squares += series[t] * series[t];
        pairs++;
      }
    }

    return sum / squares;
  }

  @Test
  void anAr2SeriesHasItsAutocorrelationsFromTheFirstStep() {
    AutoRegression process = AutoRegression.of(new double[] {0.7, 0.4});
    double[][] values = simulate(process, 2000, 40, 3);
    // The first steps, drawn by the lower orders, already have unit variance and the lag-1 value.
    double first = 0;
    double products = 0;
    for (double[] series : values) {
      first += series[0] * series[0];
      products += series[0] * series[1];
    }

    assertThat(first / values.length).isCloseTo(1, within(0.16));
    assertThat(products / values.length).isCloseTo(0.7, within(0.12));
    assertThat(autocorrelation(values, 1, 0)).isCloseTo(0.7, within(0.03));
    assertThat(autocorrelation(values, 2, 0)).isCloseTo(0.4, within(0.03));
    // AR(2) with these: rho3 = phi1 rho2 + phi2 rho1, phi = (0.8235, -0.1765).
    assertThat(autocorrelation(values, 3, 0)).isCloseTo(0.2059, within(0.04));
  }

  @Test
  void theOrderIsChosenBackFromSampleAutocorrelations() {
    double[][] values = simulate(AutoRegression.of(new double[] {0.7, 0.4}), 2000, 40, 5);
    double[] rho = new double[7];
    for (int lag = 1; lag <= 7; lag++) {
      rho[lag - 1] = autocorrelation(values, lag, 0);
    }

    AutoRegression fitted = AutoRegression.fit(rho, 7, 2000L * 39);
    assertThat(fitted.order()).isEqualTo(2);
    assertThat(AutoRegression.fit(new double[] {0.01, -0.005, 0.002}, 3, 5000).order()).isZero();
  }

  @Test
  void autocorrelationsOfNoStationaryProcessAreRefused() {
    assertThatThrownBy(() -> AutoRegression.of(new double[] {0.9, -0.5}))
        .hasMessageContaining("are not those of a stationary process");
  }

  @Test
  void coefficientsGiveTheYuleWalkerAutocorrelations() {
    // AR(2): rho1 = phi1 / (1 - phi2), rho2 = phi1 rho1 + phi2; AR(1): rho1 = phi1.
    AutoRegression ar2 = AutoRegression.ofCoefficients(new double[] {0.6, 0.2});
    assertThat(ar2.autocorrelations()).containsExactly(new double[] {0.75, 0.65}, within(1e-12));
    assertThat(ar2.coefficients()).containsExactly(new double[] {0.6, 0.2}, within(1e-12));
    AutoRegression ar3 = AutoRegression.ofCoefficients(new double[] {0.5, -0.3, 0.2});
    assertThat(ar3.coefficients()).containsExactly(new double[] {0.5, -0.3, 0.2}, within(1e-12));
    assertThat(AutoRegression.ofCoefficients(new double[] {-0.4}).autocorrelations())
        .containsExactly(new double[] {-0.4}, within(1e-12));
    assertThatThrownBy(() -> AutoRegression.ofCoefficients(new double[] {0.5, 0.5}))
        .hasMessageContaining("coefficients [0.5, 0.5] make a non-stationary process");
    assertThatThrownBy(() -> AutoRegression.ofCoefficients(new double[] {1.0}))
        .hasMessageContaining("partial autocorrelation at lag 1 is 1.000");
  }
}
