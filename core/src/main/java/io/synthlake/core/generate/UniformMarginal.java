package io.synthlake.core.generate;

import io.synthlake.core.marginal.Marginal;

/**
 * A marginal that takes uniforms only: a conditioned column's values must be a monotone map of its
 * uniform, for its conditions to be intervals of it. A marginal that takes normal scores maps a
 * score beyond its truncation bounds through a fresh uniform (see {@code ParametricMarginal}),
 * which is exact in law but not monotone; its quantile is both.
 */
final class UniformMarginal implements Marginal {
  private final Marginal marginal;

  UniformMarginal(Marginal marginal) {
    this.marginal = marginal;
  }

  @Override
  public double quantile(double p) {
    return marginal.quantile(p);
  }

  @Override
  public void quantiles(double[] p, double[] out, int n) {
    marginal.quantiles(p, out, n);
  }

  @Override
  public double min() {
    return marginal.min();
  }

  @Override
  public double max() {
    return marginal.max();
  }
}
