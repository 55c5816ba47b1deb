package io.synthlake.core.marginal;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.marginal.ParametricMarginal.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The block-at-a-time path that generation takes gives exactly what the value-at-a-time quantile
 * gives.
 */
class BatchQuantilesTest {
  private static double[] probabilities() {
    SplittableRandom random = new SplittableRandom(5);
    double[] p = new double[5000];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble();
    }

    // The ends and the far tails, where clipping and truncation act.
    double[] edges = {0, 1, 1e-300, 1e-17, 1e-9, 0.5, 1 - 1e-9, Math.nextDown(1.0)};
    System.arraycopy(edges, 0, p, 0, edges.length);
    return p;
  }

  private static List<Marginal> marginals() {
    List<Marginal> marginals = new ArrayList<>();
    double inf = Double.POSITIVE_INFINITY;
    marginals.add(
        ParametricMarginal.of(Family.UNIFORM, Map.of("min", -3.0, "max", 8.0), -inf, inf, "u"));
    marginals.add(
        ParametricMarginal.of(Family.UNIFORM, Map.of("min", -3.0, "max", 8.0), 0, 5, "u"));
    marginals.add(
        ParametricMarginal.of(Family.NORMAL, Map.of("mean", 10.0, "sd", 3.0), -inf, inf, "n"));
    marginals.add(
        ParametricMarginal.of(Family.NORMAL, Map.of("mean", 10.0, "sd", 3.0), 4, 12, "n"));
    marginals.add(
        ParametricMarginal.of(
            Family.LOG_NORMAL, Map.of("mu", 3.4, "sigma", 1.0), 0.01, 50000, "l"));
    marginals.add(
        ParametricMarginal.of(Family.LOG_NORMAL, Map.of("mu", 7.6, "sigma", 1.4), -inf, inf, "l"));
    marginals.add(ParametricMarginal.of(Family.EXPONENTIAL, Map.of("rate", 0.5), -inf, 7, "e"));
    marginals.add(ParametricMarginal.of(Family.POISSON, Map.of("mean", 4.0), -inf, inf, "p"));
    marginals.add(
        ParametricMarginal.of(Family.ZIPF, Map.of("n", 100.0, "exponent", 1.1), -inf, inf, "z"));
    marginals.add(ParametricMarginal.of(Family.CONSTANT, Map.of("value", 2.5), -inf, inf, "c"));
    marginals.add(
        HistogramMarginal.of(new double[] {0, 1, 3, 6, 10}, new double[] {1, 0, 4, 2}, "h"));
    marginals.add(
        EmpiricalMarginal.of(
            new double[] {0, 5}, new double[] {0.2, 0.1}, new double[] {1, 2, 2, 4, 9}));
    marginals.add(
        GaussianMixtureMarginal.of(
            new double[] {0.3, 0.7}, new double[] {0, 10}, new double[] {1, 2}, -2, 14));
    return marginals;
  }

  @Test
  void quantilesOfABlockEqualTheQuantileOfEachValue() {
    double[] p = probabilities();
    for (Marginal marginal : marginals()) {
      double[] batch = new double[p.length + 3];
      marginal.quantiles(p, batch, p.length);
      for (int i = 0; i < p.length; i++) {
        assertThat(batch[i])
            .as("%s at p = %s", marginal.getClass().getSimpleName(), p[i])
            .isEqualTo(marginal.quantile(p[i]));
      }

      assertThat(batch[p.length]).as("writes nothing past n").isZero();
    }
  }

  @Test
  void aHistogramWithThousandsOfBinsKeepsItsShortcutExact() {
    // A year of hours: the bucket index over the probabilities grows with the bins, and must never
    // skip a bin.
    int bins = 8760;
    double[] edges = new double[bins + 1];
    double[] weights = new double[bins];
    for (int i = 0; i <= bins; i++) {
      edges[i] = i * 3_600_000_000.0;
    }

    for (int i = 0; i < bins; i++) {
      weights[i] = i % 24 < 6 ? 0.2 : 1 + (i % 7);
    }

    HistogramMarginal histogram = HistogramMarginal.of(edges, weights, "h");
    double[] p = probabilities();
    double[] batch = new double[p.length];
    histogram.quantiles(p, batch, p.length);
    for (int i = 0; i < p.length; i++) {
      double value = batch[i];
      int bin = (int) Math.min(bins - 1, Math.floor(value / 3_600_000_000.0));
      // The value lies in the bin whose cumulative interval holds p.
      double below = 0;
      double total = 0;
      for (double weight : weights) {
        total += weight;
      }

      for (int b = 0; b < bin; b++) {
        below += weights[b];
      }

      assertThat(p[i])
          .as("p of a value in bin %d", bin)
          .isBetween(below / total - 1e-9, (below + weights[bin]) / total + 1e-9);
    }
  }
}
