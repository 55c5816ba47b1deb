package io.synthlake.core.generate;

import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.math.Normal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.Seasonality;
import io.synthlake.core.model.StateTransitions;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Months;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the normal scores a sequence table's copula draws for each row into series along each
 * entity's rows, and gives each row its order value. A column's score at step t is its process's
 * value from the drawn score (the innovation) and the column's values at the entity's earlier
 * steps, moved by its season at the row's time when it has one. The gaps come first: their values
 * give each row's time (the entity's start, then the running sum of the gaps), which the seasons
 * read. The copula's draws stay independent from row to row, so a row's values depend on the rows
 * before it in its entity only through this filter. Carries the last values from one block of rows
 * to the next, so the blocks of a root block must be filtered in order; one per task.
 */
final class SequenceFilter {
  private final AutoRegression[] processes;
  private final Seasonality[] seasons;
  private final StateTransitions[] chains;

  /** Per chain column, each component's interval ends ({@link CategoricalColumn#intervalEnds}). */
  private final double[][][] intervals;

  /** Per chain column, the entity's last state. */
  private final int[] states;

  private final double[][] history;
  private final int gapColumn;
  private final int gapCopula;
  private final LogicalType orderType;
  private final boolean whole;
  private final int monthDay;
  private final TableSet.Series series;
  private final NumberSink gaps = new NumberSink();
  private final double[] times = new double[TableSampler.BLOCK_ROWS];

  /**
   * The gaps' own marginal per component and format, when the gaps have a season: each gap then
   * depends on the time of the row before it, so the gaps are drawn row by row.
   */
  private final Marginal[] gapMarginals;

  private final NumericFormat gapFormat;

  private int[] steps;
  private double[] entityStarts;
  private int offset;
  private double lastTime;

  /** The order value of the last row filtered. */
  private double previousTime;

  SequenceFilter(TableModel model, TableSet.Sequence sequence) {
    int dimension = model.dependence().dimension();
    this.processes = new AutoRegression[dimension];
    this.seasons = new Seasonality[dimension];
    List<String> names = model.columnNames();
    for (Map.Entry<String, AutoRegression> process : sequence.processes().entrySet()) {
      processes[model.copulaIndex(names.indexOf(process.getKey()))] = process.getValue();
    }

    for (Map.Entry<String, Seasonality> season : sequence.seasons().entrySet()) {
      seasons[model.copulaIndex(names.indexOf(season.getKey()))] = season.getValue();
    }

    this.chains = new StateTransitions[dimension];
    this.intervals = new double[dimension][][];
    this.states = new int[dimension];
    for (Map.Entry<String, StateTransitions> chain : sequence.transitions().entrySet()) {
      int column = names.indexOf(chain.getKey());
      int j = model.copulaIndex(column);
      chains[j] = chain.getValue();
      CategoricalColumn categorical = (CategoricalColumn) model.columns().get(column);
      intervals[j] = new double[categorical.componentCount()][];
      for (int k = 0; k < intervals[j].length; k++) {
        intervals[j][k] = categorical.intervalEnds(k);
      }
    }

    this.history = new double[dimension][];
    for (int j = 0; j < dimension; j++) {
      int order = processes[j] == null ? 0 : processes[j].order();
      history[j] = new double[Math.max(1, order)];
    }

    this.gapColumn = names.indexOf(TableSet.GAP_COLUMN);
    this.gapCopula = model.copulaIndex(gapColumn);
    this.orderType = sequence.orderType().logicalType();
    this.whole = orderType.isIntegral() || orderType.isTemporal();
    this.monthDay = sequence.monthDay();
    this.series = sequence.series();
    if (gapCopula >= 0 && seasons[gapCopula] != null) {
      NumericColumn gapModel = (NumericColumn) model.columns().get(gapColumn);
      this.gapMarginals =
          gapModel.components().stream()
              .map(NumericDistribution::marginal)
              .toArray(Marginal[]::new);
      this.gapFormat = gapModel.format();
    } else {
      this.gapMarginals = null;
      this.gapFormat = null;
    }
  }

  /** The model column of the gaps, which {@link #apply}'s gap filler writes. */
  int gapColumn() {
    return gapColumn;
  }

  /**
   * Where the next rows stand: {@code steps[offset + r]} is row r's step within its entity (0 for
   * its first row), {@code entityStarts[offset + r]} its entity's start (read at step 0): an order
   * value for a history, the chunk's start in {@link TableSet.Series} units for a series.
   */
  void position(int[] steps, double[] entityStarts, int offset) {
    this.steps = steps;
    this.entityStarts = entityStarts;
    this.offset = offset;
  }

  /** Row {@code row}'s order value in the last block filtered. */
  double time(int row) {
    return times[row];
  }

