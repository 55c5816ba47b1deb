package io.synthlake.core.generate;

import io.synthlake.core.math.Cumulative;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Maps (component, uniform) to a category by the component's cumulative intervals, nulls first. A
 * text column's last category is filled by its composer from the column's own random stream.
 */
final class CategoricalGenerator implements ColumnGenerator {
  private final double[] nullShares;
  private final Cumulative[] cumulative;

  /** Whether every component has the same intervals (and so the same table and null share). */
  private final boolean sharedTable;

  private final byte[][] utf8;
  private final double[] numbers;
  private final Emitter emitter;
  private final TextGenerator text;
  private final long seed;
  private final int stream;

  CategoricalGenerator(CategoricalColumn column, long seed, int stream) {
    int categories = column.categories().size();
    this.nullShares = new double[column.componentCount()];
    this.cumulative = new Cumulative[column.componentCount()];
    double[] firstBounds = null;
    boolean shared = true;
    for (int k = 0; k < cumulative.length; k++) {
      double[] bounds = column.intervalEnds(k);
      bounds[categories] = Double.POSITIVE_INFINITY;
      nullShares[k] = bounds[0];
      // Components with the same intervals share one table (specs override a column in few
      // components), which keeps
      // the tables of a block's draws in cache and lets fillCodes take its one-table loop.
      boolean same = k > 0 && Arrays.equals(bounds, firstBounds);
      cumulative[k] = same ? cumulative[0] : Cumulative.of(bounds);
      firstBounds = k == 0 ? bounds : firstBounds;
      shared &= k == 0 || same;
    }

    this.sharedTable = shared;

    boolean isString = column.type().logicalType() == LogicalType.STRING;
    this.utf8 = new byte[categories][];
    this.numbers = new double[categories];
    for (int c = 0; c < categories; c++) {
      String category = column.categories().get(c);
      if (isString) {
        utf8[c] = category.getBytes(StandardCharsets.UTF_8);
      } else {
        numbers[c] =
            Values.parse(category, column.type(), "column '" + column.name() + "' category");
      }
    }

    this.emitter = isString ? null : Emitter.forType(column.type());
    this.text = column.composer() == null ? null : new TextGenerator(column.composer());
    this.seed = seed;
    this.stream = stream;
  }

  @Override
  public void fill(
      long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    int composed = text == null ? -1 : utf8.length - 1;
    // Composed text is not among the fixed values, so only columns without a composer can be
    // written as codes.
    boolean codes = emitter == null && text == null && sink.acceptsDictionary(utf8);
    if (codes) {
      fillCodes(rows, components, uniforms, sink);
      return;
    }

    SplittableRandom random = null;
    for (int r = 0; r < rows; r++) {
      int k = components[r];
      double u = uniforms[r];
      if (u < nullShares[k]) {
        sink.putNull(r);
        continue;
      }

      // Interval 0 holds the nulls, so category c ends at interval c + 1.
      int c = cumulative[k].firstAbove(u) - 1;

      if (c == composed) {
        if (random == null) {
          random = Seeds.random(seed, block, stream);
        }

        text.write(random, sink, r);
      } else if (emitter == null) {
        sink.putUtf8(r, utf8[c], 0, utf8[c].length);
      } else {
        emitter.emit(sink, r, numbers[c]);
      }
    }
  }

  /**
   * String categories as dictionary codes, the common case, in loops of their own (one for
   * components that share their intervals); the same values as {@link #fill}'s general loop
   * (interval 0 holds the nulls, so category c ends at interval c + 1).
   */
  private void fillCodes(int rows, int[] components, double[] uniforms, ColumnSink sink) {
    if (sharedTable) {
      Cumulative only = cumulative[0];
      double nullShare = nullShares[0];
      for (int r = 0; r < rows; r++) {
        double u = uniforms[r];
        if (u < nullShare) {
          sink.putNull(r);
        } else {
          sink.putCode(r, only.firstAbove(u) - 1);
        }
      }

      return;
    }

    for (int r = 0; r < rows; r++) {
      int k = components[r];
      double u = uniforms[r];
      if (u < nullShares[k]) {
        sink.putNull(r);
      } else {
        sink.putCode(r, cumulative[k].firstAbove(u) - 1);
      }
    }
  }
}
