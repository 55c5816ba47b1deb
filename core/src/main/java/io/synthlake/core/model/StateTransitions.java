package io.synthlake.core.model;

import io.synthlake.core.Errors;
import java.util.Arrays;

/**
 * How a categorical column of a sequence moves from one row of an entity to the next: a Markov
 * chain over its states (state 0 is null, state c + 1 its category c, as {@link
 * CategoricalColumn#intervalEnds} slices them), one transition matrix per mixture component. A
 * matrix has a row per state and one more, the {@link #FIRST} row: the state of an entity's first
 * row (an account opens before it is active). Each row's state is drawn from its row of the matrix
 * by the copula's uniform, so the column still moves with the row's other columns. Immutable.
 */
public final class StateTransitions {
  /** The most states a chain may have: its matrices grow with their square. */
  public static final int MAX_STATES = 65;

  /** The row of a matrix that an entity's first row draws from, past the states' rows. */
  public static final int FIRST = -1;

  private final double[][][] byComponent;

  /** cumulative[k][from][to]: the running sums of each matrix row, its last 1. */
  private final double[][][] cumulative;

  private StateTransitions(double[][][] byComponent, double[][][] cumulative) {
    this.byComponent = byComponent;
    this.cumulative = cumulative;
  }

  /**
   * The chain with {@code byComponent[k][from][to]}, the probability that a row of component k in
   * state {@code from} is followed by one in state {@code to}, and {@code byComponent[k][states]}
   * the first row's state; each matrix of one size, states + 1 rows of states, each row
   * non-negative and summing to 1.
   */
  public static StateTransitions of(double[][][] byComponent) {
    if (byComponent.length == 0) {
      throw Errors.invalidModel("transitions", "a chain needs a matrix per component, got none");
    }

    int states = byComponent[0].length - 1;
    if (states < 2 || states > MAX_STATES) {
      throw Errors.invalidModel(
          "transitions", "a chain has 2 to %d states, got %d", MAX_STATES, states);
    }

    double[][][] copy = new double[byComponent.length][][];
    double[][][] cumulative = new double[byComponent.length][states + 1][states];
    for (int k = 0; k < byComponent.length; k++) {
      if (byComponent[k].length != states + 1) {
        throw Errors.invalidModel(
            "transitions",
            "component %d's matrix has %d rows, component 0's %d; every matrix has one row per "
                + "state and one for the first row",
            k,
            byComponent[k].length,
            states + 1);
      }

      copy[k] = new double[states + 1][];
      for (int from = 0; from <= states; from++) {
        double[] row = byComponent[k][from];
        double sum = 0;
        for (double p : row) {
          if (!(p >= 0) || Double.isInfinite(p)) {
            sum = Double.NaN;
            break;
          }

          sum += p;
        }

        if (row.length != states || !(Math.abs(sum - 1) < 1e-6)) {
          throw Errors.invalidModel(
              "transitions",
              "component %d's row %d is %s: a row holds one probability per state, each at "
                  + "least 0, summing to 1; fit the model again",
              k,
              from,
              Arrays.toString(row));
        }

        copy[k][from] = row.clone();
        double running = 0;
        for (int to = 0; to < states; to++) {
          running += row[to] / sum;
          cumulative[k][from][to] = running;
        }

        cumulative[k][from][states - 1] = 1;
      }
    }

    return new StateTransitions(copy, cumulative);
  }

  public int states() {
    return byComponent[0].length - 1;
  }

  public int componentCount() {
    return byComponent.length;
  }

  /** Component {@code component}'s matrix, {@code [from][to]}, the first row's last. */
  public double[][] matrix(int component) {
    double[][] copy = new double[states() + 1][];
    for (int from = 0; from < copy.length; from++) {
      copy[from] = byComponent[component][from].clone();
    }

    return copy;
  }

  /**
   * The state after {@code from} ({@link #FIRST} for an entity's first row) in component {@code
   * component} at uniform {@code u}.
   */
  public int next(int component, int from, double u) {
    double[] running = cumulative[component][row(from)];
    int to = 0;
    while (to < running.length - 1 && running[to] <= u) {
      to++;
    }

    return to;
  }

  /** The share of {@code next}'s row below state {@code to}: where its interval starts. */
  public double below(int component, int from, int to) {
    return to == 0 ? 0 : cumulative[component][row(from)][to - 1];
  }

  /**
   * The state a uniform {@code u} stands for under a component's {@link
   * CategoricalColumn#intervalEnds}: 0 for null, c + 1 for category c.
   */
  public static int stateOf(double[] intervalEnds, double u) {
    for (int s = 0; s < intervalEnds.length - 1; s++) {
      if (u < intervalEnds[s]) {
        return s;
      }
    }

    return intervalEnds.length - 1;
  }

  private int row(int from) {
    return from == FIRST ? states() : from;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateTransitions that
        && Arrays.deepEquals(byComponent, that.byComponent);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(byComponent);
  }

  @Override
  public String toString() {
    return "StateTransitions[" + states() + " states, " + componentCount() + " components]";
  }
}
