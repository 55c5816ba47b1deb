package io.synthlake.core.model;

import io.synthlake.core.Errors;

/**
 * How the parent row a further foreign key picks depends on the child row, through their mixture
 * components: for each child component k, the shares of its rows whose referenced parent row is in
 * parent component c. A flight of a hub-to-hub kind goes to a hub destination, so the destination
 * depends on the flight and, through the flight's component, on its origin.
 *
 * <p>Generation proposes a parent row by {@link #popularity()}, the curve of children per parent
 * <em>within</em> a parent component, and accepts it with probability {@link #acceptance}: the
 * parent component's share for the child's component over its share of parent rows, scaled so the
 * likeliest component is always accepted. The accepted parents' components then follow the shares,
 * and a component favoured by children gets more children per parent, as in the data. Holds shares
 * only, never keys or rows.
 */
public final class KeyAffinity {
  /**
   * Proposals one child row may make; the last is kept, so a child component that favours a very
   * rare parent component leans to it without drawing for long.
   */
  public static final int MAX_TRIES = 64;

  private final double[][] shares;
  private final double[] parentWeights;
  private final Popularity popularity;
  private final double[][] acceptance;

  private KeyAffinity(double[][] shares, double[] parentWeights, Popularity popularity) {
    this.shares = shares;
    this.parentWeights = parentWeights;
    this.popularity = popularity;
    this.acceptance = new double[shares.length][parentWeights.length];
    for (int k = 0; k < shares.length; k++) {
      double most = 0;
      for (int c = 0; c < parentWeights.length; c++) {
        acceptance[k][c] = shares[k][c] / parentWeights[c];
        most = Math.max(most, acceptance[k][c]);
      }

      for (int c = 0; c < parentWeights.length; c++) {
        acceptance[k][c] /= most;
      }
    }
  }

  /**
   * @param shares {@code shares[k][c]}: among child component k's rows, the share whose parent is
   *     in parent component c; each row at least 0 and summing to 1
   * @param parentWeights the parent model's component weights, by which its rows are drawn
   * @param popularity the curve of children per parent within a parent component
   */
  public static KeyAffinity of(double[][] shares, double[] parentWeights, Popularity popularity) {
    if (shares.length == 0 || parentWeights.length < 2 || popularity == null) {
      throw Errors.invalidModel(
          "affinity",
          "needs a share row per child component, at least two parent component weights and "
              + "a popularity curve");
    }

    checkShares("parent-weights", parentWeights, parentWeights.length, true);
    for (double[] row : shares) {
      checkShares("shares", row, parentWeights.length, false);
    }

    double[][] copy = new double[shares.length][];
    for (int k = 0; k < shares.length; k++) {
      copy[k] = shares[k].clone();
    }

    return new KeyAffinity(copy, parentWeights.clone(), popularity);
  }

  private static void checkShares(String field, double[] shares, int size, boolean positive) {
    double total = 0;
    boolean valid = shares.length == size;
    for (int i = 0; valid && i < size; i++) {
      valid = positive ? shares[i] > 0 : shares[i] >= 0;
      total += shares[i];
    }

    if (!valid || Math.abs(total - 1) > 1e-6) {
      throw Errors.invalidModel(
          field,
          "needs %d shares, each %s, summing to 1; the model is inconsistent: fit it again",
          size,
          positive ? "above 0" : "at least 0");
    }
  }

  public int componentCount() {
    return shares.length;
  }

  public int parentComponentCount() {
    return parentWeights.length;
  }

  public double[] shares(int component) {
    return shares[component].clone();
  }

  public double[] parentWeights() {
    return parentWeights.clone();
  }

  public Popularity popularity() {
    return popularity;
  }

  /**
   * The chance that a parent row of {@code parentComponent}, proposed for a child of {@code
   * component}, is kept.
   */
  public double acceptance(int component, int parentComponent) {
    return acceptance[component][parentComponent];
  }
}
