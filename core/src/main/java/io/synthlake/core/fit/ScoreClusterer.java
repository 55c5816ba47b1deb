package io.synthlake.core.fit;

/**
 * Clusters rows by their normal scores. The Spark module implements it with MLlib's {@code
 * GaussianMixture}, choosing the number of clusters by log-likelihood on a validation split; core
 * ships the one-cluster case and fixed labels.
 */
public interface ScoreClusterer {
  /**
   * @param scores normal scores, {@code scores[column][row]}
   * @param maxClusters most clusters allowed (already limited by the minimum component size)
   * @return a label in [0, clusters) per row, and a one-line account of how the count was chosen
   */
  Clustering cluster(double[][] scores, int maxClusters, long seed);

  /** Labels per row and how they were chosen. */
  final class Clustering {
    private final int[] labels;
    private final String selection;

    public Clustering(int[] labels, String selection) {
      this.labels = labels;
      this.selection = selection;
    }

    public int[] labels() {
      return labels;
    }

    public String selection() {
      return selection;
    }
  }

  /** The plain Gaussian copula: every row in one cluster. */
  static ScoreClusterer single() {
    return (scores, maxClusters, seed) ->
        new Clustering(new int[scores.length == 0 ? 0 : scores[0].length], "single component");
  }
}
