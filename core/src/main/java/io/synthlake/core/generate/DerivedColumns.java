package io.synthlake.core.generate;

import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.Arrays;

/**
 * Computes a block's derived columns from their inputs' generated values, after the inputs are
 * rounded (so an integer sum holds exactly), in the model's computing order. A derived column's
 * copula slot draws its residual: ignored by an exact relation except for its nulls, added (on the
 * log scale for a log-linear one) by a near-exact relation. A row with a null input is null.
 *
 * <p>In an edge-case row the inputs take their boundary values here too, and the derived column is
 * computed from them, so the relation holds in edge rows as in any other: with IEEE arithmetic for
 * floating point (a NaN or infinite input gives a NaN or infinite result), and a null where the
 * result does not fit the derived column's type (a whole number beyond the type or beyond what a
 * double holds exactly), or the type's nearest value when the column is declared not-null. A near-
 * exact relation's result is rounded there but not clipped to the column's observed range.
 *
 * <p>Every column a written derived column reads is computed here once per block and written from
 * here too, so it is drawn through its marginal once. Not thread-safe: one per block writer.
 */
final class DerivedColumns {
  private final TableModel model;
  private final Derivation[] derivations;
  private final int[] targets;
  private final int[][] inputs;
  private final NumericGenerator[] generators;

  /** Per model column, its values and null rows in the current block (for the columns involved). */
  private final double[][] values;

  private final int[][] nullRows;
  private final int[] nullCounts;
  private final boolean[] required;
  private final boolean[] derived;
  private final boolean[] isNull = new boolean[TableSampler.BLOCK_ROWS];

  /** The writer's edge cases, or null when it has none. */
  private final EdgeCaseWriter edges;

  private final double[] single = new double[1];
  private final double[] kept = new double[TableSampler.BLOCK_ROWS];

  DerivedColumns(TableModel model, ColumnGenerator[] generators, EdgeCaseWriter edges) {
    this.model = model;
    this.edges = edges;
    int columns = model.columns().size();
    this.derivations = model.derivations().toArray(Derivation[]::new);
    this.targets = new int[derivations.length];
    this.inputs = new int[derivations.length][];
    this.generators = new NumericGenerator[columns];
    this.values = new double[columns][];
    this.nullRows = new int[columns][];
    this.nullCounts = new int[columns];
    this.required = new boolean[columns];
    this.derived = new boolean[columns];
    for (int d = 0; d < derivations.length; d++) {
      targets[d] = index(derivations[d].target());
      derived[targets[d]] = true;
      involve(targets[d], generators);
      inputs[d] = new int[derivations[d].inputs().size()];
      for (int i = 0; i < inputs[d].length; i++) {
        inputs[d][i] = index(derivations[d].inputs().get(i));
        involve(inputs[d][i], generators);
      }
    }
  }

  private void involve(int column, ColumnGenerator[] all) {
    if (values[column] == null) {
      generators[column] = (NumericGenerator) all[column];
      values[column] = new double[TableSampler.BLOCK_ROWS];
      nullRows[column] = new int[TableSampler.BLOCK_ROWS];
    }
  }

  private int index(String name) {
    return model.columnNames().indexOf(name);
  }

  /**
   * Marks the columns this block computes here: each derived column a sink writes and, through
   * them, the columns they read. Returns the marks, per model column.
   */
  boolean[] require(ColumnSink[] sinks) {
    Arrays.fill(required, false);
    for (int d = derivations.length - 1; d >= 0; d--) {
      if (sinks[targets[d]] != null || required[targets[d]]) {
        required[targets[d]] = true;
        for (int input : inputs[d]) {
          required[input] = true;
        }
      }
    }

    return required;
  }

  /**
   * Draws the required plain columns, then computes the required derived ones in order; {@code
   * uniforms} are indexed by copula column.
   */
  void compute(int rows, int[] components, double[][] uniforms) {
    for (int column = 0; column < values.length; column++) {
      if (required[column] && !derived[column]) {
        NumericGenerator generator = generators[column];
        nullCounts[column] =
            generator.draw(
                rows,
                components,
                uniforms[model.copulaIndex(column)],
                values[column],
                nullRows[column]);
        generator.format().applyAll(values[column], rows);
        if (edges != null) {
          overlayEdges(column, rows);
        }
      }
    }

    for (int d = 0; d < derivations.length; d++) {
      if (required[targets[d]]) {
        derive(d, rows, components, uniforms);
      }
    }
  }

