package io.synthlake.core.model;

import io.synthlake.core.math.Seeds;
import java.util.SplittableRandom;

/**
 * How the copula columns depend on each other: draws, for each row, a mixture component and one
 * uniform per copula column. Column models then map (component, uniform) to a value. The mixture of
 * Gaussian copulas is the one implementation today; richer ones (vine copulas inside each
 * component) fit behind the same interface.
 */
public interface DependenceModel {
  /** Number of copula columns. */
  int dimension();

  /** Number of mixture components; column models hold one distribution per component. */
  int componentCount();

  /**
   * Whether copula column {@code column} draws the same score whether its uniform or its normal
   * score is asked for (the score then skips Φ and Φ⁻¹). Not so for a column drawn on its own,
   * whose uniform and score come from different draws.
   */
  default boolean scoresDrawnAlike(int column) {
    return false;
  }

  /**
   * A sampler bound to this model's shared, immutable state, with scratch space for {@code maxRows}
   * rows.
   */
  Sampler newSampler(int maxRows);

  /**
   * Fills {@code components[0..rows)} with the components {@link Sampler#sample} draws for block
   * {@code block}, without drawing the columns: what a row's component is, read again elsewhere.
   */
  default void drawComponents(long seed, long block, int rows, int[] components) {
    int d = dimension();
    newSampler(rows)
        .sample(seed, block, rows, new boolean[d], new boolean[d], components, new double[d][rows]);
  }

  /** Draws rows of (component, uniforms); not thread-safe, one per task. */
  interface Sampler {
    /**
     * Fills {@code components[0..rows)} and, for every copula column j with {@code needed[j]},
     * {@code uniforms[j][0..rows)} with the first {@code rows} rows of block {@code block}:
     * uniforms, or the standard normal scores z whose Φ(z) would be the uniforms for a column with
     * {@code scores[j]} (a column whose marginal is a transform of one normal; it then skips Φ and
     * Φ⁻¹). {@code scores} is fixed for a model, and a column's choice changes only its own draws.
     *
     * <p>Components and each column's draws come from generators of their own ({@link
     * #componentRandom}, {@link #columnRandom}), consumed row by row, so row r depends only on
     * (seed, block, r): neither on how many rows are drawn nor on which columns are needed. A
     * column that correlates with no other costs nothing when not needed.
     */
    void sample(
        long seed,
        long block,
        int rows,
        boolean[] needed,
        boolean[] scores,
        int[] components,
        double[][] uniforms);

    /**
     * Like {@link #sample}, for rows whose components are already chosen (a child table's, drawn
     * from its parents): {@code components[0..rows)} is read, not drawn, and the column draws are
     * those {@link #sample} would make.
     *
     * @throws UnsupportedOperationException when the model draws components jointly with a column
     *     (a rebalanced one)
     */
    default void sampleGiven(
        long seed,
        long block,
        int rows,
        boolean[] needed,
        boolean[] scores,
        int[] components,
        double[][] uniforms) {
      throw new UnsupportedOperationException(
          getClass().getSimpleName() + " draws its own components");
    }
  }

  /** The generator of a block's mixture components. */
  static SplittableRandom componentRandom(long blockKey) {
    return new SplittableRandom(Seeds.stream(blockKey, -1));
  }

  /**
   * The generator of copula column {@code column}'s draws in a block; streams below -1 are the
   * copula's own.
   */
  static SplittableRandom columnRandom(long blockKey, int column) {
    return new SplittableRandom(Seeds.stream(blockKey, -2 - column));
  }
}
