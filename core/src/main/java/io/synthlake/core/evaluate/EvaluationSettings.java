package io.synthlake.core.evaluate;

import io.synthlake.core.Errors;
import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;

/**
 * The sizes and thresholds of an evaluation. The defaults follow published practice (10 bins, the
 * 10 most frequent categories) and keep every step's memory bounded whatever the size of the
 * synthetic table.
 */
public record EvaluationSettings(
    long seed,
    int maxTriples,
    int referenceRows,
    int dcrSyntheticRows,
    int utilityRows,
    int dependencySampleRows,
    int rareThreshold,
    String target) {

  /** Coarse bins per numeric column and most frequent categories per categorical column. */
  public static final int COARSE_BINS = 10;

  public static final int COARSE_CATEGORIES = 10;

  /** Fine bins: the per-column statistic's resolution. */
  public static final int FINE_BINS = 100;

  public static final int FINE_CATEGORIES = 100;

  /**
   * A column with at most this many distinct values is compared as categories, even when numeric.
   */
  public static final int CATEGORICAL_MAX_DISTINCT = 10;

  public EvaluationSettings {
    SynthlakeException.check(
        maxTriples >= 0, "evaluate: max triples must be >= 0, got %d", maxTriples);
    requirePositive(Setting.REFERENCE_ROWS, referenceRows);
    requirePositive(Setting.DCR_ROWS, dcrSyntheticRows);
    requirePositive(Setting.UTILITY_ROWS, utilityRows);
    SynthlakeException.check(
        dependencySampleRows > 0,
        "evaluate: dependency sample rows must be > 0, got %d",
        dependencySampleRows);
    requirePositive(Setting.RARE_THRESHOLD, rareThreshold);
  }

  private static void requirePositive(Setting setting, int value) {
    if (value <= 0) {
      throw Errors.notPositive(setting, value);
    }
  }

  public static EvaluationSettings defaults() {
    return new EvaluationSettings(20261123L, 100, 20_000, 2_000, 100_000, 100_000, 5, null);
  }

  public EvaluationSettings withTarget(String column) {
    return new EvaluationSettings(
        seed,
        maxTriples,
        referenceRows,
        dcrSyntheticRows,
        utilityRows,
        dependencySampleRows,
        rareThreshold,
        column);
  }

  public EvaluationSettings withSeed(long value) {
    return new EvaluationSettings(
        value,
        maxTriples,
        referenceRows,
        dcrSyntheticRows,
        utilityRows,
        dependencySampleRows,
        rareThreshold,
        target);
  }

  public EvaluationSettings withRareThreshold(int value) {
    return new EvaluationSettings(
        seed,
        maxTriples,
        referenceRows,
        dcrSyntheticRows,
        utilityRows,
        dependencySampleRows,
        value,
        target);
  }

  public EvaluationSettings withSampleSizes(int reference, int dcrSynthetic, int utility) {
    return new EvaluationSettings(
        seed,
        maxTriples,
        reference,
        dcrSynthetic,
        utility,
        dependencySampleRows,
        rareThreshold,
        target);
  }
}
