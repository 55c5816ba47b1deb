package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.math.Stats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A wide table whose rows come from two components, the second shifting a fifth of the columns: the
 * leading principal component must carry the shift, so that clustering on the projection can still
 * tell the components apart.
 */
class ScoreProjectionTest {
  @Test
  void narrowTablesAreClusteredOnTheirOwnScores() {
    double[][] scores = new double[5][10];
    assertThat(ScoreProjection.leading(scores, new int[] {0, 1, 2}, 20)).isSameAs(scores);
  }

  @Test
  void theLeadingComponentSeparatesAPlantedShift() {
    int d = 100;
    int n = 2000;
    SplittableRandom random = new SplittableRandom(11);
    double[][] scores = new double[d][n];
    boolean[] shifted = new boolean[n];
    for (int row = 0; row < n; row++) {
      shifted[row] = row % 10 < 3;
      for (int j = 0; j < d; j++) {
        scores[j][row] = random.nextGaussian() + (shifted[row] && j % 5 == 1 ? 2.5 : 0);
      }
    }

    int[] fitRows = new int[n / 2];
    for (int i = 0; i < fitRows.length; i++) {
      fitRows[i] = 2 * i;
    }

    double[][] projected = ScoreProjection.leading(scores, fitRows, 20);
    assertThat(projected).hasNumberOfRows(20);
    assertThat(projected[0]).hasSize(n);
    double[] indicator = new double[n];
    for (int row = 0; row < n; row++) {
      indicator[row] = shifted[row] ? 1 : 0;
    }

    // The shift is 2.5 sds on 20 columns, 11 sds along its direction against noise of 1: the
    // first component's correlation with membership is near 0.98 and the rest near 0.
    assertThat(Math.abs(Stats.pearson(projected[0], indicator))).isGreaterThan(0.95);
    assertThat(Math.abs(Stats.pearson(projected[1], indicator))).isLessThan(0.2);
  }
}
