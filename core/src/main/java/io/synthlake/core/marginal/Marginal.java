package io.synthlake.core.marginal;

/**
 * The distribution of a numeric column's non-null values inside one mixture component, as a quantile function. Values
 * are epoch days for dates and epoch microseconds for timestamps. Implementations are immutable.
 */
public interface Marginal {
  /** The value at probability {@code p} in [0, 1]: the inverse CDF, with point masses as flat stretches. */
  double quantile(double p);

  /** Smallest value the marginal can produce. */
  double min();

  /** Largest value the marginal can produce. */
  double max();
}
