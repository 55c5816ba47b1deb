package io.synthlake.spark.internal;

import io.synthlake.core.fit.HeldOutComparison;
import io.synthlake.core.fit.ScoreClusterer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.spark.SparkContext;
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
 * (up to the cap), stopping once two larger counts in a row fail to improve it, or once one is
 * clearly worse than the best ({@link #CLEARLY_WORSE}). Every sampled row is then labelled by the
 * best model, in the driver.
 *
 * <p>Each count is a full EM run: ranking counts after a few EM steps on fewer rows chose fewer
 * components, which cost the routes between airports their state dependence (TableSetEvaluateIT,
 * docs/bench/fit-scaling.md). Most of a small count's time is Spark's overhead per EM step (a job
 * of two stages), not arithmetic, so two counts run at once: one's overheads overlap the other's
 * work. A run depends on its count and the seed only, never on which run overlaps it, so the choice
 * is the one a search of one count after the other makes.
 */
final class GridMixtureClusterer implements ScoreClusterer {
  private static final Logger LOG = LoggerFactory.getLogger(GridMixtureClusterer.class);
  private static final int[] CANDIDATES = {1, 2, 3, 5, 10, 20, 40, 80, 160};
  private static final double VALIDATION_SHARE = 0.2;
  private static final int MAX_ITERATIONS = 60;
  private static final StructType SCHEMA =
      new StructType().add("features", SQLDataTypes.VectorType());

  /**
   * Standard errors (of the paired mean difference per held-out row) below the best count at which
   * one failing count ends the search, rather than a second failing count, the most expensive fit
   * of all: a count that clearly overfits is followed by larger ones that overfit more. A fall
   * within noise (on birdstrikes K = 3 just below K = 2, then K = 5 above both) gets its second
   * chance. At 3, a count as good as the best is called clearly worse on 0.13% of held-out samples.
   */
  private static final double CLEARLY_WORSE = 3;

  /** Counts fitted at once: two, for the two cores of a small machine. */
  private static final int CONCURRENT_FITS = 2;

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

    List<Integer> counts = new ArrayList<>();
    for (int k : CANDIDATES) {
      if (k > 1 && k <= maxClusters && k * 10 <= train.size()) {
        counts.add(k);
      }
    }

    double[] best = singleGaussianDensities(train, holdout);
    double bestLikelihood = sum(best);
    int bestK = 1;
    GaussianMixtureModel bestModel = null;
    StringBuilder account =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "validation log-likelihood per row: K=1 %.4f",
                bestLikelihood / holdout.size()));
    if (!counts.isEmpty()) {
      Runs runs = new Runs(spark.sparkContext(), frame(train), seed);
      try {
        int worse = 0;
        for (int i = 0; i < counts.size(); i++) {
          for (int next = i; next < Math.min(counts.size(), i + CONCURRENT_FITS); next++) {
            runs.start(counts.get(next));
          }

          int k = counts.get(i);
          GaussianMixtureModel model = runs.result(k);
          double[] densities = densities(model, holdout);
          double likelihood = sum(densities);
          account.append(String.format(Locale.ROOT, ", K=%d %.4f", k, likelihood / holdout.size()));
          LOG.info(
              "Gaussian mixture with {} clusters: validation log-likelihood {}", k, likelihood);
          if (likelihood > bestLikelihood) {
            best = densities;
            bestLikelihood = likelihood;
            bestK = k;
            bestModel = model;
            worse = 0;
          } else if (++worse >= 2
              || HeldOutComparison.clearlyWorse(densities, best, CLEARLY_WORSE)) {
            break;
          }
        }
      } finally {
        runs.close();
      }
    }

    account.append("; chose K=").append(bestK);
    if (bestModel == null) {
      return new Clustering(new int[n], account.toString());
    }

    return new Clustering(label(bestModel, scores), account.toString());
  }

  /**
   * The EM runs of the search, each in a thread of its own, its Spark jobs tagged so that a run the
   * search no longer needs (the count after the one that ends it) is cancelled, not waited for.
   */
  private static final class Runs {
    private final SparkContext context;
    private final Dataset<Row> train;
    private final long seed;
    private final String tag;
    private final ExecutorService threads;
    private final Map<Integer, Future<GaussianMixtureModel>> started = new HashMap<>();

    Runs(SparkContext context, Dataset<Row> train, long seed) {
      this.context = context;
      this.train = train;
      this.seed = seed;
      this.tag = "synthlake-mixture-search-" + System.identityHashCode(this);
      this.threads =
          Executors.newFixedThreadPool(
              CONCURRENT_FITS,
              runnable -> {
                Thread thread = new Thread(runnable, "synthlake-mixture-search");
                thread.setDaemon(true);
                return thread;
              });
    }

    void start(int k) {
      started.computeIfAbsent(k, count -> threads.submit(() -> fit(count)));
    }

    GaussianMixtureModel result(int k) {
      try {
        return started.get(k).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while fitting a Gaussian mixture", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }

        throw new IllegalStateException("a Gaussian mixture fit failed", e.getCause());
      }
    }

    private GaussianMixtureModel fit(int k) {
      context.addJobTag(tag);
      try {
        return new GaussianMixture()
            .setK(k)
            .setSeed(seed)
            .setMaxIter(MAX_ITERATIONS)
            .setTol(1e-3)
            .fit(train);
      } finally {
        context.removeJobTag(tag);
      }
    }

    /** Cancels the runs still going (each EM step is a job: cancelled until the run gives up). */
    void close() {
      threads.shutdown();
      for (Future<GaussianMixtureModel> run : started.values()) {
        while (!run.isDone()) {
          context.cancelJobsWithTag(tag, "the component search no longer needs this count");
          try {
            run.get(50, TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (ExecutionException | TimeoutException e) {
            // A cancelled run ends in an exception; its result is not needed.
          }
        }
      }
    }
  }

  /** Each row's most likely component (MLlib's rule), in the driver, rows in parallel. */
  private static int[] label(GaussianMixtureModel model, double[][] scores) {
    int n = scores[0].length;
    int[] labels = new int[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(row -> labels[row] = model.predict(vector(scores, row)));
    return labels;
  }

  private Dataset<Row> frame(List<Vector> vectors) {
    List<Row> rows = new ArrayList<>(vectors.size());
    for (Vector vector : vectors) {
      rows.add(RowFactory.create(vector));
    }

    // Checkpointed, so that each EM step's tasks read the rows from the block manager: a local
    // relation's partitions carry the rows themselves, serialized into every task of every step.
    // The partitions and their rows' order stay those of the local relation, so MLlib's start and
    // every EM step are unchanged.
    return spark.createDataFrame(rows, SCHEMA).localCheckpoint();
  }

  /** Each held-out row's log-density under the mixture. */
  private static double[] densities(GaussianMixtureModel model, List<Vector> rows) {
    MultivariateGaussian[] gaussians = model.gaussians();
    double[] logWeights = new double[gaussians.length];
    for (int k = 0; k < gaussians.length; k++) {
      logWeights[k] = Math.log(model.weights()[k]);
    }

    double[] out = new double[rows.size()];
    double[] terms = new double[gaussians.length];
    for (int r = 0; r < out.length; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < gaussians.length; k++) {
        terms[k] = logWeights[k] + gaussians[k].logpdf(rows.get(r));
        max = Math.max(max, terms[k]);
      }

      double sum = 0;
      for (double term : terms) {
        sum += Math.exp(term - max);
      }

      out[r] = max + Math.log(sum);
    }

    return out;
  }

  /** Held-out log-densities under one Gaussian fitted to the training rows: the K = 1 baseline. */
  private static double[] singleGaussianDensities(List<Vector> train, List<Vector> holdout) {
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
    double[] out = new double[holdout.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = gaussian.logpdf(holdout.get(r));
    }

    return out;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
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
