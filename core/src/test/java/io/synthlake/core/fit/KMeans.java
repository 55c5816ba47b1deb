package io.synthlake.core.fit;

import java.util.SplittableRandom;

/**
 * A small seeded k-means (k-means++ start, Lloyd steps) over normal scores, standing in in core
 * tests for the MLlib Gaussian mixture the Spark module clusters with.
 */
public final class KMeans implements ScoreClusterer {
  private final int clusters;

  public KMeans(int clusters) {
    this.clusters = clusters;
  }

  @Override
  public Clustering cluster(double[][] scores, int maxClusters, long seed) {
    int k = Math.min(clusters, maxClusters);
    int d = scores.length;
    int n = scores[0].length;
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centers = new double[k][d];
    int first = random.nextInt(n);
    for (int j = 0; j < d; j++) {
      centers[0][j] = scores[j][first];
    }

    double[] nearest = new double[n];
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int r = 0; r < n; r++) {
        nearest[r] = Double.MAX_VALUE;
        for (int e = 0; e < c; e++) {
          nearest[r] = Math.min(nearest[r], distance(scores, r, centers[e]));
        }

        total += nearest[r];
      }

      double target = random.nextDouble() * total;
      int chosen = n - 1;
      for (int r = 0; r < n; r++) {
        target -= nearest[r];
        if (target <= 0) {
          chosen = r;
          break;
        }
      }

      for (int j = 0; j < d; j++) {
        centers[c][j] = scores[j][chosen];
      }
    }

    int[] labels = new int[n];
    for (int step = 0; step < 25; step++) {
      for (int r = 0; r < n; r++) {
        double best = Double.MAX_VALUE;
        for (int c = 0; c < k; c++) {
          double distance = distance(scores, r, centers[c]);
          if (distance < best) {
            best = distance;
            labels[r] = c;
          }
        }
      }

      double[][] sums = new double[k][d];
      int[] sizes = new int[k];
      for (int r = 0; r < n; r++) {
        sizes[labels[r]]++;
        for (int j = 0; j < d; j++) {
          sums[labels[r]][j] += scores[j][r];
        }
      }

      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d && sizes[c] > 0; j++) {
          centers[c][j] = sums[c][j] / sizes[c];
        }
      }
    }

    return new Clustering(labels, "k-means, " + k + " clusters (test)");
  }

  private static double distance(double[][] scores, int row, double[] center) {
    double sum = 0;
    for (int j = 0; j < center.length; j++) {
      double d = scores[j][row] - center[j];
      sum += d * d;
    }

    return sum;
  }
}
