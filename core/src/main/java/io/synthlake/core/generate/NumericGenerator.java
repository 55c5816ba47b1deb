package io.synthlake.core.generate;

import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import java.util.Arrays;

/**
 * Maps (component, uniform) to a value through the component's null share and quantile function,
 * then formats it. Works a block at a time, stage by stage (quantiles per component, formatting,
 * emitting), so each stage is a tight loop over one marginal or format rather than a chain of
 * virtual calls per value. A column without nulls whose every component's marginal {@linkplain
 * Marginal#takesNormalScores takes normal scores} maps the copula's scores directly.
 */
final class NumericGenerator implements ColumnGenerator {
  private final double[] nullShares;
  private final Marginal[] marginals;
  private final NumericFormat format;
  private final Emitter emitter;
  private final BlockScratch scratch;
  private final boolean normalScores;

  /** The marginal of every component when they all share one (and one null share), else null. */
  private final Marginal sharedMarginal;

  NumericGenerator(NumericColumn column, BlockScratch scratch) {
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
    this.scratch = scratch;
    boolean scores = true;
    for (int k = 0; k < components; k++) {
      scores &= nullShares[k] == 0 && marginals[k] != null && marginals[k].takesNormalScores();
    }

    this.normalScores = scores;
    boolean shared = true;
    for (int k = 1; k < components; k++) {
      shared &= marginals[k] == marginals[0] && nullShares[k] == nullShares[0];
    }

    this.sharedMarginal = shared ? marginals[0] : null;
  }

  @Override
  public boolean takesNormalScores() {
    return normalScores;
  }

  @Override
  public void fill(
      long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    int nulls = draw(rows, components, uniforms, scratch.values, scratch.nullRows);
    format.applyAll(scratch.values, rows);
    emit(sink, scratch.values, rows, scratch.nullRows, nulls);
  }

  /** Writes values already drawn and shaped (nulls at the ascending {@code nullRows}). */
  void emit(ColumnSink sink, double[] values, int rows, int[] nullRows, int nulls) {
    emitter.emitAll(sink, values, rows, nullRows, nulls, scratch.longs);
  }

  NumericFormat format() {
    return format;
  }

  /**
   * Draws the rows' values through the components' null shares and marginals into {@code values},
   * unshaped (not clipped or rounded), with the null rows ascending in {@code nullRows}; returns
   * how many rows are null.
   */
  int draw(int rows, int[] components, double[] uniforms, double[] values, int[] nullRows) {
    if (normalScores) {
      if (sharedMarginal != null) {
        sharedMarginal.fromNormalScores(uniforms, values, rows);
      } else {
        valuesByComponent(rows, components, uniforms, values, true);
      }

      return 0;
    }

    double[] p = scratch.probabilities;
    int nulls = 0;
    for (int r = 0; r < rows; r++) {
      double nullShare = nullShares[components[r]];
      double u = uniforms[r];
      if (u < nullShare) {
        nullRows[nulls++] = r;
        p[r] = 0;
      } else {
        p[r] = nullShare > 0 ? (u - nullShare) / (1.0 - nullShare) : u;
      }
    }

    if (nulls == rows) {
      // Every row is null (a component with no values has no marginal at all).
      Arrays.fill(values, 0, rows, 0.0);
    } else if (sharedMarginal != null) {
      sharedMarginal.quantiles(p, values, rows);
    } else {
      valuesByComponent(rows, components, p, values, false);
    }

    return nulls;
  }

  /**
   * Maps every row through the marginal of the block's most common component (a mixture has one
   * large component more often than not), then regroups only the other rows by component (a
   * counting sort), so that each other marginal sees one batch of probabilities {@code p}, or of
   * normal scores if {@code scores}. Marginals map value by value, so a row's value is the same
   * whichever batch it is in.
   */
  private void valuesByComponent(
      int rows, int[] components, double[] p, double[] values, boolean scores) {
    int[] starts = new int[marginals.length + 1];
    for (int r = 0; r < rows; r++) {
      starts[components[r] + 1]++;
    }

    int largest = -1;
    for (int k = 0; k < marginals.length; k++) {
      if (marginals[k] != null && (largest < 0 || starts[k + 1] > starts[largest + 1])) {
        largest = k;
      }
    }

    if (largest < 0) {
      // No component has a marginal: every row is null.
      return;
    }

    map(marginals[largest], p, values, rows, scores);
    if (starts[largest + 1] == rows) {
      return;
    }

    for (int k = 0; k < marginals.length; k++) {
      starts[k + 1] += starts[k];
    }

    int[] order = scratch.rowOrder;
    int[] next = starts.clone();
    for (int r = 0; r < rows; r++) {
      int k = components[r];
      if (k != largest) {
        order[next[k]++] = r;
      }
    }

    double[] gathered = scratch.gathered;
    double[] scattered = scratch.scattered;
    for (int k = 0; k < marginals.length; k++) {
      int from = starts[k];
      int count = starts[k + 1] - from;
      if (k == largest || count == 0 || marginals[k] == null) {
        // A component without a marginal has a null share of 1: all its rows are null.
        continue;
      }

      for (int i = 0; i < count; i++) {
        gathered[i] = p[order[from + i]];
      }

      map(marginals[k], gathered, scattered, count, scores);
      for (int i = 0; i < count; i++) {
        values[order[from + i]] = scattered[i];
      }
    }
  }

  private static void map(Marginal marginal, double[] in, double[] out, int count, boolean scores) {
    if (scores) {
      marginal.fromNormalScores(in, out, count);
    } else {
      marginal.quantiles(in, out, count);
    }
  }
}
