package io.synthlake.core.generate;

import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TimeOfDay;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LocalClock;
import io.synthlake.core.types.LogicalType;

/**
 * Writes a timestamp column whose time of day is modelled apart ({@link TimeOfDay}): the column's
 * own marginal draws an instant, of which only the local date is kept; the time of day is drawn
 * from its own copula column and marginal; the two are joined on the wall clock of the model's
 * zone, then shaped by the column's format. A time of day that a clock change skips on that date
 * moves forward by the gap (2:30 becomes 3:30), one it repeats takes the earlier instant.
 */
final class TimeOfDayGenerator implements ColumnGenerator {
  private static final double MICROS_PER_SECOND = 1e6;

  /** The latest time of day a draw may take: just before the next midnight. */
  private static final double LAST_SECOND = LocalClock.SECONDS_PER_DAY - 1e-6;

  private final NumericGenerator instants;
  private final NumericGenerator times;
  private final NumericFormat format;
  private final BlockScratch scratch;
  private final LocalClock clock;

  /** The grid times of day are rounded to, in seconds; 0 for none. */
  private final double step;

  /**
   * The writer's uniforms (or scores) of the time-of-day copula column, filled before each fill.
   */
  private final double[] timeUniforms;

  /** The instants the column's own marginal drew, unshaped: only their local dates are kept. */
  private final double[] drawn = new double[TableSampler.BLOCK_ROWS];

  private final int[] nullRows = new int[TableSampler.BLOCK_ROWS];

  /**
   * @param timeUniforms the array the writer draws the time-of-day copula column into
   */
  TimeOfDayGenerator(NumericColumn column, BlockScratch scratch, double[] timeUniforms) {
    TimeOfDay timeOfDay = column.timeOfDay();
    this.instants = new NumericGenerator(column, scratch);
    this.times =
        new NumericGenerator(
            NumericColumn.of(
                TimeOfDay.copulaName(column.name()),
                DataType.of(LogicalType.DOUBLE),
                ColumnKind.CONTINUOUS,
                NumericFormat.of(0, LAST_SECOND, 0, -1),
                timeOfDay.components()),
            scratch);
    this.format = column.format();
    this.scratch = scratch;
    this.timeUniforms = timeUniforms;
    this.step = timeOfDay.step();
    long firstSecond = (long) Math.floor(format.min() / MICROS_PER_SECOND);
    long lastSecond = (long) Math.ceil(format.max() / MICROS_PER_SECOND);
    this.clock =
        LocalClock.of(
            timeOfDay.zone(),
            firstSecond - 2 * LocalClock.SECONDS_PER_DAY,
            lastSecond + 2 * LocalClock.SECONDS_PER_DAY);
  }

  @Override
  public boolean takesNormalScores() {
    return instants.takesNormalScores();
  }

  /** Whether the time-of-day copula column is read as normal scores rather than uniforms. */
  boolean timeTakesNormalScores() {
    return times.takesNormalScores();
  }

  @Override
  public void fill(
      long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    double[] values = scratch.values;
    int nulls = instants.draw(rows, components, uniforms, drawn, scratch.nullRows);
    // The instants' null rows are kept aside: the time-of-day draw reuses the scratch arrays.
    System.arraycopy(scratch.nullRows, 0, nullRows, 0, nulls);
    times.draw(rows, components, timeUniforms, values, scratch.nullRows);
    for (int r = 0; r < rows; r++) {
      long second = (long) Math.floor(drawn[r] / MICROS_PER_SECOND);
      long day = Math.floorDiv(clock.localSecond(second), LocalClock.SECONDS_PER_DAY);
      double time = values[r];
      if (step > 0) {
        time = Math.min(Math.rint(time / step) * step, LocalClock.SECONDS_PER_DAY - step);
      }

      time = Math.max(0, Math.min(LAST_SECOND, time));
      long whole = (long) Math.floor(time);
      long instant = clock.epochSecond(day * LocalClock.SECONDS_PER_DAY + whole);
      values[r] = instant * MICROS_PER_SECOND + Math.rint((time - whole) * MICROS_PER_SECOND);
    }

    format.applyAll(values, rows);
    instants.emit(sink, values, rows, nullRows, nulls);
  }
}
