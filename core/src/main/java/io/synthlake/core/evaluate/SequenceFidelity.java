package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.SequenceReport.Adherence;
import io.synthlake.core.evaluate.SequenceReport.Adherences;
import io.synthlake.core.evaluate.SequenceReport.ColumnAutocorrelation;
import io.synthlake.core.evaluate.SequenceReport.ColumnStep;
import io.synthlake.core.evaluate.SequenceReport.ColumnTransitions;
import io.synthlake.core.evaluate.SequenceReport.Distance;
import io.synthlake.core.evaluate.SequenceReport.FloorAdherence;
import io.synthlake.core.evaluate.SequenceReport.HistoryChart;
import io.synthlake.core.evaluate.SequenceReport.HistoryLine;
import io.synthlake.core.evaluate.SequenceReport.Side;
import io.synthlake.core.evaluate.SequenceReport.Sides;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a table of histories, from what the Spark jobs count on each side: the lengths of
 * every history, the rules' counts over every row, and a bounded sample of whole histories for the
 * rest (gaps, autocorrelations, transitions, next-step pairs, charts). Pure arithmetic;
 * docs/evaluation.md ("Histories") defines each figure.
 */
public final class SequenceFidelity {
  /**
   * Autocorrelation lags 1 to this: a week of daily rows, the horizon the fit's processes reach.
   */
  public static final int LAGS = 7;

  /** At most this many entities' histories are sampled per side. */
  public static final int SAMPLE_ENTITIES = 1_000;

  /**
   * At most this many rows are sampled per side: whole histories while they fit, then the first
   * rows of the last one.
   */
  public static final int SAMPLE_ROWS = 100_000;

  /** Histories the report draws per side, columns per history and rows per line. */
  static final int CHART_HISTORIES = 3;

  static final int CHART_COLUMNS = 2;
  static final int CHART_POINTS = 500;

  private SequenceFidelity() {}

  /**
   * What the Spark jobs count on one side.
   *
   * @param lengths rows per entity, over every entity with a row
   * @param monotone rows with an earlier row of their entity, and those whose order value is at
   *     least that row's
   * @param floors per floor rule (in the spec's order), rows checked and rows that keep it
   * @param histories the sampled histories, over the compared columns
   */
  public record SideCounts(
      FanOut lengths, Adherence monotone, List<Adherence> floors, Histories histories) {
    public SideCounts {
      floors = List.copyOf(floors);
    }
  }

  /**
   * The figures of one table of histories.
   *
   * @param columns the compared columns (the order and entity columns left out), as the sampled
   *     histories hold them, binned as the table's evaluation bins them
   * @param orderScale how the order column's values read
   */
  public static SequenceReport report(
      SequenceSpec spec,
      List<ColumnBinning> columns,
      ColumnBinning.Scale orderScale,
      SideCounts train,
      SideCounts holdout,
      SideCounts synthetic) {
    List<SideCounts> sides = List.of(train, holdout, synthetic);
    for (SideCounts side : sides) {
      SynthlakeException.check(
          side.histories().columns() == columns.size()
              && side.floors().size() == spec.floors().size(),
          "evaluate: sequence %s: the sampled histories do not match its columns",
          spec.table());
    }

    double[][] gaps = new double[3][];
    for (int s = 0; s < 3; s++) {
      gaps[s] = gaps(sides.get(s).histories());
    }

    List<ColumnAutocorrelation> autocorrelations = new ArrayList<>();
    List<ColumnTransitions> transitions = new ArrayList<>();
    List<ColumnStep> steps = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      ColumnBinning binning = columns.get(c);
      if (binning.isNumeric()) {
        autocorrelations.add(autocorrelation(binning.name(), c, sides));
      }

      long[][] counts = new long[3][];
      for (int s = 0; s < 3; s++) {
        counts[s] = stepCounts(sides.get(s).histories(), c, binning);
      }

      steps.add(
          new ColumnStep(
              binning.name(),
              new Score(
                  Fidelity.accuracy(counts[0], counts[2]),
                  Fidelity.accuracy(counts[0], counts[1]))));
      if (!binning.isNumeric()) {
        int bins = binning.binCount();
        transitions.add(
            new ColumnTransitions(
                binning.name(),
                binning.labels(),
                new Distance(
                    transitionDistance(counts[0], counts[2], bins),
                    transitionDistance(counts[0], counts[1], bins))));
      }
    }

    Score nextStep = Score.mean(steps.stream().map(ColumnStep::accuracy).toList());
    steps.sort(Comparator.comparingDouble(step -> step.accuracy().synthetic()));
    List<FloorAdherence> floors = new ArrayList<>();
    for (int f = 0; f < spec.floors().size(); f++) {
      SequenceSpec.Floor floor = spec.floors().get(f);
      floors.add(
          new FloorAdherence(
              floor.column(),
              floor.floor(),
              new Adherences(
                  train.floors().get(f), holdout.floors().get(f), synthetic.floors().get(f))));
    }

