package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.math.Correlations;
import io.synthlake.core.math.Cumulative;
import io.synthlake.core.math.Normal;
import io.synthlake.core.math.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A mixture of Gaussian copulas: component k is chosen with probability {@code weights[k]}, then
 * the row's normal scores are drawn with correlation matrix {@code correlations[k]} and mapped to
 * uniforms by Φ. One component is the plain Gaussian copula.
 */
public final class GaussianCopulaMixture implements DependenceModel {
  private final double[] weights;
  private final List<double[][]> correlations;
  private final Cumulative componentPicker;
  private final List<double[][]> factors;

  /** Per copula column: whether it correlates with no other in any component. */
  private final boolean[] alone;

  /** Per copula column that is not alone: how its score mixes the normals. */
  private final ScoreMix[] mixes;

  private GaussianCopulaMixture(double[] weights, List<double[][]> correlations) {
    this.weights = weights;
    this.correlations = correlations;
    double[] cumulativeWeights = new double[weights.length];
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      sum += weights[k];
      cumulativeWeights[k] = sum;
    }

    cumulativeWeights[weights.length - 1] = Double.POSITIVE_INFINITY;
    this.componentPicker = Cumulative.of(cumulativeWeights);
    this.factors =
        correlations.stream().map(Correlations::cholesky).collect(Collectors.toUnmodifiableList());
    List<SparseFactor> sparseFactors =
        factors.stream().map(SparseFactor::new).collect(Collectors.toUnmodifiableList());
    int d = factors.get(0).length;
    this.alone = new boolean[d];
    this.mixes = new ScoreMix[d];
    for (int j = 0; j < d; j++) {
      alone[j] = true;
      for (SparseFactor factor : sparseFactors) {
        alone[j] &= factor.independent[j];
      }

      mixes[j] = alone[j] ? null : new ScoreMix(sparseFactors, j);
    }
  }

  /**
   * @param weights component weights, positive, summing to 1
   * @param correlations one symmetric positive-definite matrix with unit diagonal per component,
   *     all of one dimension
   */
  public static GaussianCopulaMixture of(double[] weights, List<double[][]> correlations) {
    if (weights.length == 0 || weights.length != correlations.size()) {
      throw Errors.invalidModel(
          "correlation",
          "a copula mixture needs one correlation matrix per component weight, "
              + "got %d weights and %d matrices",
          weights.length,
          correlations.size());
    }

    double total = 0;
    for (double weight : weights) {
      if (!(weight > 0)) {
        throw Errors.invalidModel("weight", "component weights must be positive, got %s", weight);
      }

      total += weight;
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw Errors.invalidModel("weight", "component weights must sum to 1, got %s", total);
    }

    int dimension = correlations.get(0).length;
    for (double[][] matrix : correlations) {
      if (matrix.length != dimension) {
        throw Errors.invalidModel(
            "correlation",
            "every component's correlation matrix must be %d x %d",
            dimension,
            dimension);
      }

      for (int a = 0; a < dimension; a++) {
        if (matrix[a].length != dimension || Math.abs(matrix[a][a] - 1) > 1e-9) {
          throw Errors.invalidModel(
              "correlation", "correlation matrices must be square with a unit diagonal");
        }

        for (int b = 0; b < a; b++) {
          if (!(Math.abs(matrix[a][b] - matrix[b][a]) < 1e-9) || !(Math.abs(matrix[a][b]) <= 1)) {
            throw Errors.invalidModel(
                "correlation", "correlation matrices must be symmetric with entries in [-1, 1]");
          }
        }
      }

      try {
        Correlations.cholesky(matrix);
      } catch (IllegalArgumentException e) { // the factorization's own check
        throw Errors.invalidModel(
            e,
            "correlation",
            "every correlation matrix must be positive definite: weaken the "
                + "correlations that cannot hold together");
      }
    }

    return new GaussianCopulaMixture(
        weights.clone(),
        correlations.stream()
            .map(GaussianCopulaMixture::copy)
            .collect(Collectors.toUnmodifiableList()));
  }

  /** The plain Gaussian copula with independent columns. */
  public static GaussianCopulaMixture independent(int dimension) {
    double[][] identity = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      identity[i][i] = 1.0;
    }

    return of(new double[] {1.0}, List.<double[][]>of(identity));
  }

  @Override
  public int dimension() {
    return factors.get(0).length;
  }

  @Override
  public boolean scoresDrawnAlike(int column) {
    return !alone[column];
  }

  @Override
  public int componentCount() {
    return weights.length;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double[][] correlation(int component) {
    return copy(correlations.get(component));
  }

  private static double[][] copy(double[][] matrix) {
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }

    return copy;
  }

  @Override
  public void drawComponents(long seed, long block, int rows, int[] components) {
    if (weights.length == 1) {
      Arrays.fill(components, 0, rows, 0);
      return;
    }

    SplittableRandom random = DependenceModel.componentRandom(Seeds.blockKey(seed, block));
    for (int r = 0; r < rows; r++) {
      components[r] = componentPicker.firstAbove(random.nextDouble());
    }
  }

  @Override
  public Sampler newSampler(int maxRows) {
    int d = dimension();
    double[][] normals = new double[d][maxRows];
    return new Sampler() {
      @Override
      public void sample(
          long seed,
          long block,
          int rows,
          boolean[] needed,
          boolean[] scores,
          int[] components,
          double[][] uniforms) {
        draw(seed, block, rows, needed, scores, components, uniforms, false, normals);
      }

      @Override
      public void sampleGiven(
          long seed,
          long block,
          int rows,
          boolean[] needed,
          boolean[] scores,
          int[] components,
          double[][] uniforms) {
        draw(seed, block, rows, needed, scores, components, uniforms, true, normals);
      }
    };
  }

  private void draw(
      long seed,
      long block,
      int rows,
      boolean[] needed,
      boolean[] scores,
      int[] components,
      double[][] uniforms,
      boolean componentsGiven,
      double[][] normals) {
    int d = dimension();
    long key = Seeds.blockKey(seed, block);
    if (!componentsGiven) {
      drawComponents(seed, block, rows, components);
    }

    // A column independent of all others in every component draws its uniform (or normal score)
    // directly; the rest
    // draw a normal score each, mixed through the row's component's Cholesky factor and mapped to a
    // uniform by Φ
    // unless the column takes the score itself.
    for (int j = 0; j < d; j++) {
      if (alone[j] && !needed[j]) {
        continue;
      }

      SplittableRandom random = DependenceModel.columnRandom(key, j);
      if (alone[j] && scores[j]) {
        double[] out = uniforms[j];
        for (int r = 0; r < rows; r++) {
          out[r] = random.nextGaussian();
        }
      } else if (alone[j]) {
        double[] out = uniforms[j];
        for (int r = 0; r < rows; r++) {
          out[r] = random.nextDouble();
        }
      } else {
        double[] out = normals[j];
        for (int r = 0; r < rows; r++) {
          out[r] = random.nextGaussian();
        }
      }
    }

    for (int j = 0; j < d; j++) {
      if (alone[j] || !needed[j]) {
        continue;
      }

      double[] out = uniforms[j];
      mixes[j].mix(components, normals, out, rows);

      if (!scores[j]) {
        for (int r = 0; r < rows; r++) {
          out[r] = Normal.cdf(out[r]);
        }
      }
    }
  }

  /**
   * Row j of every component's Cholesky factor, by the columns non-zero in any of them (ascending):
   * out[r] is the sum over those columns of the row's component's entry times the column's normal
   * score. Summing column by column in ascending order adds exactly what a per-row sum over each
   * factor's own non-zero entries would, in the same order (the extra zero terms leave a sum
   * unchanged, bit for bit, as it is never -0), in loops without a per-row factor look-up; when all
   * components share the row (specs correlate every component alike) the loops vectorise.
   */
  private static final class ScoreMix {
    private final int[] columns;

    /** byComponent[i][k]: component k's entry for columns[i]. */
    private final double[][] byComponent;

    /** The entries when every component has the same, else null. */
    private final double[] shared;

    ScoreMix(List<SparseFactor> factors, int j) {
      TreeSet<Integer> union = new TreeSet<>();
      for (SparseFactor factor : factors) {
        for (int column : factor.columns[j]) {
          union.add(column);
        }
      }

      this.columns = union.stream().mapToInt(Integer::intValue).toArray();
      this.byComponent = new double[columns.length][factors.size()];
      boolean same = true;
      for (int k = 0; k < factors.size(); k++) {
        SparseFactor factor = factors.get(k);
        for (int e = 0; e < factor.columns[j].length; e++) {
          byComponent[Arrays.binarySearch(columns, factor.columns[j][e])][k] = factor.values[j][e];
        }
      }

      for (double[] entries : byComponent) {
        for (double entry : entries) {
          same &= entry == entries[0];
        }
      }

      this.shared =
          same ? Arrays.stream(byComponent).mapToDouble(entries -> entries[0]).toArray() : null;
    }

    void mix(int[] components, double[][] normals, double[] out, int rows) {
      Arrays.fill(out, 0, rows, 0.0);
      for (int i = 0; i < columns.length; i++) {
        double[] normal = normals[columns[i]];
        if (shared != null) {
          double entry = shared[i];
          for (int r = 0; r < rows; r++) {
            out[r] += entry * normal[r];
          }
        } else {
          double[] entries = byComponent[i];
          for (int r = 0; r < rows; r++) {
            out[r] += entries[components[r]] * normal[r];
          }
        }
      }
    }
  }

  /**
   * A Cholesky factor kept as its non-zero entries per row, with the columns that correlate with no
   * other marked: specs correlate a few columns and leave the rest independent, and those cost one
   * uniform each.
   */
  private static final class SparseFactor {
    private final boolean[] independent;
    private final int[][] columns;
    private final double[][] values;

    SparseFactor(double[][] factor) {
      int d = factor.length;
      this.independent = new boolean[d];
      this.columns = new int[d][];
      this.values = new double[d][];
      for (int j = 0; j < d; j++) {
        boolean alone = true;
        for (int i = 0; i < d; i++) {
          // Row j holds how j depends on earlier normals; column j how later rows depend on normal
          // j.
          alone &= i == j || factor[j][i] == 0 && factor[i][j] == 0;
        }

        independent[j] = alone;
        int count = 0;
        for (int i = 0; i <= j; i++) {
          count += factor[j][i] != 0 ? 1 : 0;
        }

        columns[j] = new int[count];
        values[j] = new double[count];
        for (int i = 0, next = 0; i <= j; i++) {
          if (factor[j][i] != 0) {
            columns[j][next] = i;
            values[j][next++] = factor[j][i];
          }
        }
      }
    }
  }
}
