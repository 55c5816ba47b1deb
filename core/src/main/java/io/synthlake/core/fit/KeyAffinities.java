package io.synthlake.core.fit;

import io.synthlake.core.model.KeyAffinity;
import io.synthlake.core.model.Popularity;

/** Learns a further foreign key's {@link KeyAffinity} from the fitted rows of both tables. */
final class KeyAffinities {
  /**
   * Rows' worth of the overall shares mixed into each child component's shares, so that a parent
   * component that a small child component happened not to meet in the sample stays possible.
   */
  private static final double PRIOR_ROWS = 1;

  private KeyAffinities() {}

  /**
   * @param components each kept child row's component
   * @param componentCount the child model's components
   * @param parentOf each kept child row's parent among the parent's kept rows, or -1
   * @param parentComponents each kept parent row's component
   * @param parentWeights the parent model's component weights
   * @param inDegrees each kept parent row's children
   */
  static KeyAffinity fit(
      int[] components,
      int componentCount,
      int[] parentOf,
      int[] parentComponents,
      double[] parentWeights,
      long[] inDegrees) {
    int parentCount = parentWeights.length;
    double[][] counts = new double[componentCount][parentCount];
    double[] rows = new double[componentCount];
    double[] overall = new double[parentCount];
    for (int r = 0; r < parentOf.length; r++) {
      if (parentOf[r] >= 0) {
        int c = parentComponents[parentOf[r]];
        counts[components[r]][c]++;
        rows[components[r]]++;
        overall[c]++;
      }
    }

    normalize(overall);
    double[][] shares = new double[componentCount][parentCount];
    for (int k = 0; k < componentCount; k++) {
      for (int c = 0; c < parentCount; c++) {
        shares[k][c] = (counts[k][c] + PRIOR_ROWS * overall[c]) / (rows[k] + PRIOR_ROWS);
      }
    }

    // The acceptance step multiplies a component's children per parent by its share of children
    // over its share of parents: the curve is fitted on degrees divided by that factor, so that
    // the spread between components is not counted twice.
    double[] parentShares = new double[parentCount];
    for (int component : parentComponents) {
      parentShares[component]++;
    }

    normalize(parentShares);
    double[] withinComponent = new double[inDegrees.length];
    for (int p = 0; p < inDegrees.length; p++) {
      int c = parentComponents[p];
      withinComponent[p] = inDegrees[p] == 0 ? 0 : inDegrees[p] * parentShares[c] / overall[c];
    }

    return KeyAffinity.of(shares, parentWeights, Popularity.fit(withinComponent));
  }

  private static void normalize(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
    }

    for (int i = 0; i < values.length; i++) {
      values[i] /= total;
    }
  }
}
