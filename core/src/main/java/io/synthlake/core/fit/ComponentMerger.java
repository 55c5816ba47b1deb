package io.synthlake.core.fit;

import java.util.Arrays;

/**
 * Enforces the minimum component size: while the smallest cluster is below it, its rows move to the
 * nearest other cluster by centroid distance in score space. Small clusters would let marginals
 * echo individual training rows.
 */
final class ComponentMerger {
  private ComponentMerger() {}

  /**
   * Returns labels renumbered 0..K-1 in order of first appearance, every cluster holding at least
   * {@code minRows}.
   */
  static int[] merge(int[] labels, double[][] scores, int minRows) {
    int n = labels.length;
    int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
    int d = scores.length;
    int[] sizes = new int[clusters];
    double[][] centroids = new double[clusters][d];
    for (int row = 0; row < n; row++) {
      int label = labels[row];
      sizes[label]++;
      for (int j = 0; j < d; j++) {
        centroids[label][j] += scores[j][row];
      }
    }

    for (int c = 0; c < clusters; c++) {
      for (int j = 0; j < d; j++) {
        centroids[c][j] /= Math.max(1, sizes[c]);
      }
    }

    int[] merged = labels.clone();
    boolean[] alive = new boolean[clusters];
    int living = 0;
    for (int c = 0; c < clusters; c++) {
      alive[c] = sizes[c] > 0;
      living += alive[c] ? 1 : 0;
    }

    while (living > 1) {
      int smallest = -1;
      for (int c = 0; c < clusters; c++) {
        if (alive[c] && (smallest < 0 || sizes[c] < sizes[smallest])) {
          smallest = c;
        }
      }

      if (sizes[smallest] >= minRows) {
        break;
      }

      alive[smallest] = false;
      living--;
      for (int row = 0; row < n; row++) {
        if (merged[row] == smallest) {
          int nearest = nearest(scores, row, centroids, alive);
          merged[row] = nearest;
          sizes[nearest]++;
        }
      }

      sizes[smallest] = 0;
    }

    int[] renumber = new int[clusters];
    Arrays.fill(renumber, -1);
    int next = 0;
    for (int row = 0; row < n; row++) {
      if (renumber[merged[row]] < 0) {
        renumber[merged[row]] = next++;
      }

      merged[row] = renumber[merged[row]];
    }

    return merged;
  }

  private static int nearest(double[][] scores, int row, double[][] centroids, boolean[] alive) {
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      if (alive[c]) {
        double distance = 0;
        for (int j = 0; j < scores.length; j++) {
          double delta = scores[j][row] - centroids[c][j];
          distance += delta * delta;
        }

        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
    }

    return best;
  }
}
