package io.synthlake.core.model;

import io.synthlake.core.marginal.Marginal;

/** A numeric column inside one mixture component: the share of nulls and the marginal of the rest. */
public final class NumericDistribution {
  private final double nullShare;
  private final Marginal marginal;

  private NumericDistribution(double nullShare, Marginal marginal) {
    this.nullShare = nullShare;
    this.marginal = marginal;
  }

  /** {@code marginal} may be null only when every value is null ({@code nullShare == 1}). */
  public static NumericDistribution of(double nullShare, Marginal marginal) {
    if (!(nullShare >= 0 && nullShare <= 1) || marginal == null && nullShare < 1) {
      throw new IllegalArgumentException("null share must be in [0, 1] and a marginal is needed unless all is null");
    }

    return new NumericDistribution(nullShare, marginal);
  }

  public double nullShare() {
    return nullShare;
  }

  public Marginal marginal() {
    return marginal;
  }
}
