package io.synthlake.core.generate;

import io.synthlake.core.math.Cumulative;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Maps (component, uniform) to a category by the component's cumulative intervals, nulls first. A text column's last
 * category is filled by its composer from the column's own random stream.
 */
final class CategoricalGenerator implements ColumnGenerator {
  private final double[][] cumulative;
  private final byte[][] utf8;
  private final double[] numbers;
  private final Emitter emitter;
  private final TextGenerator text;
  private final long seed;
  private final int stream;

  CategoricalGenerator(CategoricalColumn column, long seed, int stream) {
    int categories = column.categories().size();
    this.cumulative = new double[column.componentCount()][];
    for (int k = 0; k < cumulative.length; k++) {
      double[] bounds = column.intervalEnds(k);
      bounds[categories] = Double.POSITIVE_INFINITY;
      cumulative[k] = bounds;
    }

    boolean isString = column.type().logicalType() == LogicalType.STRING;
    this.utf8 = new byte[categories][];
    this.numbers = new double[categories];
    for (int c = 0; c < categories; c++) {
      String category = column.categories().get(c);
      if (isString) {
        utf8[c] = category.getBytes(StandardCharsets.UTF_8);
      } else {
        numbers[c] = Values.parse(category, column.type(), "column '" + column.name() + "' category");
      }
    }

    this.emitter = isString ? null : Emitter.forType(column.type());
    this.text = column.composer() == null ? null : new TextGenerator(column.composer());
    this.seed = seed;
    this.stream = stream;
  }

  @Override
  public void fill(long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    int composed = text == null ? -1 : utf8.length - 1;
    SplittableRandom random = null;
    for (int r = 0; r < rows; r++) {
      double[] bounds = cumulative[components[r]];
      double u = uniforms[r];
      if (u < bounds[0]) {
        sink.putNull(r);
        continue;
      }

      int c = Cumulative.firstAbove(bounds, 1, u) - 1;

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
}
