package io.synthlake.core.fit;

/**
 * A Gaussian mixture's density, for scoring held-out rows and labelling every sampled row in the
 * driver: each component's covariance is factored once, so a row costs a triangular solve per
 * component rather than a Spark job or a library call per row. It also builds the mixture that EM
 * starts from, out of a hard clustering (k-means labels).
 */
public final class MixtureDensity {
  /** Added to covariance diagonals that are not positive definite, then grown until they are. */
  private static final double JITTER = 1e-6;

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final double[] weights;
  private final double[][] means;
  private final double[][] covariances;
  private final double[][][] factors;
  private final double[] logNormalizers;

  private MixtureDensity(double[] weights, double[][] means, double[][][] covariances) {
    int k = weights.length;
    this.weights = weights.clone();
    this.means = new double[k][];
    this.covariances = new double[k][];
    this.factors = new double[k][][];
    this.logNormalizers = new double[k];
    for (int c = 0; c < k; c++) {
      int d = means[c].length;
      this.means[c] = means[c].clone();
      this.covariances[c] = flatten(covariances[c]);
      factors[c] = cholesky(covariances[c]);
      double logDeterminant = 0;
      for (int j = 0; j < d; j++) {
        logDeterminant += 2 * Math.log(factors[c][j][j]);
      }

      logNormalizers[c] = Math.log(weights[c]) - 0.5 * (d * LOG_2PI + logDeterminant);
    }
  }

  /**
   * @param weights component weights, summing to 1
   * @param means {@code [component][dimension]}
   * @param covariances {@code [component][dimension][dimension]}, symmetric
   */
  public static MixtureDensity of(double[] weights, double[][] means, double[][][] covariances) {
    if (weights.length == 0
        || means.length != weights.length
        || covariances.length != weights.length) {
      throw new IllegalArgumentException(
          "a mixture needs one mean and one covariance per weight, and at least one weight");
    }

    return new MixtureDensity(weights, means, covariances);
  }

  /**
   * The mixture with one component per label in [0, {@code labels}): each component's share, mean
   * and covariance of its rows, the covariance shrunk towards the pooled one by {@code d + 1}
   * pseudo-rows so that a small cluster still has a full-rank start. Labels with no rows are left
   * out.
   *
   * @param rows {@code [row][dimension]}
   */
  public static MixtureDensity fromLabels(double[][] rows, int[] labels, int labelCount) {
    int n = rows.length;
    int d = rows[0].length;
    int[] counts = new int[labelCount];
    double[][] sums = new double[labelCount][d];
    for (int r = 0; r < n; r++) {
      counts[labels[r]]++;
      for (int j = 0; j < d; j++) {
        sums[labels[r]][j] += rows[r][j];
      }
    }

    double[][] pooled = covariance(rows, null, -1, mean(sums, counts, n));
    int used = 0;
    for (int count : counts) {
      used += count > 0 ? 1 : 0;
    }

    double[] weights = new double[used];
    double[][] means = new double[used][];
    double[][][] covariances = new double[used][][];
    int c = 0;
    for (int label = 0; label < labelCount; label++) {
      if (counts[label] == 0) {
        continue;
      }

      double[] mean = new double[d];
      for (int j = 0; j < d; j++) {
        mean[j] = sums[label][j] / counts[label];
      }

      double[][] own = covariance(rows, labels, label, mean);
      double prior = d + 1.0;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          own[a][b] = (own[a][b] * counts[label] + pooled[a][b] * prior) / (counts[label] + prior);
        }
      }

