package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.math.Correlations;
import io.synthlake.core.math.Cumulative;
import io.synthlake.core.math.Normal;
import io.synthlake.core.math.Seeds;
import java.util.SplittableRandom;

/**
 * A mixture of Gaussian copulas with one categorical column's shares changed (rebalancing, such as
 * fraud from 1% to 10%) while every other column keeps its conditional distribution given that
 * column's value. A row draws its category from the target shares, then a component in proportion
 * to weight × the category's probability in it, then the column's normal score inside the
 * category's interval (exact, by inverse CDF), then the other scores from the Gaussian conditional
 * given that score. Each row consumes the same number of draws.
 */
public final class RebalancedMixture implements DependenceModel {
  private final GaussianCopulaMixture base;
  private final String column;
  private final int index;
  private final double[] targets;

  /**
   * The shares as given, kept so that a model file writes back what it read (targets hold them
   * times 1 - null share).
   */
  private final double[] shares;

  /**
   * lower[k][s], upper[k][s]: the uniform interval of slot s (0 = null, then categories) in
   * component k.
   */
  private final double[][] lower;

  private final double[][] upper;

  /** componentCumulative[s][k]: cumulative P(component k | slot s). */
  private final double[][] componentCumulative;

  private final double[][] slopes;
  private final double[][][] residualFactors;
  private final double[] targetCumulative;

  private RebalancedMixture(
      GaussianCopulaMixture base,
      String column,
      int index,
      CategoricalColumn categorical,
      double[] targets,
      double[] shares) {
    this.base = base;
    this.column = column;
    this.index = index;
    this.targets = targets;
    this.shares = shares.clone();
    int components = base.componentCount();
    int slots = targets.length;
    this.lower = new double[components][slots];
    this.upper = new double[components][slots];
    for (int k = 0; k < components; k++) {
      double[] ends = categorical.intervalEnds(k);
      for (int s = 0; s < slots; s++) {
        lower[k][s] = s == 0 ? 0 : ends[s - 1];
        upper[k][s] = ends[s];
      }
    }

    double[] weights = base.weights();
    this.componentCumulative = new double[slots][components];
    for (int s = 0; s < slots; s++) {
      double total = 0;
      for (int k = 0; k < components; k++) {
        total += weights[k] * (upper[k][s] - lower[k][s]);
      }

      double running = 0;
      for (int k = 0; k < components; k++) {
        running += total > 0 ? weights[k] * (upper[k][s] - lower[k][s]) / total : 0;
        componentCumulative[s][k] = running;
      }

      componentCumulative[s][components - 1] = Double.POSITIVE_INFINITY;
    }

    this.targetCumulative = new double[slots];
    double running = 0;
    for (int s = 0; s < slots; s++) {
      running += targets[s];
      targetCumulative[s] = running;
    }

    targetCumulative[slots - 1] = Double.POSITIVE_INFINITY;
    int d = base.dimension();
    this.slopes = new double[components][d];
    this.residualFactors = new double[components][][];
    for (int k = 0; k < components; k++) {
      double[][] r = base.correlation(k);
      double[][] residual = new double[d - 1][d - 1];
      for (int a = 0, ra = 0; a < d; a++) {
        if (a == index) {
          continue;
        }

        slopes[k][a] = r[a][index];
        for (int b = 0, rb = 0; b < d; b++) {
          if (b == index) {
            continue;
          }

          residual[ra][rb] = r[a][b] - r[a][index] * r[b][index];
          rb++;
        }

        ra++;
      }

      residualFactors[k] = Correlations.cholesky(Correlations.positiveDefiniteCovariance(residual));
    }
  }

  /**
   * @param index the column's position among the copula columns
   * @param shares target share of each category of the column, in its category order, summing to 1;
   *     the null share stays what the model gives
   */
  public static RebalancedMixture of(
      GaussianCopulaMixture base, CategoricalColumn categorical, int index, double[] shares) {
    String name = categorical.name();
    if (shares.length != categorical.categories().size()) {
      throw Errors.invalidColumn(
          name,
          "rebalance",
          "a rebalance needs one share per category (%d), got %d",
          categorical.categories().size(),
          shares.length);
    }

    double total = 0;
    for (double share : shares) {
      if (!(share >= 0)) {
        throw Errors.invalidColumn(
            name, "rebalance", "rebalance shares must be >= 0, got %s", share);
      }

      total += share;
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw Errors.invalidColumn(
          name, "rebalance", "rebalance shares must sum to 1, got %s", total);
    }

    double[] weights = base.weights();
    double nullShare = 0;
    for (int k = 0; k < weights.length; k++) {
      nullShare += weights[k] * categorical.nullShare(k);
    }

    double[] targets = new double[shares.length + 1];
    targets[0] = nullShare;
    for (int c = 0; c < shares.length; c++) {
      targets[c + 1] = (1 - nullShare) * shares[c];
      double mass = 0;
      for (int k = 0; k < weights.length; k++) {
        mass += weights[k] * (1 - categorical.nullShare(k)) * categorical.probabilities(k)[c];
      }

      if (shares[c] > 0 && mass <= 0) {
        throw Errors.invalidColumn(
            name,
            "rebalance",
            "category '%s' never occurs in the model, so it cannot be given a "
                + "share; give it 0",
            SynthlakeException.shown(categorical.categories().get(c)));
      }
    }

    return new RebalancedMixture(base, name, index, categorical, targets, shares);
  }

  public GaussianCopulaMixture base() {
    return base;
  }

  public String column() {
    return column;
  }

  /** Target shares of the non-null categories, in category order. */
  public double[] shares() {
    return shares.clone();
  }

  @Override
  public int dimension() {
    return base.dimension();
  }

  @Override
  public int componentCount() {
    return base.componentCount();
  }

  @Override
  public Sampler newSampler(int maxRows) {
    int d = dimension();
    double[] scores = new double[maxRows];
    double[][] normals = new double[Math.max(0, d - 1)][maxRows];
    return (seed, block, rows, needed, takesScores, components, uniforms) -> {
      long key = Seeds.blockKey(seed, block);
      // Per row: the rebalanced column's slot, then the component, then the column's uniform inside
      // its interval.
      SplittableRandom random = DependenceModel.componentRandom(key);
      double[] own = uniforms[index];
      for (int r = 0; r < rows; r++) {
        int slot = Cumulative.firstAbove(targetCumulative, 0, random.nextDouble());
        int k = Cumulative.firstAbove(componentCumulative[slot], 0, random.nextDouble());
        components[r] = k;
        own[r] = lower[k][slot] + random.nextDouble() * (upper[k][slot] - lower[k][slot]);
        scores[r] = Normal.quantile(own[r]);
      }

      // The other columns' residual normals, each from its column's own generator.
      for (int a = 0, ra = 0; a < d; a++) {
        if (a != index) {
          SplittableRandom columnRandom = DependenceModel.columnRandom(key, a);
          double[] out = normals[ra++];
          for (int r = 0; r < rows; r++) {
            out[r] = columnRandom.nextGaussian();
          }
        }
      }

      for (int a = 0, ra = 0; a < d; a++) {
        if (a == index) {
          continue;
        }

        if (needed[a]) {
          double[] out = uniforms[a];
          for (int r = 0; r < rows; r++) {
            int k = components[r];
            double[] row = residualFactors[k][ra];
            double value = slopes[k][a] * scores[r];
            for (int i = 0; i <= ra; i++) {
              value += row[i] * normals[i][r];
            }

            out[r] = takesScores[a] ? value : Normal.cdf(value);
          }
        }

        ra++;
      }
    };
  }
}
