package io.synthlake.core.generate;

import io.synthlake.core.math.Correlations;
import io.synthlake.core.math.Cumulative;
import io.synthlake.core.math.Normal;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.DependenceModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import java.util.SplittableRandom;

/**
 * A mixture of Gaussian copulas conditioned on its rows falling in a box: each conditioned column's
 * uniform inside a union of intervals (per component), so its normal score inside their images. A
 * row draws its component in proportion to weight × the probability of the box in it, then the
 * conditioned scores from the truncated normal law, then every other score from the Gaussian
 * conditional given them.
 *
 * <p>One conditioned column is drawn exactly: the box's probability is the interval mass, the score
 * an inverse CDF inside the interval. Several are drawn by Genz's separation of variables (a
 * sequential draw inside the box) followed by {@link #GIBBS_SWEEPS} Gibbs sweeps of univariate
 * truncated normals, and the box's probability per component is Genz's estimate over {@link
 * #GENZ_POINTS} fixed-seed points (relative standard error well under 1% for a box of moderate
 * probability). Every row consumes the same number of draws from the block's component generator,
 * and each other column's normal comes from its own generator, as in the unconditioned mixture, so
 * row r is a function of (model, condition, seed, block, r) alone.
 */
final class ConditionedMixture implements DependenceModel {
  static final int GIBBS_SWEEPS = 4;
  static final int GENZ_POINTS = 1 << 14;
  private static final long GENZ_SEED = 0x6e6e_7a1b_3c5dL;

  private final int dimension;
  private final int componentCount;

  /** The conditioned copula columns, ascending. */
  private final int[] conditioned;

  /** [c][k]: conditioned column c's set of uniforms in component k, as {@link Intervals}. */
  private final double[][][] sets;

  /** [c][k]: the same set as normal scores. */
  private final double[][][] lows;

  private final double[][][] highs;

  /** [c][k]: cumulative masses of the set's intervals, for the exact one-column draw. */
  private final double[][][] cumulativeMass;

  private final double[] componentCumulative;

  /** [k]: the probability of the box in component k. */
  private final double[] boxProbability;

  private final double probability;
  private final int maxIntervals;

  /** [k]: the Cholesky factor of the conditioned columns' correlation. */
  private final double[][][] boxFactor;

  /** [k][c][j]: Gibbs mean coefficients; [k][c]: Gibbs standard deviation. */
  private final double[][][] gibbsCoefficients;

  private final double[][] gibbsSd;

  /** The other copula columns; those that correlate with no column in any component are alone. */
  private final int[] free;

  private final boolean[] freeAlone;

  /** [k][f][c]: how free (not alone) column f's score leans on the conditioned scores. */
  private final double[][][] slopes;

  /** [k][f][g]: the Cholesky factor of the free (not alone) columns' conditional covariance. */
  private final double[][][] residual;

