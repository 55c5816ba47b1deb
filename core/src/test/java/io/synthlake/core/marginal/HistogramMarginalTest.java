package io.synthlake.core.marginal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.InvalidModelException;
import io.synthlake.core.math.Stats;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Histograms: bin shares by chi-square and the within-bin shape by one-sample KS, both at α = 0.001
 * over {@value #N} draws from {@code SplittableRandom(1)} (a correct histogram fails either with
 * probability 0.001 per check over seeds; this seed is fixed).
 */
class HistogramMarginalTest {
  private static final int N = 20_000;
  private static final double[] EDGES = {0, 1, 3, 6, 10};
  private static final double[] WEIGHTS = {1, 0, 3, 6};

  private static double[] sample(Marginal marginal) {
    return MarginalSamples.draw(marginal, N);
  }

  private static int bin(double[] edges, double value) {
    for (int i = edges.length - 2; i >= 0; i--) {
      if (value >= edges[i]) {
        return i;
      }
    }

    throw new AssertionError(value + " lies below the first edge");
  }

  @Test
  void binSharesFollowTheWeights() {
    HistogramMarginal histogram = HistogramMarginal.of(EDGES, WEIGHTS, "d");
    double[] values = sample(histogram);

    long[] counts = new long[WEIGHTS.length];
    for (double value : values) {
      assertThat(value).isBetween(0.0, 10.0);
      counts[bin(EDGES, value)]++;
    }

    Stats.ChiSquare fit = Stats.chiSquare(counts, new double[] {0.1, 0, 0.3, 0.6});
    Stats.ChiSquare equalShares = Stats.chiSquare(counts, new double[] {0.25, 0, 0.25, 0.5});
    assertThat(fit.statistic()).as("%s", fit).isLessThan(fit.critical());
    assertThat(equalShares.statistic())
        .as("power: %s", equalShares)
        .isGreaterThan(equalShares.critical());
    assertThat(counts[1]).as("draws in the zero-weight bin").isZero();
  }

  @Test
  void valuesAreUniformInsideEachBin() {
    HistogramMarginal histogram = HistogramMarginal.of(EDGES, WEIGHTS, "d");
    // The histogram's CDF: linear inside each bin, flat over the zero-weight bin [1, 3).
    DoubleUnaryOperator cdf =
        x ->
            x < 0
                ? 0
                : x < 1
                    ? 0.1 * x
                    : x < 3 ? 0.1 : x < 6 ? 0.1 + 0.1 * (x - 3) : Math.min(1, 0.4 + 0.15 * (x - 6));
    // Mass at bin midpoints instead of spread over the bins: the wrong shape.
    DoubleUnaryOperator midpoints = x -> x < 0.5 ? 0 : x < 4.5 ? 0.1 : x < 8 ? 0.4 : 1;

    double[] values = sample(histogram);

    assertThat(Stats.ks(values, cdf)).isLessThan(Stats.ksCritical(N));
    assertThat(Stats.ks(values, midpoints)).isGreaterThan(Stats.ksCritical(N));
    assertThat(histogram.min()).isEqualTo(0.0);
    assertThat(histogram.max()).isEqualTo(10.0);
    assertThat(histogram.edges()).containsExactly(EDGES);
    assertThat(histogram.weights()).containsExactly(WEIGHTS);
  }

  @Test
  void zeroWeightBinsAreNeverProducedAtTheEndsEither() {
    double[] edges = {0, 1, 2, 3, 4};
    HistogramMarginal histogram = HistogramMarginal.of(edges, new double[] {0, 2, 0, 1}, "d");

    // Every probability strictly inside (0, 1), on a fine grid and at random.
    int grid = 100_000;
    for (int i = 0; i < grid; i++) {
      double value = histogram.quantile((i + 0.5) / grid);
      assertThat(value >= 1 && value <= 2 || value >= 3 && value <= 4)
          .as("quantile(%s) = %s", (i + 0.5) / grid, value)
          .isTrue();
    }

    assertThat(Arrays.stream(sample(histogram)))
        .allMatch(value -> value >= 1 && value <= 2 || value >= 3 && value <= 4);
  }

  @Test
  void invalidHistogramsNameTheField() {
    assertThatThrownBy(() -> HistogramMarginal.of(new double[] {0, 2, 1}, new double[] {1, 1}, "d"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("d.edges[2]: edges must be finite and increasing, got 1.0");
    assertThatThrownBy(() -> HistogramMarginal.of(new double[] {0, 1, 1}, new double[] {1, 1}, "d"))
        .hasMessageContaining("d.edges[2]: edges must be finite and increasing");
    assertThatThrownBy(
            () ->
                HistogramMarginal.of(
                    new double[] {0, Double.POSITIVE_INFINITY}, new double[] {1}, "d"))
        .hasMessageContaining("d.edges[1]: edges must be finite and increasing, got Infinity");
    assertThatThrownBy(
            () -> HistogramMarginal.of(new double[] {0, 1, 2}, new double[] {1, 1, 1}, "d"))
        .hasMessage("d: a histogram needs n + 1 edges for n weights, got 3 edges and 3 weights");
    assertThatThrownBy(() -> HistogramMarginal.of(new double[] {0}, new double[] {}, "d"))
        .hasMessageContaining(
            "a histogram needs n + 1 edges for n weights, got 1 edges and 0 weights");
    assertThatThrownBy(
            () -> HistogramMarginal.of(new double[] {0, 1, 2}, new double[] {1, -1}, "d"))
        .hasMessage("d.weights[1]: must be a finite number >= 0, got -1.0");
    assertThatThrownBy(
            () -> HistogramMarginal.of(new double[] {0, 1, 2}, new double[] {1, Double.NaN}, "d"))
        .hasMessageContaining("d.weights[1]: must be a finite number >= 0, got NaN");
    assertThatThrownBy(() -> HistogramMarginal.of(new double[] {0, 1, 2}, new double[] {0, 0}, "d"))
        .hasMessage("d.weights: at least one weight must be positive");
  }
}
