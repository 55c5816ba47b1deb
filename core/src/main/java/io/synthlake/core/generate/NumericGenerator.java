package io.synthlake.core.generate;

import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;

/** Maps (component, uniform) to a value through the component's null share and quantile function, then formats it. */
final class NumericGenerator implements ColumnGenerator {
  private final double[] nullShares;
  private final Marginal[] marginals;
  private final NumericFormat format;
  private final Emitter emitter;

  NumericGenerator(NumericColumn column) {
    int components = column.components().size();
    this.nullShares = new double[components];
    this.marginals = new Marginal[components];
    for (int k = 0; k < components; k++) {
      NumericDistribution distribution = column.components().get(k);
      nullShares[k] = distribution.nullShare();
      marginals[k] = distribution.marginal();
    }

    this.format = column.format();
    this.emitter = Emitter.forType(column.type());
  }

  @Override
  public void fill(long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    for (int r = 0; r < rows; r++) {
      int k = components[r];
      double u = uniforms[r];
      double nullShare = nullShares[k];
      if (u < nullShare) {
        sink.putNull(r);
      } else {
        double p = nullShare > 0 ? (u - nullShare) / (1.0 - nullShare) : u;
        emitter.emit(sink, r, format.apply(marginals[k].quantile(p)));
      }
    }
  }
}