      weights[c] = (double) counts[label] / n;
      means[c] = mean;
      covariances[c] = own;
      c++;
    }

    return new MixtureDensity(weights, means, covariances);
  }

  /** One Gaussian fitted to all the rows: the one-component baseline. */
  public static MixtureDensity single(double[][] rows) {
    return fromLabels(rows, new int[rows.length], 1);
  }

  public int components() {
    return weights.length;
  }

  public double weight(int component) {
    return weights[component];
  }

  public double[] mean(int component) {
    return means[component].clone();
  }

  /** The component's covariance, column-major (symmetric, so row-major too). */
  public double[] covariance(int component) {
    return covariances[component].clone();
  }

  /** Log density of the row under the mixture. */
  public double logDensity(double[] row) {
    double[] terms = new double[weights.length];
    double max = Double.NEGATIVE_INFINITY;
    double[] work = new double[row.length];
    for (int c = 0; c < weights.length; c++) {
      terms[c] = logTerm(c, row, work);
      max = Math.max(max, terms[c]);
    }

    double sum = 0;
    for (double term : terms) {
      sum += Math.exp(term - max);
    }

    return max + Math.log(sum);
  }

  /** Sum of the rows' log densities. */
  public double logLikelihood(double[][] rows) {
    double total = 0;
    for (double[] row : rows) {
      total += logDensity(row);
    }

    return total;
  }

  /** The component of highest posterior probability for the row. */
  public int label(double[] row) {
    double[] work = new double[row.length];
    int best = 0;
    double bestTerm = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < weights.length; c++) {
      double term = logTerm(c, row, work);
      if (term > bestTerm) {
        bestTerm = term;
        best = c;
      }
    }

    return best;
  }

  /**
   * log(weight · density) of a component: its normaliser less half the squared whitened distance.
   */
  private double logTerm(int c, double[] row, double[] work) {
    double[][] l = factors[c];
    double[] mean = means[c];
    double squared = 0;
    for (int i = 0; i < row.length; i++) {
      double sum = row[i] - mean[i];
      double[] line = l[i];
      for (int j = 0; j < i; j++) {
        sum -= line[j] * work[j];
      }

      work[i] = sum / line[i];
      squared += work[i] * work[i];
    }

    return logNormalizers[c] - 0.5 * squared;
  }

  private static double[] mean(double[][] sums, int[] counts, int n) {
    double[] mean = new double[sums[0].length];
    for (double[] sum : sums) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += sum[j] / n;
      }
    }

    return mean;
  }

  /** Covariance of the rows with the label ({@code labels == null}: all rows) about the mean. */
  private static double[][] covariance(double[][] rows, int[] labels, int label, double[] mean) {
    int d = mean.length;
    double[][] covariance = new double[d][d];
    int count = 0;
    double[] centred = new double[d];
    for (int r = 0; r < rows.length; r++) {
      if (labels != null && labels[r] != label) {
        continue;
      }

      count++;
      for (int j = 0; j < d; j++) {
        centred[j] = rows[r][j] - mean[j];
      }

      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          covariance[a][b] += centred[a] * centred[b];
        }
      }
    }

    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        covariance[a][b] /= Math.max(1, count);
        covariance[b][a] = covariance[a][b];
      }
    }

    return covariance;
  }

  /** Lower Cholesky factor, with diagonal jitter grown until the matrix factors. */
  private static double[][] cholesky(double[][] m) {
    int d = m.length;
    double jitter = 0;
    while (true) {
      double[][] l = new double[d][d];
      boolean ok = true;
      for (int i = 0; i < d && ok; i++) {
        for (int j = 0; j <= i; j++) {
          double sum = m[i][j] + (i == j ? jitter : 0);
          for (int k = 0; k < j; k++) {
            sum -= l[i][k] * l[j][k];
          }

          if (i == j) {
            if (!(sum > 0)) {
              ok = false;
              break;
            }

            l[i][i] = Math.sqrt(sum);
          } else {
            l[i][j] = sum / l[j][j];
          }
        }
      }

      if (ok) {
        return l;
      }

      jitter = jitter == 0 ? JITTER : jitter * 10;
      if (jitter > 1e6) {
        throw new IllegalArgumentException("covariance matrix is not finite: " + m[0][0]);
      }
    }
  }

  private static double[] flatten(double[][] m) {
    int d = m.length;
    double[] flat = new double[d * d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        flat[b * d + a] = m[a][b];
      }
    }

    return flat;
  }
}