  /**
   * Filters {@code rows} rows of drawn values in place: per copula column j with {@code drawn[j]}
   * filled, uniforms or (where {@code asScores[j]}) normal scores. {@code gapFiller} writes the gap
   * column's values, from its drawn values once filtered, into the sink it is given.
   */
  void apply(
      double[][] drawn,
      boolean[] asScores,
      boolean[] filled,
      int[] components,
      int rows,
      Consumer<ColumnSink> gapFiller) {
    if (gapMarginals != null) {
      seasonalGaps(drawn[gapCopula], asScores[gapCopula], components, rows);
    } else {
      if (gapCopula >= 0 && filled[gapCopula]) {
        filter(gapCopula, drawn[gapCopula], asScores[gapCopula], rows);
      }

      gapFiller.accept(gaps);
      for (int r = 0; r < rows; r++) {
        times[r] = nextTime(r, gaps.value(r));
      }
    }

    for (int j = 0; j < processes.length; j++) {
      if (j != gapCopula && filled[j] && (processes[j] != null || seasons[j] != null)) {
        filter(j, drawn[j], asScores[j], rows);
      } else if (chains[j] != null && filled[j]) {
        chain(j, drawn[j], asScores[j], components, rows);
      }
    }
  }

  /**
   * Moves a chain column's rows from state to state: a row's uniform picks its state from the last
   * state's matrix row (the first row's, for an entity's first), and is mapped to the same relative
   * place in that state's interval of the row's component, which the column's generator reads. A
   * state the component never takes keeps the uniform as drawn.
   */
  private void chain(int j, double[] values, boolean scores, int[] components, int rows) {
    StateTransitions chain = chains[j];
    for (int r = 0; r < rows; r++) {
      double u = scores ? Normal.cdf(values[r]) : values[r];
      int k = components[r];
      double[] ends = intervals[j][k];
      int from = steps[offset + r] == 0 ? StateTransitions.FIRST : states[j];
      int to = chain.next(k, from, u);
      double low = chain.below(k, from, to);
      double high = to == ends.length - 1 ? 1 : chain.below(k, from, to + 1);
      double start = to == 0 ? 0 : ends[to - 1];
      double end = to == ends.length - 1 ? 1 : ends[to];
      if (end > start && high > low) {
        u = start + (end - start) * Math.min(1, Math.max(0, (u - low) / (high - low)));
        u = Math.min(Math.nextDown(end), Math.max(start, u));
        values[r] = scores ? Math.max(-8.5, Math.min(8.5, Normal.quantile(u))) : u;
      }

      states[j] = StateTransitions.stateOf(ends, u);
    }
  }

  /**
   * Gaps with a season (more events by day than by night): row by row, each gap's score moved by
   * its season at the time of the row before it, turned into its value through the gaps' marginal,
   * and added to that time. An entity's first row has no gap; its season reads the entity's start.
   */
  private void seasonalGaps(double[] values, boolean scores, int[] components, int rows) {
    AutoRegression process = processes[gapCopula];
    Seasonality season = seasons[gapCopula];
    double[] past = history[gapCopula];
    for (int r = 0; r < rows; r++) {
      int step = steps[offset + r];
      double score = scores ? values[r] : Math.max(-8.5, Math.min(8.5, Normal.quantile(values[r])));
      if (process != null) {
        score = process.next(score, past, step);
        System.arraycopy(past, 0, past, 1, past.length - 1);
        past[0] = score;
      }

      double before = step == 0 ? entityStart(r) : previousTime;
      score = season.mean(before, orderType) + season.scale() * score;
      double u = Normal.cdf(score);
      values[r] = scores ? score : u;
      Marginal marginal = gapMarginals[components[r]];
      double gap = marginal == null ? 0 : gapFormat.apply(marginal.quantile(u));
      times[r] = nextTime(r, gap);
    }
  }

  /** Row r's entity's start as an order value. */
  private double entityStart(int r) {
    double start = entityStarts[offset + r];
    return series != null && monthDay > 0 ? Months.epochDay((long) start, monthDay) : start;
  }

  private void filter(int j, double[] values, boolean scores, int rows) {
    AutoRegression process = processes[j];
    Seasonality season = seasons[j];
    double[] past = history[j];
    for (int r = 0; r < rows; r++) {
      // A uniform of exactly 0 would give an infinite score: kept within the scores doubles reach.
      double score = scores ? values[r] : Math.max(-8.5, Math.min(8.5, Normal.quantile(values[r])));
      if (process != null) {
        score = process.next(score, past, steps[offset + r]);
        System.arraycopy(past, 0, past, 1, past.length - 1);
        past[0] = score;
      }

      if (season != null) {
        score = season.mean(times[r], orderType) + season.scale() * score;
      }

      values[r] = scores ? score : Normal.cdf(score);
    }
  }

  /**
   * Row r's order value: its entity's start at its first row, then the last value plus the row's
   * gap (never below 0, so the order never goes back). A series' chunk stays below the next chunk's
   * start, leaving the smallest gap for each row still to come. A monthly sequence counts in months
   * ({@link Months}) and lands each row on its day of the month.
   */
  private double nextTime(int r, double gap) {
    int step = steps[offset + r];
    if (step == 0) {
      double start = entityStarts[offset + r];
      lastTime = monthDay > 0 && series == null ? Months.index(start) : start;
    } else {
      lastTime += gap > 0 ? (whole ? Math.round(gap) : gap) : 0;
    }

    if (series != null && step > 0) {
      double entityStart = entityStarts[offset + r];
      double ceiling =
          entityStart + series.span() - (TableSampler.BLOCK_ROWS - step) * series.minGap();
      lastTime = Math.max(entityStart, Math.min(lastTime, whole ? Math.floor(ceiling) : ceiling));
    }

    previousTime = monthDay > 0 ? Months.epochDay((long) lastTime, monthDay) : lastTime;
    return previousTime;
  }
}
