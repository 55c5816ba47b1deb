package io.synthlake.core.fit;

import io.synthlake.core.model.ColumnModel;
import java.util.List;

/**
 * Fit-time state of one copula column: its score keys, and how to fit it inside one mixture
 * component.
 */
interface ColumnPlan {
  /** Keys whose order defines the column's normal scores (nulls lowest). */
  double[] scoreKeys();

  /**
   * Whether every row has the same score key (one value, or only nulls), so that the column's
   * scores are only jitter.
   */
  default boolean singleValued() {
    double[] keys = scoreKeys();
    for (double key : keys) {
      if (Double.compare(key, keys[0]) != 0) {
        return false;
      }
    }

    return true;
  }

  /** Fits the column's distribution over {@code rows} (row indexes into the sample). */
  Object fitComponent(int[] rows, long seed);

  /** The column model, given one {@link #fitComponent} result per component. */
  ColumnModel build(List<Object> components);
}
