package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.math.Normal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoresAndMergingTest {
  @Test
  void normalScoresAreRankQuantilesWithTiesBrokenAtRandom() {
    double[] keys = {5, 1, 3, 3, 3, Double.NEGATIVE_INFINITY, 9, 3};
    int[] rows = {0, 1, 2, 3, 4, 5, 6, 7};
    double[] scores = new double[8];

    NormalScores.score(keys, rows, new SplittableRandom(1), scores);

    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 8; i++) {
      assertThat(sorted[i]).isEqualTo(Normal.quantile((i + 0.5) / 8), within(1e-15));
    }

    // Null (lowest key) first, then 1, then the four 3s in some order, then 5 and 9.
    assertThat(scores[5]).isEqualTo(sorted[0]);
    assertThat(scores[1]).isEqualTo(sorted[1]);
    assertThat(new double[] {scores[2], scores[3], scores[4], scores[7]})
        .containsExactlyInAnyOrder(sorted[2], sorted[3], sorted[4], sorted[5]);
    assertThat(scores[0]).isEqualTo(sorted[6]);
    assertThat(scores[6]).isEqualTo(sorted[7]);
  }

  @Test
  void tiesAreBrokenDifferentlyBySeed() {
    double[] keys = new double[200];
    int[] rows = java.util.stream.IntStream.range(0, 200).toArray();
    double[] first = new double[200];
    double[] second = new double[200];

    NormalScores.score(keys, rows, new SplittableRandom(1), first);
    NormalScores.score(keys, rows, new SplittableRandom(2), second);

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void smallClustersMergeIntoTheNearestOneAndLabelsAreRenumbered() {
    // Scores on one axis: cluster 5 (rows 0-99) near -2, cluster 3 (rows 100-199) near +2, cluster
    // 7 (rows 200-209)
    // near +1.8: too small, so its rows join cluster 3.
    int n = 210;
    int[] labels = new int[n];
    double[][] scores = new double[1][n];
    for (int row = 0; row < n; row++) {
      labels[row] = row < 100 ? 5 : row < 200 ? 3 : 7;
      scores[0][row] = row < 100 ? -2 : row < 200 ? 2 : 1.8;
    }

    int[] merged = ComponentMerger.merge(labels, scores, 100);

    assertThat(Arrays.stream(merged).distinct().sorted().toArray()).containsExactly(0, 1);
    assertThat(merged[0]).isZero();
    assertThat(merged[100]).isEqualTo(1);
    assertThat(Arrays.copyOfRange(merged, 200, 210)).containsOnly(1);
  }

  @Test
  void everythingMergesIntoOneClusterWhenNoneIsLargeEnough() {
    int[] labels = {0, 0, 1, 1, 2};
    double[][] scores = {{0, 0.1, 1, 1.1, 5}};

    assertThat(ComponentMerger.merge(labels, scores, 100)).containsOnly(0);
  }
}
