package io.synthlake.core.fit;

import io.synthlake.core.math.Normal;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Maps values to normal scores by randomized ranks: rows are ordered by key with ties broken at
 * random, and the row at position i of n gets Φ⁻¹((i + 0.5) / n). For a point mass or a category
 * this is the randomized probability integral transform, which is what the copula needs for
 * discrete margins.
 */
final class NormalScores {
  private NormalScores() {}

  /** Scores of {@code keys[rows[i]]} for each i, written to {@code out[rows[i]]}. */
  static void score(double[] keys, int[] rows, SplittableRandom random, double[] out) {
    int n = rows.length;
    if (n == 0) {
      return;
    }

    double[] distinct = new double[n];
    for (int i = 0; i < n; i++) {
      distinct[i] = keys[rows[i]];
    }

    Arrays.sort(distinct);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || distinct[i] != distinct[unique - 1]) {
        distinct[unique++] = distinct[i];
      }
    }

    // A random permutation breaks ties; packing (rank, permutation slot) into a long keeps the sort
    // primitive.
    int[] slots = new int[n];
    for (int i = 0; i < n; i++) {
      slots[i] = i;
    }

    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = slots[i];
      slots[i] = slots[j];
      slots[j] = swap;
    }

    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      long rank = Arrays.binarySearch(distinct, 0, unique, keys[rows[i]]);
      packed[i] = (rank << 32) | slots[i];
    }

    Arrays.sort(packed);
    int[] rowOfSlot = new int[n];
    for (int i = 0; i < n; i++) {
      rowOfSlot[slots[i]] = rows[i];
    }

    for (int position = 0; position < n; position++) {
      int slot = (int) (packed[position] & 0xFFFFFFFFL);
      out[rowOfSlot[slot]] = Normal.quantile((position + 0.5) / n);
    }
  }
}
