package io.synthlake.core.fit;

import io.synthlake.core.math.Normal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.StateTransitions;

/**
 * Fits a sequence's categorical column as a Markov chain ({@link StateTransitions}) when its state
 * depends on the previous row's: the chain is kept when its log-likelihood beats independent draws
 * by the Bayesian information criterion's penalty for its (states − 1)² extra parameters. Each
 * component's matrix is its own transition counts shrunk towards the pooled matrix (worth {@link
 * #COMPONENT_PRIOR} pairs), so that a state a component sees rarely still moves on as the others'
 * do; the pooled matrix keeps the moves the data never make impossible.
 */
final class TransitionFitting {
  static final double COMPONENT_PRIOR = 20;

  /** The fewest consecutive pairs a chain is fitted on. */
  static final int MIN_PAIRS = 50;

  private TransitionFitting() {}

  /**
   * The chain of {@code column} along the entities' rows, or null when it has too many states, too
   * few pairs, or its rows do not depend on the previous row's.
   *
   * @param scores the rows' within-component normal scores of the column, rows in sequence order
   * @param components each row's mixture component
   * @param parentRows each row's entity
   */
  static StateTransitions fit(
      CategoricalColumn column, double[] scores, int[] components, int[] parentRows) {
    int states = column.categories().size() + 1;
    int count = column.componentCount();
    if (states > StateTransitions.MAX_STATES || scores.length < 2) {
      return null;
    }

    double[][] ends = new double[count][];
    for (int k = 0; k < count; k++) {
      ends[k] = column.intervalEnds(k);
    }

    int[] state = new int[scores.length];
    for (int r = 0; r < scores.length; r++) {
      state[r] = StateTransitions.stateOf(ends[components[r]], Normal.cdf(scores[r]));
    }

    // Row `states` of each matrix counts the entities' first rows.
    double[][][] byComponent = new double[count][states + 1][states];
    double[][] pooled = new double[states + 1][states];
    double[] shares = new double[states];
    long pairs = 0;
    for (int r = 0; r < scores.length; r++) {
      if (r == 0 || parentRows[r] != parentRows[r - 1]) {
        byComponent[components[r]][states][state[r]]++;
        pooled[states][state[r]]++;
      } else {
        byComponent[components[r]][state[r - 1]][state[r]]++;
        pooled[state[r - 1]][state[r]]++;
        shares[state[r]]++;
        pairs++;
      }
    }

    if (pairs < MIN_PAIRS) {
      return null;
    }

    double dependent = 0;
    double independent = 0;
    for (int from = 0; from < states; from++) {
      double fromCount = sum(pooled[from]);
      for (int to = 0; to < states; to++) {
        double n = pooled[from][to];
        if (n > 0) {
          dependent += n * Math.log(n / fromCount);
          independent += n * Math.log(shares[to] / pairs);
        }
      }
    }

    int used = 0;
    for (double share : shares) {
      used += share > 0 ? 1 : 0;
    }

    double penalty = 0.5 * (used - 1) * (used - 1) * Math.log(pairs);
    if (used < 2 || dependent - independent <= penalty) {
      return null;
    }

    for (int to = 0; to < states; to++) {
      shares[to] /= pairs;
    }

    // A state the data leave only for some states keeps to those: a team that never changes
    // division must not drift into another one. A state never seen as a "from" takes the shares.
    double[][] pooledRows = new double[states + 1][states];
    for (int from = 0; from <= states; from++) {
      double fromCount = sum(pooled[from]);
      for (int to = 0; to < states; to++) {
        pooledRows[from][to] = fromCount > 0 ? pooled[from][to] / fromCount : shares[to];
      }
    }

    for (int k = 0; k < count; k++) {
      for (int from = 0; from <= states; from++) {
        double fromCount = sum(byComponent[k][from]);
        for (int to = 0; to < states; to++) {
          byComponent[k][from][to] =
              (byComponent[k][from][to] + COMPONENT_PRIOR * pooledRows[from][to])
                  / (fromCount + COMPONENT_PRIOR);
        }
      }
    }

    return StateTransitions.of(byComponent);
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }

    return sum;
  }
}
