package io.synthlake.core.model;

import io.synthlake.core.Errors;

/**
 * How generated numbers are shaped: clipped to the observed bounds and rounded to the observed
 * precision. {@code step} rounds to multiples (1 for integers, 86,400,000,000 µs for day-granular
 * timestamps); {@code decimals} rounds continuous values to that many decimal places (-1: no
 * rounding).
 */
public final class NumericFormat {
  private final double min;
  private final double max;
  private final double step;
  private final int decimals;
  private final double scale;

  private NumericFormat(double min, double max, double step, int decimals) {
    this.min = min;
    this.max = max;
    this.step = step;
    this.decimals = decimals;
    this.scale = decimals >= 0 ? Math.pow(10, decimals) : 0;
  }

  public static NumericFormat of(double min, double max, double step, int decimals) {
    if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw Errors.invalidModel(
          "min",
          "numeric bounds must be finite and ordered, got [%s, %s]; give a min at most "
              + "the max",
          min,
          max);
    }

    if (!(step >= 0) || decimals < -1 || decimals > 15) {
      throw Errors.invalidModel(
          "step",
          "step must be >= 0 and decimals -1 to 15, got step %s and decimals %d",
          step,
          decimals);
    }

    return new NumericFormat(min, max, step, decimals);
  }

  /**
   * Clips to the bounds, then rounds; rounding never leaves the bounds. Steps count from zero
   * (whole numbers, whole seconds), not from the lower bound, which may itself fall between steps.
   */
  public double apply(double value) {
    double clipped = Math.max(min, Math.min(max, value));
    if (step > 0) {
      double rounded = Math.rint(clipped / step) * step;
      if (rounded < min) {
        rounded += step;
      }

      if (rounded > max) {
        rounded -= step;
      }

      // When no multiple of the step lies within the bounds, the bound itself is the closest
      // allowed value.
      return Math.max(min, Math.min(max, rounded));
    }

    if (scale > 0) {
      double rounded = Math.rint(clipped * scale) / scale;
      return Math.max(min, Math.min(max, rounded));
    }

    return clipped;
  }

  /** {@link #apply} to {@code values[0..n)} in place, with the branch on the format taken once. */
  public void applyAll(double[] values, int n) {
    if (step > 0) {
      for (int i = 0; i < n; i++) {
        values[i] = apply(values[i]);
      }
    } else if (scale > 0) {
      for (int i = 0; i < n; i++) {
        double rounded = Math.rint(Math.max(min, Math.min(max, values[i])) * scale) / scale;
        values[i] = Math.max(min, Math.min(max, rounded));
      }
    } else {
      for (int i = 0; i < n; i++) {
        values[i] = Math.max(min, Math.min(max, values[i]));
      }
    }
  }

  /**
   * Rounds {@code values[0..n)} in place to the step or decimals, without clipping: what an exact
   * derived column needs, whose sums may pass the bounds its own values had.
   */
  public void roundAll(double[] values, int n) {
    if (step > 0) {
      for (int i = 0; i < n; i++) {
        values[i] = Math.rint(values[i] / step) * step;
      }
    } else if (scale > 0) {
      for (int i = 0; i < n; i++) {
        values[i] = Math.rint(values[i] * scale) / scale;
      }
    }
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public double step() {
    return step;
  }

  public int decimals() {
    return decimals;
  }
}
