package io.synthlake.core.marginal;

import io.synthlake.core.Errors;

/**
 * A histogram: bins between increasing edges, each with a weight, uniform inside a bin. Specs use
 * it for empirical histograms and for time ranges with hour-of-day and day-of-week weights (one bin
 * per hour).
 */
public final class HistogramMarginal implements Marginal {
  private final double[] edges;
  private final double[] weights;
  private final PiecewiseQuantile quantile;

  private HistogramMarginal(double[] edges, double[] weights) {
    this.edges = edges;
    this.weights = weights;
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }

    double[] p = new double[edges.length];
    double running = 0;
    for (int i = 1; i < edges.length; i++) {
      running += weights[i - 1] / total;
      p[i] = Math.min(1.0, running);
    }

    p[edges.length - 1] = 1.0;
    this.quantile = new PiecewiseQuantile(p, edges);
  }

  /**
   * {@code edges.length == weights.length + 1}; edges increasing, weights non-negative with a
   * positive sum.
   */
  public static HistogramMarginal of(double[] edges, double[] weights, String where) {
    if (edges.length < 2 || edges.length != weights.length + 1) {
      throw Errors.invalidPart(
          where,
          "edges",
          "a histogram needs n + 1 edges for n weights, got %d edges and %d weights",
          edges.length,
          weights.length);
    }

    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw Errors.invalidPart(
            where + ".weights[" + i + "]",
            "weights",
            "must be a finite number >= 0, got %s",
            weights[i]);
      }

      total += weights[i];
    }

    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i]) || i > 0 && !(edges[i] > edges[i - 1])) {
        throw Errors.invalidPart(
            where + ".edges[" + i + "]",
            "edges",
            "edges must be finite and increasing, got %s",
            edges[i]);
      }
    }

    if (!(total > 0)) {
      throw Errors.invalidPart(
          where + ".weights", "weights", "at least one weight must be positive");
    }

    return new HistogramMarginal(edges.clone(), weights.clone());
  }

  @Override
  public double quantile(double p) {
    return quantile.quantile(p);
  }

  @Override
  public void quantiles(double[] p, double[] out, int n) {
    quantile.quantiles(p, out, n);
  }

  @Override
  public double min() {
    return edges[0];
  }

  @Override
  public double max() {
    return edges[edges.length - 1];
  }

  public double[] edges() {
    return edges.clone();
  }

  public double[] weights() {
    return weights.clone();
  }
}
