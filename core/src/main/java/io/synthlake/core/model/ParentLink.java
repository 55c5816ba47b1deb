package io.synthlake.core.model;

import io.synthlake.core.Errors;
import java.util.SplittableRandom;

/**
 * How a child row's mixture component depends on its parent row. The child table's components were clustered on the
 * child's normal scores joined with its parent's, so each child component has a typical parent; here each component
 * keeps, per parent copula column, the mean and variance of the parent's normal score among its children. A child is
 * drawn into component k with probability proportional to {@code weight[k] · Π_j N(z_j; mean[k][j], var[k][j])} for
 * its parent's scores z: parents of a kind get children of the kind their real counterparts had (the latent link
 * between tables that ClavaDDPM builds from Gaussian-mixture cluster labels).
 *
 * <p>Immutable. With one child component, or a parent without copula columns, the weights alone decide.
 */
public final class ParentLink {
  /** Variances below this are raised to it: a component whose parents all share one score must not be a spike. */
  public static final double MIN_VARIANCE = 0.01;

  private final double[] weights;
  private final double[][] means;
  private final double[][] variances;
  private final double[] logWeights;
  private final double[][] halfPrecisions;

  private ParentLink(double[] weights, double[][] means, double[][] variances) {
    this.weights = weights;
    this.means = means;
    this.variances = variances;
    int components = weights.length;
    this.logWeights = new double[components];
    this.halfPrecisions = new double[components][];
    for (int k = 0; k < components; k++) {
      double logWeight = Math.log(weights[k]);
      halfPrecisions[k] = new double[variances[k].length];
      for (int j = 0; j < variances[k].length; j++) {
        halfPrecisions[k][j] = 0.5 / variances[k][j];
        logWeight -= 0.5 * Math.log(variances[k][j]);
      }

      logWeights[k] = logWeight;
    }
  }

  /**
   * @param weights the child components' shares, positive, summing to 1
   * @param means {@code means[k][j]}: the mean normal score of parent copula column j among component k's children
   * @param variances likewise the variances, each at least {@link #MIN_VARIANCE}
   */
  public static ParentLink of(double[] weights, double[][] means, double[][] variances) {
    int components = weights.length;
    if (components == 0 || means.length != components || variances.length != components) {
      throw Errors.invalidModel("parent-link", "needs one weight, one mean vector and one variance vector per child "
          + "component");
    }

    double total = 0;
    for (int k = 0; k < components; k++) {
      if (!(weights[k] > 0) || means[k].length != means[0].length || variances[k].length != means[0].length) {
        throw Errors.invalidModel("parent-link", "component %d needs a positive weight and one mean and variance per "
            + "parent column", k);
      }

      for (int j = 0; j < means[k].length; j++) {
        if (!Double.isFinite(means[k][j]) || !(variances[k][j] >= MIN_VARIANCE) || variances[k][j] > 1e6) {
          throw Errors.invalidModel("parent-link", "component %d, parent column %d: the mean must be finite and the "
              + "variance in [%s, 1e6]", k, j, MIN_VARIANCE);
        }
      }

      total += weights[k];
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw Errors.invalidModel("parent-link", "the child components' weights must sum to 1, got %s", total);
    }

    return new ParentLink(weights.clone(), deepCopy(means), deepCopy(variances));
  }

  private static double[][] deepCopy(double[][] matrix) {
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }

    return copy;
  }

  /** Child components drawn by their weights alone, whatever the parent. */
  public static ParentLink unlinked(double[] weights) {
    double[][] none = new double[weights.length][0];
    return of(weights, none, none);
  }

  public int componentCount() {
    return weights.length;
  }

  /** The parent copula columns the link reads; 0 when the parent does not matter. */
  public int parentDimension() {
    return means[0].length;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double[] means(int component) {
    return means[component].clone();
  }

  public double[] variances(int component) {
    return variances[component].clone();
  }

  /**
   * Draws the components of {@code rows} children: child r's parent scores are {@code parentScores[j][parentRow[r]]}.
   * One uniform per child from {@code random}, consumed in order.
   *
   * @param scratch at least {@link #componentCount()} doubles
   */
  public void draw(double[][] parentScores, int[] parentRow, int rows, SplittableRandom random, int[] components,
      double[] scratch) {
    int count = weights.length;
    int dimension = parentDimension();
    for (int r = 0; r < rows; r++) {
      double u = random.nextDouble();
      if (count == 1) {
        components[r] = 0;
        continue;
      }

      int parent = parentRow[r];
      double best = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < count; k++) {
        double log = logWeights[k];
        double[] mean = means[k];
        double[] halfPrecision = halfPrecisions[k];
        for (int j = 0; j < dimension; j++) {
          double d = parentScores[j][parent] - mean[j];
          log -= d * d * halfPrecision[j];
        }

        scratch[k] = log;
        best = Math.max(best, log);
      }

      double total = 0;
      for (int k = 0; k < count; k++) {
        scratch[k] = Math.exp(scratch[k] - best);
        total += scratch[k];
      }

      double target = u * total;
      int chosen = count - 1;
      double cumulative = 0;
      for (int k = 0; k < count; k++) {
        cumulative += scratch[k];
        if (target < cumulative) {
          chosen = k;
          break;
        }
      }

      components[r] = chosen;
    }
  }
}
