package io.synthlake.core.fit;

import io.synthlake.core.model.Seasonality;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Fits a sequence column's {@link Seasonality}: least squares of its normal scores on a trend (hat
 * functions at quantiles of the times) and on whichever calendar cycles the times allow (a year's
 * harmonics once they span most of a year, a week's days once four weeks at daily or finer steps, a
 * day's harmonics once four days at steps under a day). Cycles enter one at a time, the one that
 * lowers the Bayesian information criterion most first, then the trend, each only when it moves at
 * least {@link #MIN_SHARE} of the scores' variance: neighbouring rows of a series are not
 * independent, so the criterion alone would take cycles the data does not have.
 */
final class SeasonalFitting {
  /** The least share of a column's variance a trend or cycle must explain to be kept. */
  static final double MIN_SHARE = 0.01;

  static final int TREND_KNOTS = 8;
  static final int YEAR_HARMONICS = 3;
  static final int DAY_HARMONICS = 4;

  private SeasonalFitting() {}

  private enum Part {
    TREND,
    YEAR,
    WEEK,
    DAY
  }

  /**
   * The seasonality of scores {@code z} at order values {@code times} of type {@code type}, or null
   * when no trend or cycle explains enough of them.
   *
   * @param medianGap the median gap between an entity's consecutive rows, in order units
   */
  static Seasonality fit(double[] z, double[] times, LogicalType type, double medianGap) {
    int n = z.length;
    if (n < 50) {
      return null;
    }

    double[] sorted = times.clone();
    Arrays.sort(sorted);
    double[] knots = knots(sorted);
    List<Part> candidates = new ArrayList<>();
    if (knots.length >= 2) {
      candidates.add(Part.TREND);
    }

    if (Seasonality.hasCalendar(type)) {
      double spanDays = Seasonality.days(sorted[n - 1], type) - Seasonality.days(sorted[0], type);
      double gapDays = Seasonality.days(medianGap, type);
      if (spanDays >= 0.9 * 365.2425) {
        candidates.add(Part.YEAR);
      }

      if (spanDays >= 28 && gapDays <= 1) {
        candidates.add(Part.WEEK);
      }

      if (type != LogicalType.DATE && spanDays >= 4 && gapDays < 1) {
        candidates.add(Part.DAY);
      }
    }

    double total = 0;
    for (double value : z) {
      total += value * value;
    }

    double mean = Arrays.stream(z).average().orElse(0);
    double variance = total / n - mean * mean;
    if (candidates.isEmpty() || !(variance > 0)) {
      return null;
    }

    List<Part> chosen = new ArrayList<>();
    double residual = variance * n;
    double criterion = n * Math.log(residual / n) + Math.log(n);
    double[] coefficients = {mean};
    // The calendar's cycles first, then the trend, then the cycles again: a cycle repeats when a
    // series is generated past its fitted span, while the trend stays at its last level, so a year
    // of hourly data is better told by its yearly cycle than by a trend shaped like one; and a
    // yearly swing small beside a trend (CO2's) only shows once the trend is taken out.
    boolean cyclesLeft = true;
    while (true) {
      Part best = null;
      double bestCriterion = criterion;
      double bestResidual = residual;
      double[] bestCoefficients = null;
      for (Part part : candidates) {
        if (chosen.contains(part) || cyclesLeft == (part == Part.TREND)) {
          continue;
        }

        List<Part> trial = new ArrayList<>(chosen);
        trial.add(part);
        double[] beta = solve(z, times, type, knots, trial);
        if (beta == null) {
          continue;
        }

        double squares = residualSquares(z, times, type, knots, trial, beta);
        double fitted = n * Math.log(squares / n) + beta.length * Math.log(n);
        if ((residual - squares) / (variance * n) >= MIN_SHARE && fitted < bestCriterion) {
          best = part;
          bestCriterion = fitted;
          bestResidual = squares;
          bestCoefficients = beta;
        }
      }

      if (best == null && cyclesLeft) {
        cyclesLeft = false;
        continue;
      }

      if (best == null) {
        break;
      }

      // Once the trend is in, cycles too small beside it may now be worth their share.
      cyclesLeft = true;
      chosen.add(best);
      criterion = bestCriterion;
      residual = bestResidual;
      coefficients = bestCoefficients;
    }

    if (chosen.isEmpty()) {
      return null;
    }

    return build(coefficients, knots, chosen, Math.sqrt(Math.max(1e-6, residual / n)));
  }

  /** Up to {@link #TREND_KNOTS} distinct quantiles of the sorted times, first and last included. */
  private static double[] knots(double[] sorted) {
    int n = sorted.length;
    double[] knots = new double[TREND_KNOTS];
    int count = 0;
    for (int k = 0; k < TREND_KNOTS; k++) {
      double value = sorted[(int) Math.round((double) k * (n - 1) / (TREND_KNOTS - 1))];
      if (count == 0 || value > knots[count - 1]) {
        knots[count++] = value;
      }
    }

    return Arrays.copyOf(knots, count);
  }

  /** The row's features for the chosen parts: the trend's hats (or a constant), then the cycles. */
  private static int features(
      double time, LogicalType type, double[] knots, List<Part> parts, double[] into) {
    int f = 0;
    if (parts.contains(Part.TREND)) {
      for (int k = 0; k < knots.length; k++) {
        into[f++] = hat(knots, k, time);
      }
    } else {
      into[f++] = 1;
    }

    double days = Seasonality.hasCalendar(type) ? Seasonality.days(time, type) : 0;
    for (Part part : parts) {
      switch (part) {
        case YEAR -> f = harmonics(Seasonality.yearPhase(days), YEAR_HARMONICS, into, f);
        case DAY -> f = harmonics(Seasonality.dayPhase(days), DAY_HARMONICS, into, f);
        case WEEK -> {
          // Six days against Sunday: with the constant, a level per day.
          int day = Seasonality.dayOfWeek(days);
          for (int d = 0; d < 6; d++) {
            into[f++] = day == d ? 1 : 0;
          }
        }
        default -> {}
      }
    }

    return f;
  }

  private static int harmonics(double phase, int count, double[] into, int f) {
    for (int k = 1; k <= count; k++) {
      into[f++] = Math.cos(2 * Math.PI * k * phase);
      into[f++] = Math.sin(2 * Math.PI * k * phase);
    }

    return f;
  }

  /** Knot k's hat: 1 at the knot, falling linearly to 0 at its neighbours, flat past the ends. */
  private static double hat(double[] knots, int k, double time) {
    int last = knots.length - 1;
    if (time <= knots[0]) {
      return k == 0 ? 1 : 0;
    }

    if (time >= knots[last]) {
      return k == last ? 1 : 0;
    }

    if (k > 0 && time >= knots[k - 1] && time <= knots[k]) {
      return (time - knots[k - 1]) / (knots[k] - knots[k - 1]);
    }

    if (k < last && time >= knots[k] && time <= knots[k + 1]) {
      return (knots[k + 1] - time) / (knots[k + 1] - knots[k]);
    }

    return 0;
  }

  private static int width(double[] knots, List<Part> parts) {
    int width = parts.contains(Part.TREND) ? knots.length : 1;
    for (Part part : parts) {
      width +=
          switch (part) {
            case YEAR -> 2 * YEAR_HARMONICS;
            case DAY -> 2 * DAY_HARMONICS;
            case WEEK -> 6;
            default -> 0;
          };
    }

    return width;
  }

  /** The least-squares coefficients, or null when the features are collinear. */
  private static double[] solve(
      double[] z, double[] times, LogicalType type, double[] knots, List<Part> parts) {
    int p = width(knots, parts);
    double[][] normal = new double[p][p];
    double[] right = new double[p];
    double[] x = new double[p];
    for (int r = 0; r < z.length; r++) {
      features(times[r], type, knots, parts, x);
      for (int a = 0; a < p; a++) {
        right[a] += x[a] * z[r];
        for (int b = 0; b <= a; b++) {
          normal[a][b] += x[a] * x[b];
        }
      }
    }

    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        normal[b][a] = normal[a][b];
      }

      // A touch of ridge keeps a hat with few rows near it from making the system singular.
      normal[a][a] += 1e-9 * z.length;
    }

    try {
      RealVector beta =
          new LUDecomposition(new Array2DRowRealMatrix(normal, false))
              .getSolver()
              .solve(new ArrayRealVector(right, false));
      return beta.toArray();
    } catch (SingularMatrixException e) {
      return null;
    }
  }

  private static double residualSquares(
      double[] z, double[] times, LogicalType type, double[] knots, List<Part> parts, double[] b) {
    double[] x = new double[b.length];
    double squares = 0;
    for (int r = 0; r < z.length; r++) {
      features(times[r], type, knots, parts, x);
      double fitted = 0;
      for (int a = 0; a < b.length; a++) {
        fitted += x[a] * b[a];
      }

      squares += (z[r] - fitted) * (z[r] - fitted);
    }

    return squares;
  }

  private static Seasonality build(double[] beta, double[] knots, List<Part> parts, double scale) {
    int f = 0;
    double[] levels;
    if (parts.contains(Part.TREND)) {
      levels = Arrays.copyOfRange(beta, 0, knots.length);
      f = knots.length;
    } else {
      levels = new double[] {beta[0]};
      f = 1;
    }

    double[] yearCos = new double[0];
    double[] yearSin = new double[0];
    double[] dayCos = new double[0];
    double[] daySin = new double[0];
    double[] week = new double[0];
    for (Part part : parts) {
      switch (part) {
        case YEAR -> {
          yearCos = every(beta, f, YEAR_HARMONICS, 0);
          yearSin = every(beta, f, YEAR_HARMONICS, 1);
          f += 2 * YEAR_HARMONICS;
        }
        case DAY -> {
          dayCos = every(beta, f, DAY_HARMONICS, 0);
          daySin = every(beta, f, DAY_HARMONICS, 1);
          f += 2 * DAY_HARMONICS;
        }
        case WEEK -> {
          week = new double[7];
          System.arraycopy(beta, f, week, 0, 6);
          f += 6;
        }
        default -> {}
      }
    }

    return new Seasonality(
        parts.contains(Part.TREND) ? knots : new double[0],
        levels,
        yearCos,
        yearSin,
        week,
        dayCos,
        daySin,
        Math.min(1, scale));
  }

  private static double[] every(double[] beta, int from, int count, int parity) {
    double[] values = new double[count];
    for (int k = 0; k < count; k++) {
      values[k] = beta[from + 2 * k + parity];
    }

    return values;
  }
}
