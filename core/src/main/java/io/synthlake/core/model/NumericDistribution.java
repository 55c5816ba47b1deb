package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.marginal.Marginal;

/**
 * A numeric column inside one mixture component: the share of nulls and the marginal of the rest.
 */
public record NumericDistribution(double nullShare, Marginal marginal) {
  /** {@code marginal} may be null only when every value is null ({@code nullShare == 1}). */
  public NumericDistribution {
    if (!(nullShare >= 0 && nullShare <= 1) || marginal == null && nullShare < 1) {
      throw Errors.invalidModel(
          "null-share",
          "null share must be in [0, 1] and a marginal is needed unless all is "
              + "null, got null share %s %s a marginal",
          nullShare,
          marginal == null ? "without" : "with");
    }
  }

  /** The same as the canonical constructor. */
  public static NumericDistribution of(double nullShare, Marginal marginal) {
    return new NumericDistribution(nullShare, marginal);
  }
}