  ConditionedMixture(GaussianCopulaMixture base, ColumnIntervals[] columns) {
    this.dimension = base.dimension();
    this.componentCount = base.componentCount();
    int m = columns.length;
    int components = componentCount;
    this.conditioned = new int[m];
    this.sets = new double[m][components][];
    this.lows = new double[m][components][];
    this.highs = new double[m][components][];
    this.cumulativeMass = new double[m][components][];
    int most = 1;
    for (int c = 0; c < m; c++) {
      conditioned[c] = columns[c].copula;
      for (int k = 0; k < components; k++) {
        double[] set = columns[c].sets[k];
        sets[c][k] = set;
        int count = set.length / 2;
        most = Math.max(most, count);
        lows[c][k] = new double[count];
        highs[c][k] = new double[count];
        cumulativeMass[c][k] = new double[count];
        double running = 0;
        for (int i = 0; i < count; i++) {
          lows[c][k][i] = score(set[2 * i]);
          highs[c][k][i] = score(set[2 * i + 1]);
          running += set[2 * i + 1] - set[2 * i];
          cumulativeMass[c][k][i] = running;
        }
      }
    }

    this.maxIntervals = most;
    this.boxFactor = new double[components][][];
    this.gibbsCoefficients = new double[components][m][m];
    this.gibbsSd = new double[components][m];
    boolean[] isConditioned = new boolean[dimension];
    for (int column : conditioned) {
      isConditioned[column] = true;
    }

    boolean[] alone = new boolean[dimension];
    int freeCount = 0;
    int linked = 0;
    for (int a = 0; a < dimension; a++) {
      alone[a] = true;
      for (int k = 0; k < components; k++) {
        double[][] r = base.correlation(k);
        for (int b = 0; b < dimension; b++) {
          alone[a] &= a == b || r[a][b] == 0;
        }
      }

      if (!isConditioned[a]) {
        freeCount++;
        linked += alone[a] ? 0 : 1;
      }
    }

    this.free = new int[freeCount];
    this.freeAlone = new boolean[freeCount];
    int[] linkedColumns = new int[linked];
    for (int a = 0, f = 0, l = 0; a < dimension; a++) {
      if (!isConditioned[a]) {
        free[f] = a;
        freeAlone[f++] = alone[a];
        if (!alone[a]) {
          linkedColumns[l++] = a;
        }
      }
    }

    this.slopes = new double[components][linked][m];
    this.residual = new double[components][][];
    double[] weights = base.weights();
    this.boxProbability = new double[components];
    for (int k = 0; k < components; k++) {
      double[][] r = base.correlation(k);
      double[][] box = new double[m][m];
      for (int c = 0; c < m; c++) {
        for (int j = 0; j < m; j++) {
          box[c][j] = r[conditioned[c]][conditioned[j]];
        }
      }

      boxFactor[k] = Correlations.cholesky(box);
      double[][] precision = inverse(boxFactor[k]);
      for (int c = 0; c < m; c++) {
        gibbsSd[k][c] = 1 / Math.sqrt(precision[c][c]);
        for (int j = 0; j < m; j++) {
          gibbsCoefficients[k][c][j] = c == j ? 0 : -precision[c][j] / precision[c][c];
        }
      }

      // The Gaussian conditional of the linked free scores given the conditioned ones.
      for (int f = 0; f < linked; f++) {
        for (int c = 0; c < m; c++) {
          double slope = 0;
          for (int j = 0; j < m; j++) {
            slope += r[linkedColumns[f]][conditioned[j]] * precision[j][c];
          }

          slopes[k][f][c] = slope;
        }
      }

      double[][] covariance = new double[linked][linked];
      for (int f = 0; f < linked; f++) {
        for (int g = 0; g < linked; g++) {
          double explained = 0;
          for (int c = 0; c < m; c++) {
            explained += slopes[k][f][c] * r[conditioned[c]][linkedColumns[g]];
          }

          covariance[f][g] = r[linkedColumns[f]][linkedColumns[g]] - explained;
        }
      }

      residual[k] =
          linked == 0
              ? new double[0][0]
              : Correlations.cholesky(Correlations.positiveDefiniteCovariance(covariance));
      boxProbability[k] = m == 1 ? last(cumulativeMass[0][k]) : genz(k);
    }

    double total = 0;
    for (int k = 0; k < components; k++) {
      total += weights[k] * boxProbability[k];
    }

    this.probability = total;
    this.componentCumulative = new double[components];
    double running = 0;
    int lastPositive = 0;
    for (int k = 0; k < components; k++) {
      running += total > 0 ? weights[k] * boxProbability[k] / total : 0;
      componentCumulative[k] = running;
      lastPositive = boxProbability[k] > 0 ? k : lastPositive;
    }

    // Rounding must never pick a component the box misses: the last one it meets takes the rest.
    for (int k = lastPositive; k < components; k++) {
      componentCumulative[k] = Double.POSITIVE_INFINITY;
    }
  }

  /** The probability of the box under the unconditioned mixture. */
  double probability() {
    return probability;
  }

  /** The probability of the box in component {@code k}. */
  double boxProbability(int k) {
    return boxProbability[k];
  }

  private static double last(double[] cumulative) {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  private static double score(double end) {
    return end <= 0
        ? Double.NEGATIVE_INFINITY
        : end >= 1 ? Double.POSITIVE_INFINITY : Normal.quantile(end);
  }

  /** (L Lᵀ)⁻¹ from the lower Cholesky factor L. */
  private static double[][] inverse(double[][] factor) {
    int m = factor.length;
    double[][] lInverse = new double[m][m];
    for (int c = 0; c < m; c++) {
      lInverse[c][c] = 1 / factor[c][c];
      for (int i = c + 1; i < m; i++) {
        double sum = 0;
        for (int j = c; j < i; j++) {
          sum += factor[i][j] * lInverse[j][c];
        }

        lInverse[i][c] = -sum / factor[i][i];
      }
    }

    double[][] result = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        double sum = 0;
        for (int i = Math.max(a, b); i < m; i++) {
          sum += lInverse[i][a] * lInverse[i][b];
        }

        result[a][b] = sum;
      }
    }

