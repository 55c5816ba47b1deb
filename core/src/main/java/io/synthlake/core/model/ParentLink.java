package io.synthlake.core.model;

import io.synthlake.core.Errors;
import java.util.SplittableRandom;

/**
 * How a child row's mixture component depends on its parent row. The child table's components were
 * clustered on the child's normal scores joined with its parent's, so each child component has a
 * typical parent (the latent link between tables that ClavaDDPM builds from Gaussian-mixture
 * cluster labels). Two things are kept:
 *
 * <ul>
 *   <li>{@code transitions[c][k]}: the share of children of parents in parent component c that are
 *       in child component k, which carries most of the dependence (premium parents' children come
 *       from premium children's components);
 *   <li>per child component k and parent copula column j, the mean and variance of the parent's
 *       normal score <em>within its own component</em> (the scores the parent's copula draws),
 *       which refines the choice inside a parent component (the richer of two premium parents gets
 *       the larger orders).
 * </ul>
 *
 * <p>A child of a parent in component c with scores z is drawn into component k with probability
 * proportional to {@code transitions[c][k] · Π_j N(z_j; mean[k][j], var[k][j])}. Immutable.
 */
public final class ParentLink {
  /**
   * Variances below this are raised to it: a component whose parents all share one score must not
   * be a spike.
   */
  public static final double MIN_VARIANCE = 0.01;

  private final double[][] transitions;
  private final double[][] means;
  private final double[][] variances;
  private final double[][] logTransitions;
  private final double[] logNorms;
  private final double[][] halfPrecisions;

  private ParentLink(double[][] transitions, double[][] means, double[][] variances) {
    this.transitions = transitions;
    this.means = means;
    this.variances = variances;
    int children = means.length;
    this.logTransitions = new double[transitions.length][children];
    for (int c = 0; c < transitions.length; c++) {
      for (int k = 0; k < children; k++) {
        logTransitions[c][k] = Math.log(transitions[c][k]);
      }
    }

    this.logNorms = new double[children];
    this.halfPrecisions = new double[children][];
    for (int k = 0; k < children; k++) {
      halfPrecisions[k] = new double[variances[k].length];
      for (int j = 0; j < variances[k].length; j++) {
        halfPrecisions[k][j] = 0.5 / variances[k][j];
        logNorms[k] -= 0.5 * Math.log(variances[k][j]);
      }
    }
  }

  /**
   * @param transitions {@code transitions[c][k]}: for parents in component c, the share of their
   *     children in child component k; each row at least 0 and summing to 1
   * @param means {@code means[k][j]}: the mean within-component normal score of parent copula
   *     column j among child component k's parents (no columns when the scores do not matter)
   * @param variances likewise the variances, each in [{@link #MIN_VARIANCE}, 1e6]
   */
  public static ParentLink of(double[][] transitions, double[][] means, double[][] variances) {
    int children = means.length;
    if (transitions.length == 0 || children == 0 || variances.length != children) {
      throw Errors.invalidModel(
          "parent-link",
          "needs a transition row per parent component and a mean and variance "
              + "vector per child component");
    }

    for (int c = 0; c < transitions.length; c++) {
      double total = 0;
      for (int k = 0; k < children; k++) {
        if (transitions[c].length != children || !(transitions[c][k] >= 0)) {
          throw Errors.invalidModel(
              "transitions", "row %d needs %d shares, each at least 0", c, children);
        }

        total += transitions[c][k];
      }

      if (Math.abs(total - 1) > 1e-6) {
        throw Errors.invalidModel("transitions", "row %d must sum to 1, got %s", c, total);
      }
    }

    for (int k = 0; k < children; k++) {
      if (means[k].length != means[0].length || variances[k].length != means[0].length) {
        throw Errors.invalidModel(
            "means", "child component %d needs one mean and one variance per parent column", k);
      }

      for (int j = 0; j < means[k].length; j++) {
        if (!Double.isFinite(means[k][j])
            || !(variances[k][j] >= MIN_VARIANCE)
            || variances[k][j] > 1e6) {
          throw Errors.invalidModel(
              "variances",
              "child component %d, parent column %d: the mean must be finite and "
                  + "the variance in [%s, 1e6]",
              k,
              j,
              MIN_VARIANCE);
        }
      }
    }

    return new ParentLink(deepCopy(transitions), deepCopy(means), deepCopy(variances));
  }