  /** Puts the column's boundary values into the block's edge-case rows, nulls included. */
  private void overlayEdges(int column, int rows) {
    Arrays.fill(isNull, 0, rows, false);
    markNulls(column, nullCounts[column]);
    if (edges.overlay(column, rows, values[column], isNull)) {
      int nulls = 0;
      for (int r = 0; r < rows; r++) {
        if (isNull[r]) {
          nullRows[column][nulls++] = r;
        }
      }

      nullCounts[column] = nulls;
    }
  }

  private void derive(int d, int rows, int[] components, double[][] uniforms) {
    Derivation derivation = derivations[d];
    int target = targets[d];
    double[] v = values[target];
    NumericGenerator generator = generators[target];
    int residualNulls =
        generator.draw(rows, components, uniforms[model.copulaIndex(target)], v, nullRows[target]);
    Arrays.fill(isNull, 0, rows, false);
    markNulls(target, residualNulls);
    double constant = derivation.constant();
    if (derivation.exact()) {
      Arrays.fill(v, 0, rows, constant);
    } else {
      for (int r = 0; r < rows; r++) {
        v[r] += constant;
      }
    }

    boolean logs = derivation.form() == Derivation.Form.LOG_LINEAR;
    for (int i = 0; i < inputs[d].length; i++) {
      int input = inputs[d][i];
      markNulls(input, nullCounts[input]);
      double c = derivation.coefficient(i);
      double[] x = values[input];
      if (logs) {
        for (int r = 0; r < rows; r++) {
          v[r] += c * Math.log(x[r]);
        }
      } else {
        for (int r = 0; r < rows; r++) {
          v[r] += c * x[r];
        }
      }
    }

    if (logs) {
      for (int r = 0; r < rows; r++) {
        v[r] = Math.exp(v[r]);
      }
    }

    DataType type = model.columns().get(target).type();
    boolean floating =
        type.logicalType() == LogicalType.FLOAT || type.logicalType() == LogicalType.DOUBLE;
    int nulls = 0;
    int[] targetNulls = nullRows[target];
    for (int r = 0; r < rows; r++) {
      boolean edge = edges != null && edges.flagged(r);
      if (edge
          && !isNull[r]
          && !EdgeCaseWriter.fits(type, v[r])
          && !(floating && Double.isNaN(v[r]))) {
        v[r] = edges.notNull(target) ? EdgeCaseWriter.nearest(type, v[r]) : Double.NaN;
      }

      if (isNull[r] || Double.isNaN(v[r]) && !(edge && floating)) {
        targetNulls[nulls++] = r;
        v[r] = 0;
      }
    }

    nullCounts[target] = nulls;
    if (derivation.exact()) {
      // Clipping to the bounds the column's own values had would break the relation.
      generator.format().roundAll(v, rows);
    } else {
      applyKeepingEdges(generator.format(), v, rows);
    }
  }

  /** Clips and rounds {@code v}, but only rounds its edge-case rows: clipping would break them. */
  private void applyKeepingEdges(NumericFormat format, double[] v, int rows) {
    if (edges == null) {
      format.applyAll(v, rows);
      return;
    }

    System.arraycopy(v, 0, kept, 0, rows);
    format.applyAll(v, rows);
    for (int r = 0; r < rows; r++) {
      if (edges.flagged(r)) {
        single[0] = kept[r];
        format.roundAll(single, 1);
        v[r] = single[0];
      }
    }
  }

  private void markNulls(int column, int count) {
    int[] rows = nullRows[column];
    for (int i = 0; i < count; i++) {
      isNull[rows[i]] = true;
    }
  }

  /** Writes a column computed here to its sink. */
  void emit(int column, int rows, ColumnSink sink) {
    generators[column].emit(sink, values[column], rows, nullRows[column], nullCounts[column]);
  }
}
