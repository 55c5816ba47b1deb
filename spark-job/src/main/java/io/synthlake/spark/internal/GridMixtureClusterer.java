package io.synthlake.spark.internal;

import io.synthlake.core.fit.ScoreClusterer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.distribution.MultivariateGaussian;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clusters the normal scores of tables of at most {@link
 * io.synthlake.core.fit.ScoreProjection#MAX_DIMENSIONS} columns with MLlib's {@link
 * GaussianMixture} (full covariance) from its own start. The number of clusters is chosen by
 * log-likelihood on a held-out fifth of the clustering rows, over 1, 2, 3, 5, 10, 20, 40, 80, 160
 * (up to the cap), stopping once two larger counts in a row fail to improve it. Every sampled row
 * is then labelled by the best model.
 */
final class GridMixtureClusterer implements ScoreClusterer {
  private static final Logger LOG = LoggerFactory.getLogger(GridMixtureClusterer.class);
  private static final int[] CANDIDATES = {1, 2, 3, 5, 10, 20, 40, 80, 160};
  private static final double VALIDATION_SHARE = 0.2;
  private static final int MAX_ITERATIONS = 60;
  private static final StructType SCHEMA =
      new StructType().add("features", SQLDataTypes.VectorType());

  private final SparkSession spark;
  private final int clusterRows;

  GridMixtureClusterer(SparkSession spark, int clusterRows) {
    this.spark = spark;
    this.clusterRows = clusterRows;
  }

  @Override
  public Clustering cluster(double[][] scores, int maxClusters, long seed) {
    int n = scores[0].length;
    int[] order = MllibClusterer.shuffled(n, seed);
    int used = Math.min(n, clusterRows);
    int validation = Math.max(1, (int) (used * VALIDATION_SHARE));
    List<Vector> train = new ArrayList<>();
    List<Vector> holdout = new ArrayList<>();
    for (int i = 0; i < used; i++) {
      (i < validation ? holdout : train).add(vector(scores, order[i]));
    }

    Dataset<Row> trainFrame = frame(train).cache();
    double bestLikelihood = singleGaussianLikelihood(train, holdout);
    int bestK = 1;
    GaussianMixtureModel bestModel = null;
    StringBuilder account =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "validation log-likelihood per row: K=1 %.4f",
                bestLikelihood / holdout.size()));
    int worse = 0;
    try {
      for (int k : CANDIDATES) {
        if (k == 1 || k > maxClusters || k * 10 > train.size()) {
          continue;
        }

        GaussianMixtureModel model =
            new GaussianMixture()
                .setK(k)
                .setSeed(seed)
                .setMaxIter(MAX_ITERATIONS)
                .setTol(1e-3)
                .fit(trainFrame);
        double likelihood = likelihood(model, holdout);
        account.append(String.format(Locale.ROOT, ", K=%d %.4f", k, likelihood / holdout.size()));
        LOG.info("Gaussian mixture with {} clusters: validation log-likelihood {}", k, likelihood);
        if (likelihood > bestLikelihood) {
          bestLikelihood = likelihood;
          bestK = k;
          bestModel = model;
          worse = 0;
        } else if (++worse >= 2) {
          break;
        }
      }
    } finally {
      trainFrame.unpersist();
    }

    account.append("; chose K=").append(bestK);
    if (bestModel == null) {
      return new Clustering(new int[n], account.toString());
    }

    return new Clustering(label(bestModel, scores), account.toString());
  }

  private int[] label(GaussianMixtureModel model, double[][] scores) {
    int n = scores[0].length;
    List<Vector> all = new ArrayList<>(n);
    for (int row = 0; row < n; row++) {
      all.add(vector(scores, row));
    }

    List<Row> predictions = model.transform(frame(all)).select("prediction").collectAsList();
    int[] labels = new int[n];
    for (int row = 0; row < n; row++) {
      labels[row] = predictions.get(row).getInt(0);
    }

    return labels;
  }

  private Dataset<Row> frame(List<Vector> vectors) {
    List<Row> rows = new ArrayList<>(vectors.size());
    for (Vector vector : vectors) {
      rows.add(RowFactory.create(vector));
    }

    return spark.createDataFrame(rows, SCHEMA);
  }

  private static double likelihood(GaussianMixtureModel model, List<Vector> rows) {
    MultivariateGaussian[] gaussians = model.gaussians();
    double[] logWeights = new double[gaussians.length];
    for (int k = 0; k < gaussians.length; k++) {
      logWeights[k] = Math.log(model.weights()[k]);
    }

    double total = 0;
    double[] terms = new double[gaussians.length];
    for (Vector row : rows) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < gaussians.length; k++) {
        terms[k] = logWeights[k] + gaussians[k].logpdf(row);
        max = Math.max(max, terms[k]);
      }

      double sum = 0;
      for (double term : terms) {
        sum += Math.exp(term - max);
      }

      total += max + Math.log(sum);
    }

    return total;
  }

  /** Held-out log-likelihood of one Gaussian fitted to the training rows: the K = 1 baseline. */
  private static double singleGaussianLikelihood(List<Vector> train, List<Vector> holdout) {
    int d = train.get(0).size();
    double[] mean = new double[d];
    for (Vector row : train) {
      for (int j = 0; j < d; j++) {
        mean[j] += row.apply(j) / train.size();
      }
    }

    double[] covariance = new double[d * d];
    for (Vector row : train) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          covariance[a * d + b] +=
              (row.apply(a) - mean[a]) * (row.apply(b) - mean[b]) / train.size();
        }
      }
    }

    for (int a = 0; a < d; a++) {
      covariance[a * d + a] += 1e-6;
    }

    MultivariateGaussian gaussian =
        new MultivariateGaussian(new DenseVector(mean), new DenseMatrix(d, d, covariance));
    double total = 0;
    for (Vector row : holdout) {
      total += gaussian.logpdf(row);
    }

    return total;
  }

  private static Vector vector(double[][] scores, int row) {
    double[] values = new double[scores.length];
    for (int j = 0; j < values.length; j++) {
      values[j] = scores[j][row];
    }

    return new DenseVector(values);
  }
}