  private static double[][] deepCopy(double[][] matrix) {
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }

    return copy;
  }

  /**
   * Child components drawn by {@code weights} alone, whatever the parent (of {@code
   * parentComponents} components).
   */
  public static ParentLink unlinked(int parentComponents, double[] weights) {
    double[][] transitions = new double[parentComponents][];
    for (int c = 0; c < parentComponents; c++) {
      transitions[c] = weights.clone();
    }

    double[][] none = new double[weights.length][0];
    return of(transitions, none, none);
  }

  public int componentCount() {
    return means.length;
  }

  public int parentComponentCount() {
    return transitions.length;
  }

  /**
   * The parent copula columns whose scores the link reads; 0 when only the parent's component
   * matters.
   */
  public int parentDimension() {
    return means[0].length;
  }

  public double[] transitions(int parentComponent) {
    return transitions[parentComponent].clone();
  }

  public double[] means(int component) {
    return means[component].clone();
  }

  public double[] variances(int component) {
    return variances[component].clone();
  }

  /**
   * Draws the components of {@code rows} children: child r's parent is row {@code parentRow[r]}, in
   * component {@code parentComponents[parentRow[r]]} with scores {@code
   * parentScores[j][parentRow[r]]}. One uniform per child from {@code random}, consumed in order.
   *
   * @param scratch at least {@link #componentCount()} doubles
   */
  public void draw(
      int[] parentComponents,
      double[][] parentScores,
      int[] parentRow,
      int rows,
      SplittableRandom random,
      int[] components,
      double[] scratch) {
    int count = means.length;
    int lastParent = -1;
    int lastPositive = 0;
    for (int r = 0; r < rows; r++) {
      double u = random.nextDouble();
      if (count == 1) {
        components[r] = 0;
        continue;
      }

      // Children follow their parents' order, so each parent's weights are worked out once.
      int parent = parentRow[r];
      if (parent != lastParent) {
        lastPositive = cumulativeWeights(parentComponents[parent], parentScores, parent, scratch);
        lastParent = parent;
      }

      double target = u * scratch[count - 1];
      int low = 0;
      int high = lastPositive;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (scratch[middle] > target) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }

      components[r] = low;
    }
  }

  /**
   * Fills {@code cumulative} with the running sums of the child components' weights for a parent in
   * component {@code parentComponent} with scores {@code parentScores[j][parent]}; returns the last
   * component with a positive weight (where a draw rounding past the total lands).
   */
  private int cumulativeWeights(
      int parentComponent, double[][] parentScores, int parent, double[] cumulative) {
    int count = means.length;
    int dimension = parentDimension();
    double[] logTransition = logTransitions[parentComponent];
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      double log = logTransition[k];
      if (log != Double.NEGATIVE_INFINITY) {
        log += logNorms[k];
        double[] mean = means[k];
        double[] halfPrecision = halfPrecisions[k];
        for (int j = 0; j < dimension; j++) {
          double d = parentScores[j][parent] - mean[j];
          log -= d * d * halfPrecision[j];
        }
      }

      cumulative[k] = log;
      best = Math.max(best, log);
    }

    double total = 0;
    int lastPositive = 0;
    for (int k = 0; k < count; k++) {
      double weight = Math.exp(cumulative[k] - best);
      lastPositive = weight > 0 ? k : lastPositive;
      total += weight;
      cumulative[k] = total;
    }

    return lastPositive;
  }
}
