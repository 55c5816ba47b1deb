package io.synthlake.core.evaluate;

import java.util.Arrays;

/**
 * Distance-to-closest-record figures from per-row nearest distances: how many synthetic rows lie
 * closer to the training rows than to the same number of holdout rows. A generator that learned the
 * distribution, not the rows, scores 0.5; one that copies training rows scores 1.0.
 */
public record ClosestRecords(
    double share, double medianToTrain, double medianToHoldout, long rows) {

  /**
   * @param toTrain and @param toHoldout: each sampled synthetic row's nearest distance to either
   *     reference.
   */
  public static ClosestRecords of(double[] toTrain, double[] toHoldout) {
    if (toTrain.length != toHoldout.length) {
      throw new IllegalArgumentException("distance arrays differ in length");
    }

    double closerToTrain = 0;
    for (int i = 0; i < toTrain.length; i++) {
      closerToTrain += toTrain[i] < toHoldout[i] ? 1 : toTrain[i] == toHoldout[i] ? 0.5 : 0;
    }

    return new ClosestRecords(
        toTrain.length == 0 ? Double.NaN : closerToTrain / toTrain.length,
        median(toTrain),
        median(toHoldout),
        toTrain.length);
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }

    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
