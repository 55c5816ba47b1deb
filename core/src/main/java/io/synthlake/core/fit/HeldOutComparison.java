package io.synthlake.core.fit;

/**
 * Compares two mixtures on the same held-out rows by their log-densities, row by row: the paired
 * differences cancel what the rows share (an unusual row is unlikely under both), so a difference
 * in fit shows against far less noise than two separate totals carry.
 */
public final class HeldOutComparison {
  private HeldOutComparison() {}

  /**
   * Whether {@code candidate} fits the held-out rows worse than {@code best} by more than {@code
   * standardErrors} standard errors of the mean difference per row. One-sided: at 3, a candidate
   * that fits exactly as well is called clearly worse on about 0.13% of held-out samples (the mean
   * of a few thousand paired differences is close to normal).
   *
   * @param candidate log-density of each held-out row under the candidate
   * @param best log-density of the same rows, in the same order, under the best mixture so far
   */
  public static boolean clearlyWorse(double[] candidate, double[] best, double standardErrors) {
    if (candidate.length != best.length || candidate.length < 2) {
      throw new IllegalArgumentException(
          "held-out comparison needs the same rows, at least two, under both mixtures: got "
              + candidate.length
              + " and "
              + best.length);
    }

    int n = candidate.length;
    double mean = 0;
    for (int r = 0; r < n; r++) {
      mean += (candidate[r] - best[r]) / n;
    }

    double squares = 0;
    for (int r = 0; r < n; r++) {
      double deviation = candidate[r] - best[r] - mean;
      squares += deviation * deviation;
    }

    double standardError = Math.sqrt(squares / (n - 1) / n);
    return mean < -standardErrors * standardError;
  }
}
