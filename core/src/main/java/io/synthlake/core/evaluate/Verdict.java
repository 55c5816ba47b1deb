package io.synthlake.core.evaluate;

/**
 * The colour cue of a figure in the HTML report. One place for the thresholds, which the report's
 * footer states; they are reading aids, not pass/fail rules.
 */
enum Verdict {
  GOOD("good"),
  OK("ok"),
  POOR("poor"),
  UNDEFINED("undefined");

  static final double GOOD_RATIO = 0.90;
  static final double OK_RATIO = 0.75;
  static final double DCR_SHARE_OK = 0.60;
  static final double DCR_SHARE_POOR = 0.70;

  /** A distance this small reads as close whatever the ceiling: autocorrelations within 0.05. */
  static final double CLOSE_DISTANCE = 0.05;

  private final String cssClass;

  Verdict(String cssClass) {
    this.cssClass = cssClass;
  }

  String cssClass() {
    return cssClass;
  }

  /** For a synthetic/ceiling ratio: 1.0 means as good as real unseen data. */
  static Verdict ofRatio(double ratio) {
    if (Double.isNaN(ratio)) {
      return UNDEFINED;
    }

    return ratio >= GOOD_RATIO ? GOOD : ratio >= OK_RATIO ? OK : POOR;
  }

  /**
   * For the DCR share: 0.5 is ideal; higher means synthetic rows sit closer to training rows than
   * unseen rows do.
   */
  static Verdict ofDcrShare(double share) {
    if (Double.isNaN(share)) {
      return UNDEFINED;
    }

    return share <= DCR_SHARE_OK ? GOOD : share <= DCR_SHARE_POOR ? OK : POOR;
  }

  /** For referential integrity: every foreign key of generated tables must join. */
  static Verdict ofIntegrity(double share) {
    if (Double.isNaN(share)) {
      return UNDEFINED;
    }

    return share == 1 ? GOOD : POOR;
  }

  /**
   * For a distance from the training figure (smaller is closer): good within the holdout's distance
   * or {@link #CLOSE_DISTANCE}, ok within twice either, poor beyond.
   */
  static Verdict ofDistance(double distance, double ceiling) {
    if (Double.isNaN(distance)) {
      return UNDEFINED;
    }

    double allowed = Double.isNaN(ceiling) ? CLOSE_DISTANCE : Math.max(ceiling, CLOSE_DISTANCE);
    return distance <= allowed ? GOOD : distance <= 2 * allowed ? OK : POOR;
  }

  /** For exact copies: at most the share real holdout rows reach by chance is expected. */
  static Verdict ofExactCopies(double share, double holdoutShare) {
    if (Double.isNaN(share) || Double.isNaN(holdoutShare)) {
      return UNDEFINED;
    }

    return share <= holdoutShare ? GOOD : share <= 2 * holdoutShare ? OK : POOR;
  }
}