    return result;
  }

  /** Genz's separation-of-variables estimate of the box's probability in component k. */
  private double genz(int k) {
    for (double[][] column : lows) {
      if (column[k].length == 0) {
        // A column's terms never hold in this component.
        return 0;
      }
    }

    SplittableRandom random = new SplittableRandom(GENZ_SEED);
    Scratch scratch = new Scratch(conditioned.length, maxIntervals);
    double sum = 0;
    for (int n = 0; n < GENZ_POINTS; n++) {
      sum += sequential(k, random, scratch);
    }

    return sum / GENZ_POINTS;
  }

  /**
   * Draws the conditioned scores one after another inside the box, each from its normal given the
   * ones before, through the box's Cholesky factor (Genz's separation of variables); returns the
   * product of the masses met, whose mean is the box's probability. Leaves the scores in {@code
   * scratch.z}.
   */
  private double sequential(int k, SplittableRandom random, Scratch scratch) {
    int m = conditioned.length;
    double[][] factor = boxFactor[k];
    double product = 1;
    for (int c = 0; c < m; c++) {
      double mean = 0;
      for (int j = 0; j < c; j++) {
        mean += factor[c][j] * scratch.e[j];
      }

      double sd = factor[c][c];
      double pick = random.nextDouble();
      double v = random.nextDouble();
      double z =
          TruncatedNormal.draw(
              lows[c][k],
              highs[c][k],
              lows[c][k].length,
              mean,
              sd,
              pick,
              v,
              scratch.masses,
              scratch.chosen);
      double total = 0;
      for (int i = 0; i < lows[c][k].length; i++) {
        total += scratch.masses[3 * i];
      }

      product *= total;
      scratch.z[c] = z;
      scratch.interval[c] = scratch.chosen[0];
      scratch.e[c] = (z - mean) / sd;
    }

    return product;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int componentCount() {
    return componentCount;
  }

  @Override
  public Sampler newSampler(int maxRows) {
    return new BoxSampler(maxRows);
  }

  /** Draws rows inside the box, with scratch space for {@code maxRows} rows. */
  private final class BoxSampler implements Sampler {
    private final double[][] conditionedScores;
    private final double[][] conditionedUniforms;
    private final double[][] normals;
    private final Scratch scratch;

    BoxSampler(int maxRows) {
      int m = conditioned.length;
      this.conditionedScores = new double[m][maxRows];
      this.conditionedUniforms = new double[m][maxRows];
      this.normals = new double[slopes.length == 0 ? 0 : slopes[0].length][maxRows];
      this.scratch = new Scratch(m, maxIntervals);
    }

    @Override
    public void sample(
        long seed,
        long block,
        int rows,
        boolean[] needed,
        boolean[] scores,
        int[] components,
        double[][] uniforms) {
      draw(seed, block, rows, needed, scores, components, uniforms, false);
    }

    /**
     * Rows whose components are given (a child table's, drawn from its parents by a link that
     * weighs each component by its share of the box): each row's conditioned scores are drawn
     * inside the box in its component, which must hold part of it.
     */
    @Override
    public void sampleGiven(
        long seed,
        long block,
        int rows,
        boolean[] needed,
        boolean[] scores,
        int[] components,
        double[][] uniforms) {
      for (int r = 0; r < rows; r++) {
        if (!(boxProbability[components[r]] > 0)) {
          throw new IllegalStateException(
              "component " + components[r] + " holds none of the condition's box");
        }
      }

      draw(seed, block, rows, needed, scores, components, uniforms, true);
    }

    private void draw(
        long seed,
        long block,
        int rows,
        boolean[] needed,
        boolean[] takesScores,
        int[] components,
        double[][] uniforms,
        boolean given) {
      int m = conditioned.length;
      long key = Seeds.blockKey(seed, block);
      SplittableRandom random = DependenceModel.componentRandom(key);
      for (int r = 0; r < rows; r++) {
        // A given component still takes its draw, so every row consumes the same draws.
        double pick = random.nextDouble();
        int k = given ? components[r] : Cumulative.firstAbove(componentCumulative, 0, pick);
        components[r] = k;
        if (m == 1) {
          exact(k, random, r, conditionedScores[0], conditionedUniforms[0]);
        } else {
          gibbs(k, random, scratch);
          for (int c = 0; c < m; c++) {
            store(
                c, k, scratch.z[c], scratch.interval[c], r, conditionedScores, conditionedUniforms);
          }
        }
      }

      for (int c = 0; c < m; c++) {
        double[] out = uniforms[conditioned[c]];
        System.arraycopy(
            takesScores[conditioned[c]] ? conditionedScores[c] : conditionedUniforms[c],
            0,
            out,
            0,
            rows);
      }

      // The free columns: each draws from its own generator, as in the unconditioned mixture.
      for (int f = 0, l = 0; f < free.length; f++) {
        int a = free[f];
        SplittableRandom columnRandom = DependenceModel.columnRandom(key, a);
        if (freeAlone[f]) {
          if (needed[a]) {
            double[] out = uniforms[a];
            for (int r = 0; r < rows; r++) {
              out[r] = takesScores[a] ? columnRandom.nextGaussian() : columnRandom.nextDouble();
            }
          }

          continue;
        }

        double[] out = normals[l++];
        for (int r = 0; r < rows; r++) {
          out[r] = columnRandom.nextGaussian();
        }
      }

      for (int f = 0, l = 0; f < free.length; f++) {
        int a = free[f];
        if (freeAlone[f]) {
          continue;
        }

        int row = l++;
        if (!needed[a]) {
          continue;
        }

        double[] out = uniforms[a];
        for (int r = 0; r < rows; r++) {
          int k = components[r];
          double value = 0;
          double[] slope = slopes[k][row];
          for (int c = 0; c < m; c++) {
            value += slope[c] * conditionedScores[c][r];
          }

          double[] factor = residual[k][row];
          for (int g = 0; g <= row; g++) {
            value += factor[g] * normals[g][r];
          }

          out[r] = takesScores[a] ? value : Normal.cdf(value);
        }
      }
    }
  }

  /** The one conditioned column's draw, by inverse CDF inside its set. */
  private void exact(int k, SplittableRandom random, int r, double[] scores, double[] uniforms) {
    double[] cumulative = cumulativeMass[0][k];
    double pick = random.nextDouble() * cumulative[cumulative.length - 1];
    double v = random.nextDouble();
    int i = 0;
    while (i < cumulative.length - 1 && cumulative[i] <= pick) {
      i++;
    }

    while (i > 0 && cumulative[i] == cumulative[i - 1]) {
      i--;
    }

    double lo = sets[0][k][2 * i];
    double hi = sets[0][k][2 * i + 1];
    double u = TruncatedNormal.clamp(lo + v * (hi - lo), lo, hi);
    uniforms[r] = u;
    scores[r] = Normal.quantile(u);
  }

  /** Several conditioned columns: a sequential draw inside the box, then Gibbs sweeps. */
  private void gibbs(int k, SplittableRandom random, Scratch scratch) {
    int m = conditioned.length;
    sequential(k, random, scratch);
    double[][] coefficients = gibbsCoefficients[k];
    for (int sweep = 0; sweep < GIBBS_SWEEPS; sweep++) {
      for (int c = 0; c < m; c++) {
        double mean = 0;
        for (int j = 0; j < m; j++) {
          mean += coefficients[c][j] * scratch.z[j];
        }

        double pick = random.nextDouble();
        double v = random.nextDouble();
        scratch.z[c] =
            TruncatedNormal.draw(
                lows[c][k],
                highs[c][k],
                lows[c][k].length,
                mean,
                gibbsSd[k][c],
                pick,
                v,
                scratch.masses,
                scratch.chosen);
        scratch.interval[c] = scratch.chosen[0];
      }
    }
  }

  /**
   * Column c's score z, drawn in interval i of its set: its uniform is kept inside the interval
   * where Φ rounds.
   */
  private void store(int c, int k, double z, int i, int r, double[][] scores, double[][] uniforms) {
    scores[c][r] = z;
    uniforms[c][r] = TruncatedNormal.clamp(Normal.cdf(z), sets[c][k][2 * i], sets[c][k][2 * i + 1]);
  }

  private static final class Scratch {
    final double[] z;
    final double[] e;
    final int[] interval;
    final double[] masses;
    final int[] chosen = new int[1];

    Scratch(int m, int intervals) {
      this.z = new double[m];
      this.e = new double[m];
      this.interval = new int[m];
      this.masses = new double[3 * intervals];
    }
  }
}
