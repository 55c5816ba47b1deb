package io.synthlake.core.marginal;

/**
 * The distribution of a numeric column's non-null values inside one mixture component, as a
 * quantile function. Values are epoch days for dates and epoch microseconds for timestamps.
 * Implementations are immutable.
 */
public interface Marginal {
  /**
   * The value at probability {@code p} in [0, 1]: the inverse CDF, with point masses as flat
   * stretches.
   */
  double quantile(double p);

  /**
   * {@link #quantile} of {@code p[0..n)} into {@code out[0..n)}, exactly. The generation path calls
   * this once per block and column, so implementations that override it run a loop the JIT compiles
   * for them alone.
   */
  default void quantiles(double[] p, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = quantile(p[i]);
    }
  }

  /**
   * Whether {@link #fromNormalScores} applies: the marginal is a transform of one standard normal,
   * so a copula can hand it the normal score z itself and save the Φ that makes a uniform and the
   * Φ⁻¹ that undoes it.
   */
  default boolean takesNormalScores() {
    return false;
  }

  /**
   * The value of each standard normal score {@code z[0..n)} into {@code out[0..n)}: in law, {@code
   * quantile(Φ(z))}. Each value depends on its own score alone, never on the batch it came in
   * (generation batches rows as it likes). Only for marginals whose {@link #takesNormalScores} is
   * true.
   */
  default void fromNormalScores(double[] z, double[] out, int n) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " takes uniforms, not normal scores");
  }

  /** Smallest value the marginal can produce. */
  double min();

  /** Largest value the marginal can produce. */
  double max();
}
