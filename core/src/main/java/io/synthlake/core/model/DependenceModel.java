package io.synthlake.core.model;

import java.util.SplittableRandom;

/**
 * How the copula columns depend on each other: draws, for each row, a mixture component and one uniform per copula
 * column. Column models then map (component, uniform) to a value. The mixture of Gaussian copulas is the one
 * implementation today; richer ones (vine copulas inside each component) fit behind the same interface.
 */
public interface DependenceModel {
  /** Number of copula columns. */
  int dimension();

  /** Number of mixture components; column models hold one distribution per component. */
  int componentCount();

  /** A sampler bound to this model's shared, immutable state, with scratch space for {@code maxRows} rows. */
  Sampler newSampler(int maxRows);

  /** Draws rows of (component, uniforms); not thread-safe, one per task. */
  interface Sampler {
    /**
     * Fills {@code components[0..rows)} and {@code uniforms[column][0..rows)} from {@code random}. Row r's draws depend
     * only on the generator's state after rows 0..r-1, so a block's rows are fixed by (seed, block) alone.
     */
    void sample(SplittableRandom random, int rows, int[] components, double[][] uniforms);
  }
}