    return new SequenceReport(
        spec.table(),
        spec.entity(),
        spec.order(),
        LAGS,
        new Score(
            FanOut.similarity(train.lengths(), synthetic.lengths()),
            FanOut.similarity(train.lengths(), holdout.lengths())),
        new Score(1 - ks(gaps[0], gaps[2]), 1 - ks(gaps[0], gaps[1])),
        Distance.mean(autocorrelations.stream().map(ColumnAutocorrelation::distance).toList()),
        Distance.mean(transitions.stream().map(ColumnTransitions::distance).toList()),
        nextStep,
        new Adherences(train.monotone(), holdout.monotone(), synthetic.monotone()),
        floors,
        new Sides(side(train, gaps[0]), side(holdout, gaps[1]), side(synthetic, gaps[2])),
        autocorrelations,
        transitions,
        steps,
        chart(orderScale, columns, autocorrelations, train.histories(), synthetic.histories()));
  }

  private static Side side(SideCounts counts, double[] gaps) {
    return new Side(
        counts.lengths().parents(),
        counts.lengths().children(),
        counts.lengths().mean(),
        counts.histories().entities(),
        counts.histories().rows(),
        Arrays.stream(gaps).average().orElse(Double.NaN));
  }

  private static ColumnAutocorrelation autocorrelation(
      String name, int column, List<SideCounts> sides) {
    double[][] rho = new double[3][];
    for (int s = 0; s < 3; s++) {
      rho[s] = autocorrelations(sides.get(s).histories(), column, LAGS);
    }

    double[] difference = new double[LAGS];
    for (int k = 0; k < LAGS; k++) {
      difference[k] = Math.abs(rho[2][k] - rho[0][k]);
    }

    return new ColumnAutocorrelation(
        name,
        rho[0],
        rho[1],
        rho[2],
        difference,
        new Distance(
            meanAbsoluteDifference(rho[0], rho[2]), meanAbsoluteDifference(rho[0], rho[1])));
  }

  /**
   * The autocorrelation of numeric column {@code column} at lags 1 to {@code lags}, within entities
   * and pooled: with m and v the mean and (population) variance of the column over every sampled
   * row, r_k = mean over pairs (x_t, x_{t+k}) of one entity, both present, of (x_t − m)(x_{t+k} −
   * m), divided by v. NaN at a lag without pairs, and everywhere for a constant column.
   */
  static double[] autocorrelations(Histories histories, int column, int lags) {
    double sum = 0;
    long count = 0;
    for (int e = 0; e < histories.entities(); e++) {
      for (Object value : histories.values(e, column)) {
        if (present(value)) {
          sum += ((Number) value).doubleValue();
          count++;
        }
      }
    }

    double[] rho = new double[lags];
    Arrays.fill(rho, Double.NaN);
    if (count < 2) {
      return rho;
    }

    double mean = sum / count;
    double squares = 0;
    for (int e = 0; e < histories.entities(); e++) {
      for (Object value : histories.values(e, column)) {
        if (present(value)) {
          double d = ((Number) value).doubleValue() - mean;
          squares += d * d;
        }
      }
    }

    double variance = squares / count;
    if (!(variance > 0)) {
      return rho;
    }

    for (int k = 1; k <= lags; k++) {
      double products = 0;
      long pairs = 0;
      for (int e = 0; e < histories.entities(); e++) {
        Object[] x = histories.values(e, column);
        for (int t = k; t < x.length; t++) {
          if (present(x[t]) && present(x[t - k])) {
            products +=
                (((Number) x[t]).doubleValue() - mean) * (((Number) x[t - k]).doubleValue() - mean);
            pairs++;
          }
        }
      }

      rho[k - 1] = pairs == 0 ? Double.NaN : products / pairs / variance;
    }

    return rho;
  }

  private static boolean present(Object value) {
    return value != null && Double.isFinite(((Number) value).doubleValue());
  }

  /** The mean of |a_k − b_k| over the lags where both are defined; NaN when none is. */
  static double meanAbsoluteDifference(double[] a, double[] b) {
    double sum = 0;
    int count = 0;
    for (int k = 0; k < a.length; k++) {
      if (Double.isFinite(a[k]) && Double.isFinite(b[k])) {
        sum += Math.abs(a[k] - b[k]);
        count++;
      }
    }

    return count == 0 ? Double.NaN : sum / count;
  }

  /** The gaps between consecutive order values within each history, pooled. */
  static double[] gaps(Histories histories) {
    int count = 0;
    for (int e = 0; e < histories.entities(); e++) {
      count += Math.max(0, histories.order(e).length - 1);
    }

    double[] gaps = new double[count];
    int i = 0;
    for (int e = 0; e < histories.entities(); e++) {
      double[] order = histories.order(e);
      for (int t = 1; t < order.length; t++) {
        gaps[i++] = order[t] - order[t - 1];
      }
    }

    return gaps;
  }

  /**
   * The two-sample Kolmogorov-Smirnov statistic, exact: the largest distance between the two
   * empirical distribution functions, evaluated at every value either sample has. NaN when either
   * is empty.
   */
  static double ks(double[] a, double[] b) {
    if (a.length == 0 || b.length == 0) {
      return Double.NaN;
    }

    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double max = 0;
    while (i < x.length || j < y.length) {
      double next =
          Math.min(
              i < x.length ? x[i] : Double.POSITIVE_INFINITY,
              j < y.length ? y[j] : Double.POSITIVE_INFINITY);
      while (i < x.length && x[i] == next) {
        i++;
      }

      while (j < y.length && y[j] == next) {
        j++;
      }

      max = Math.max(max, Math.abs((double) i / x.length - (double) j / y.length));
    }

    return max;
  }

  /**
   * The binned joint counts of (value, next value) of column {@code column} over consecutive rows
   * of each history: index {@code bin(x_t) × bins + bin(x_{t+1})}, in the column's coarse bins.
   */
  static long[] stepCounts(Histories histories, int column, ColumnBinning binning) {
    int bins = binning.binCount();
    long[] counts = new long[bins * bins];
    for (int e = 0; e < histories.entities(); e++) {
      Object[] x = histories.values(e, column);
      for (int t = 1; t < x.length; t++) {
        counts[binning.bin(x[t - 1]) * bins + binning.bin(x[t])]++;
      }
    }

    return counts;
  }

  /**
   * The distance between two transition matrices given as step counts: Σ over previous bins a of
   * w_a × TVD(P_train(next | a), P_other(next | a)), w_a being a's share of the training
   * transitions. A previous bin the other side never leaves counts 1 (its row is missing). NaN
   * without training transitions; 0 when the matrices are equal.
   */
  static double transitionDistance(long[] train, long[] other, int bins) {
    long total = Arrays.stream(train).sum();
    if (total == 0) {
      return Double.NaN;
    }

    double distance = 0;
    for (int a = 0; a < bins; a++) {
      long trainRow = 0;
      long otherRow = 0;
      for (int b = 0; b < bins; b++) {
        trainRow += train[a * bins + b];
        otherRow += other[a * bins + b];
      }

      if (trainRow == 0) {
        continue;
      }

      double tvd = 1;
      if (otherRow > 0) {
        double sum = 0;
        for (int b = 0; b < bins; b++) {
          sum +=
              Math.abs(
                  (double) train[a * bins + b] / trainRow
                      - (double) other[a * bins + b] / otherRow);
        }

        tvd = sum / 2;
      }

      distance += (double) trainRow / total * tvd;
    }

    return distance;
  }

  /**
   * The first {@value #CHART_HISTORIES} sampled histories of the training and synthetic sides (the
   * sample is in a hashed order, so these are arbitrary ones), over the numeric columns whose
   * training lag-1 autocorrelation is largest: where continuity shows.
   */
  private static HistoryChart chart(
      ColumnBinning.Scale orderScale,
      List<ColumnBinning> columns,
      List<ColumnAutocorrelation> autocorrelations,
      Histories train,
      Histories synthetic) {
    List<ColumnAutocorrelation> charted =
        autocorrelations.stream()
            .filter(column -> Double.isFinite(column.train()[0]))
            .sorted(Comparator.comparingDouble(column -> -column.train()[0]))
            .limit(CHART_COLUMNS)
            .toList();
    List<String> names = charted.stream().map(ColumnAutocorrelation::column).toList();
    int[] indexes = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).name().equals(names.get(i))) {
          indexes[i] = c;
        }
      }
    }

    return new HistoryChart(
        orderScale.name().toLowerCase(Locale.ROOT),
        names,
        lines(train, indexes),
        lines(synthetic, indexes));
  }

  private static List<HistoryLine> lines(Histories histories, int[] columns) {
    List<HistoryLine> lines = new ArrayList<>();
    for (int e = 0; e < Math.min(CHART_HISTORIES, histories.entities()); e++) {
      int points = Math.min(CHART_POINTS, histories.order(e).length);
      List<double[]> values = new ArrayList<>();
      for (int column : columns) {
        Object[] x = histories.values(e, column);
        double[] line = new double[points];
        for (int t = 0; t < points; t++) {
          line[t] = present(x[t]) ? ((Number) x[t]).doubleValue() : Double.NaN;
        }

        values.add(line);
      }

      lines.add(new HistoryLine(Arrays.copyOf(histories.order(e), points), values));
    }

    return lines;
  }
}
