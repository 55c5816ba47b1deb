package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Distance to closest record. Shares are means of 2,000 Bernoulli draws (σ ≤ 0.011); bounds of
 * ±0.06 sit more than 5σ away, a false-failure rate below 1e-6.
 */
class ClosestRecordsTest {
  private static final RecordDistance DISTANCE =
      RecordDistance.of(
          new int[] {0, 1, 2}, new boolean[] {true, true, false}, new double[] {4, 4, 1});

  private static List<Object[]> rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(
          new Object[] {random.nextDouble() * 4, random.nextDouble() * 4, "c" + random.nextInt(5)});
    }

    return rows;
  }

  private static ClosestRecords search(
      List<Object[]> train, List<Object[]> holdout, List<Object[]> synthetic) {
    RecordDistance.Encoder encoder = DISTANCE.encoder();
    double[][] trainCodes = train.stream().map(encoder::encode).toArray(double[][]::new);
    double[][] holdoutCodes = holdout.stream().map(encoder::encode).toArray(double[][]::new);
    double[] toTrain = new double[synthetic.size()];
    double[] toHoldout = new double[synthetic.size()];
    for (int i = 0; i < synthetic.size(); i++) {
      double[] row = encoder.encode(synthetic.get(i));
      toTrain[i] = DISTANCE.nearest(row, trainCodes);
      toHoldout[i] = DISTANCE.nearest(row, holdoutCodes);
    }

    return ClosestRecords.of(toTrain, toHoldout);
  }

  @Test
  void copiesOfTrainingRowsAreAllCloserToTraining() {
    List<Object[]> train = rows(2_000, 1);
    ClosestRecords copies = search(train, rows(2_000, 2), train);

    assertThat(copies.share()).isEqualTo(1.0);
    assertThat(copies.medianToTrain()).isEqualTo(0.0);
    assertThat(copies.medianToHoldout()).isGreaterThan(0.0);
  }

  @Test
  void unseenRealRowsAreClosestToEitherHalfTheTime() {
    ClosestRecords unseen = search(rows(2_000, 1), rows(2_000, 2), rows(2_000, 3));

    assertThat(unseen.share()).isCloseTo(0.5, within(0.06));
    assertThat(unseen.medianToTrain()).isCloseTo(unseen.medianToHoldout(), within(0.01));
  }

  @Test
  void gowerDistanceCapsNumericDifferencesAndTreatsNullsAsValues() {
    RecordDistance.Encoder encoder = DISTANCE.encoder();
    double[] a = encoder.encode(new Object[] {0.0, null, "x"});
    double[] b = encoder.encode(new Object[] {100.0, null, "y"});
    double[] c = encoder.encode(new Object[] {1.0, 2.0, "x"});

    assertThat(DISTANCE.distance(a, b)).isCloseTo((1 + 0 + 1) / 3.0, within(1e-12));
    assertThat(DISTANCE.distance(a, c)).isCloseTo((0.25 + 1 + 0) / 3.0, within(1e-12));
    assertThat(DISTANCE.nearest(a, new double[][] {b, c}))
        .isCloseTo(DISTANCE.distance(a, c), within(1e-12));
  }
}
