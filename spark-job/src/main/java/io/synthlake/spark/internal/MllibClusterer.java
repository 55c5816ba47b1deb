package io.synthlake.spark.internal;

import io.synthlake.core.fit.ComponentSearch;
import io.synthlake.core.fit.MixtureDensity;
import io.synthlake.core.fit.ScoreClusterer;
import io.synthlake.core.fit.ScoreProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.GaussianMixture;
import org.apache.spark.mllib.clustering.GaussianMixtureModel;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.stat.distribution.MultivariateGaussian;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clusters normal scores with MLlib's Gaussian mixture (full covariance). Tables of at most {@link
 * ScoreProjection#MAX_DIMENSIONS} clustered columns go to {@link GridMixtureClusterer} (EM from
 * MLlib's own start over a grid of counts). Wider tables are clustered on their leading principal
 * components ({@link ScoreProjection}), EM started from MLlib k-means: each k-means cluster's
 * share, mean and covariance are the initial model, since EM from averaged random rows never
 * separates the components of a wide table. The number of clusters is chosen by log-likelihood on a
 * held-out fifth of the clustering rows ({@link ComponentSearch}), each count fitted on at most
 * {@link #SEARCH_ROWS} rows with few EM steps; the chosen count is then refitted on all the
 * clustering rows, and capped so that the model's correlations stay within {@link
 * #MAX_CORRELATION_ENTRIES}. Every sampled row is labelled by the chosen mixture, in the driver.
 *
 * <p>The k-means-started search also fits narrow tables two to three times faster
 * (docs/bench/fit-scaling.md), but there it settles on fewer components (8 where the grid takes 10
 * to 20), and that cost the routes between airports their origin × destination state dependence
 * (co-parent accuracy 0.760 against a 0.827 ceiling, TableSetEvaluateIT) and gave cars' model years
 * made-up days (FitGenerateRoundTripIT): narrow tables keep the grid until the search matches it.
 */
public final class MllibClusterer implements ScoreClusterer {
  private static final Logger LOG = LoggerFactory.getLogger(MllibClusterer.class);
  private static final double VALIDATION_SHARE = 0.2;

  /**
   * Training rows each count of the search is fitted on: enough to rank the counts, and each EM
   * step's cost grows with the rows (MLlib spends microseconds per row and component).
   */
  private static final int SEARCH_ROWS = 4_000;

  /** EM steps per count in the search: from a k-means start, enough to rank the counts. */
  private static final int SEARCH_ITERATIONS = 8;

  /** EM steps from MLlib's own start, which needs more of them than a k-means start. */
  private static final int OWN_START_ITERATIONS = 40;

  /** EM steps of the chosen count on every training row, started from the search's mixture. */
  private static final int FINAL_ITERATIONS = 10;

  /**
   * EM stops once an iteration raises the training log-likelihood by less than this per row: past
   * it the components no longer move enough to change a row's label.
   */
  private static final double TOLERANCE_PER_ROW = 1e-3;

  private static final int KMEANS_ITERATIONS = 10;

  /** Rows per partition of the clustering rows: fewer partitions, fewer tasks per EM step. */
  private static final int ROWS_PER_PARTITION = 5_000;

  /**
   * Most correlation entries (components × columns²) the model may hold: every component keeps a
   * full copula correlation over every column, so at 500 columns this allows 4 components (each
   * 250,000 entries, about 5 MB of JSON) and leaves narrower tables uncapped in practice.
   */
  static final long MAX_CORRELATION_ENTRIES = 1_000_000;

  private final SparkSession spark;
  private final int clusterRows;
  private final GridMixtureClusterer narrow;

  public MllibClusterer(SparkSession spark, int clusterRows) {
    this.spark = spark;
    this.clusterRows = clusterRows;
    this.narrow = new GridMixtureClusterer(spark, clusterRows);
  }

  @Override
  public Clustering cluster(double[][] scores, int maxClusters, long seed) {
    if (scores.length <= ScoreProjection.MAX_DIMENSIONS) {
      return narrow.cluster(scores, maxClusters, seed);
    }

    int n = scores[0].length;
    int[] order = shuffled(n, seed);
    int used = Math.min(n, clusterRows);
    int validation = Math.max(1, (int) (used * VALIDATION_SHARE));
    int[] trainRows = Arrays.copyOfRange(order, validation, Math.max(validation, used));
    int[] holdoutRows = Arrays.copyOf(order, validation);
    double[][] features =
        ScoreProjection.leading(scores, trainRows, ScoreProjection.MAX_DIMENSIONS);
    double[][] train = rows(features, trainRows);
    double[][] holdout = rows(features, holdoutRows);
    int sizeCap =
        (int)
            Math.max(
                1, Math.min(Integer.MAX_VALUE, MAX_CORRELATION_ENTRIES / square(scores.length)));
    int cap = Math.min(Math.min(maxClusters, train.length / 10), sizeCap);
    if (train.length < 2) {
      return new Clustering(new int[n], "single component (too few rows to cluster)");
    }

    // The search fits each count on at most SEARCH_ROWS of the training rows, with few EM steps:
    // enough to rank the counts. The chosen count is then refitted on every training row, started
    // from the search's mixture.
    double[][] searchRows = train.length <= SEARCH_ROWS ? train : Arrays.copyOf(train, SEARCH_ROWS);
    Map<Integer, MixtureDensity> fitted = new HashMap<>();
    fitted.put(1, MixtureDensity.single(train));
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Vector> search = persisted(context, searchRows);
    ComponentSearch.Choice choice;
    try {
      choice =
          ComponentSearch.search(
              cap,
              k -> {
                MixtureDensity mixture =
                    k == 1 ? fitted.get(1) : searchFit(search, searchRows, k, seed);
                fitted.put(k, mixture);
                double likelihood = mixture.logLikelihood(holdout);
                LOG.info(
                    "Gaussian mixture with {} clusters ({} after k-means): validation"
                        + " log-likelihood {}",
                    k,
                    mixture.components(),
                    likelihood);
                return likelihood;
              });
    } finally {
      search.unpersist(false);
    }

    String account =
        choice.account(holdout.length)
            + (features == scores
                ? ""
                : " (clustered on the " + features.length + " leading principal components)");
    if (choice.components() == 1) {
      return new Clustering(new int[n], account);
    }

    MixtureDensity chosen = fitted.get(choice.components());
    if (train.length > searchRows.length) {
      JavaRDD<Vector> all = persisted(context, train);
      try {
        chosen = em(all, train.length, chosen, chosen.components(), FINAL_ITERATIONS, seed);
      } finally {
        all.unpersist(false);
      }
    }

    return new Clustering(label(chosen, features), account);
  }

  private static JavaRDD<Vector> persisted(JavaSparkContext context, double[][] rows) {
    List<Vector> vectors = new ArrayList<>(rows.length);
    for (double[] row : rows) {
      vectors.add(new DenseVector(row));
    }

    int partitions =
        Math.max(
            1,
            Math.min(
                context.defaultParallelism(),
                (rows.length + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
    return context.parallelize(vectors, partitions).persist(StorageLevel.MEMORY_ONLY());
  }

  /** MLlib k-means on the rows, as a mixture: each cluster's share, mean and covariance. */
  private static MixtureDensity kmeansStart(
      JavaRDD<Vector> data, double[][] rows, int k, long seed) {
    KMeansModel kmeans =
        new KMeans()
            .setK(k)
            .setSeed(seed)
            .setMaxIterations(KMEANS_ITERATIONS)
            .setInitializationSteps(2)
            .run(data.rdd());
    int[] labels = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      labels[r] = kmeans.predict(new DenseVector(rows[r]));
    }

    return MixtureDensity.fromLabels(rows, labels, kmeans.k());
  }

  /**
   * A count's mixture in the search: EM from k-means. K-means sees components that differ in their
   * means only; two components that share a mean and differ in their correlations (an X of two
   * crossing lines) split into halves that EM cannot leave, since each half holds both lines. So
   * two components are also fitted from MLlib's own start (averages of random rows, which EM turns
   * towards the lines over more steps), and the start of higher training likelihood kept.
   */
  private static MixtureDensity searchFit(JavaRDD<Vector> data, double[][] rows, int k, long seed) {
    MixtureDensity fromKMeans =
        em(data, rows.length, kmeansStart(data, rows, k, seed), k, SEARCH_ITERATIONS, seed);
    if (k != 2) {
      return fromKMeans;
    }

    MixtureDensity fromOwnStart = em(data, rows.length, null, k, OWN_START_ITERATIONS, seed);
    return fromOwnStart.logLikelihood(rows) > fromKMeans.logLikelihood(rows)
        ? fromOwnStart
        : fromKMeans;
  }

  /** MLlib's EM on the rows, started from {@code start}, or from its own start when null. */
  private static MixtureDensity em(
      JavaRDD<Vector> data, int rows, MixtureDensity start, int k, int iterations, long seed) {
    GaussianMixture em =
        new GaussianMixture()
            .setK(start == null ? k : start.components())
            .setSeed(seed)
            .setMaxIterations(iterations)
            .setConvergenceTol(TOLERANCE_PER_ROW * rows);
    if (start != null) {
      int d = start.mean(0).length;
      MultivariateGaussian[] gaussians = new MultivariateGaussian[start.components()];
      double[] weights = new double[start.components()];
      for (int c = 0; c < gaussians.length; c++) {
        weights[c] = start.weight(c);
        gaussians[c] =
            new MultivariateGaussian(
                new DenseVector(start.mean(c)), new DenseMatrix(d, d, start.covariance(c)));
      }

      em.setInitialModel(new GaussianMixtureModel(weights, gaussians));
    }

    GaussianMixtureModel model = em.run(data.rdd());
    int d = model.gaussians()[0].mu().size();
    double[][] means = new double[model.k()][];
    double[][][] covariances = new double[model.k()][d][d];
    for (int c = 0; c < model.k(); c++) {
      means[c] = model.gaussians()[c].mu().toArray();
      double[] sigma = model.gaussians()[c].sigma().toArray();
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          covariances[c][a][b] = sigma[b * d + a];
        }
      }
    }

    return MixtureDensity.of(model.weights(), means, covariances);
  }

  private static int[] label(MixtureDensity mixture, double[][] features) {
    int n = features[0].length;
    int d = features.length;
    int[] labels = new int[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            row -> {
              double[] x = new double[d];
              for (int j = 0; j < d; j++) {
                x[j] = features[j][row];
              }

              labels[row] = mixture.label(x);
            });
    return labels;
  }

  private static double[][] rows(double[][] columns, int[] rows) {
    double[][] out = new double[rows.length][columns.length];
    for (int r = 0; r < rows.length; r++) {
      for (int j = 0; j < columns.length; j++) {
        out[r][j] = columns[j][rows[r]];
      }
    }

    return out;
  }

  private static long square(int width) {
    return (long) Math.max(1, width) * Math.max(1, width);
  }

  /** 0 to n-1 in a seeded random order (Fisher-Yates): which rows the clustering takes first. */
  static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }

    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }

    return order;
  }
}
