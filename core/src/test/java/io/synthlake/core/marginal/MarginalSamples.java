package io.synthlake.core.marginal;

import java.util.SplittableRandom;

/** Draws from a marginal by inverse transform with a fixed seed, for the marginal tests. */
final class MarginalSamples {
  private MarginalSamples() {}

  static double[] draw(Marginal marginal, int n) {
    SplittableRandom random = new SplittableRandom(1);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = marginal.quantile(random.nextDouble());
    }

    return values;
  }
}
