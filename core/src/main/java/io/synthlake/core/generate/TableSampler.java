package io.synthlake.core.generate;

import io.synthlake.core.Errors;
import io.synthlake.core.Setting;
import io.synthlake.core.math.Cumulative;
import io.synthlake.core.math.Normal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.DependenceModel;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import java.util.List;

/**
 * Generates rows of a model in blocks of {@link #BLOCK_ROWS}. Row {@code i} lives in block {@code i
 * / BLOCK_ROWS}, and every random draw comes from a generator of (seed, block, stream) consumed row
 * by row, so every row is a pure function of (model, seed, row index) whatever the partitioning,
 * and a short last block costs only its own rows.
 *
 * <p>The sampler holds immutable compiled state and may be shared across threads; each task takes
 * its own {@link BlockWriter} for generators and scratch space (the commons-rng {@code
 * SharedStateSampler} pattern).
 */
public final class TableSampler {
  /**
   * Rows per block: the unit of randomness, and the batch size of the Spark reader. Part of the
   * output contract.
   */
  public static final int BLOCK_ROWS = 4096;

  private final TableModel model;
  private final long seed;

  /** Which rows become boundary rows; null for none. */
  private final EdgeCases edgeCases;

  private TableSampler(TableModel model, long seed, EdgeCases edgeCases) {
    this.model = model;
    this.seed = seed;
    this.edgeCases = edgeCases;
  }

  public static TableSampler of(TableModel model, long seed) {
    return new TableSampler(model, seed, null);
  }

  /**
   * The same sampler with {@code value}'s share of rows replaced by boundary rows (null: none);
   * every other row keeps its values. Fails naming the column when {@code value} names a column the
   * model lacks or a key.
   */
  public TableSampler withEdgeCases(EdgeCases value) {
    if (value != null) {
      value.check(model);
    }

    return new TableSampler(model, seed, value);
  }

  /** Which rows become boundary rows, or null. */
  public EdgeCases edgeCases() {
    return edgeCases;
  }

  /**
   * Fails with a message naming the column when {@code rows} exceeds what a key column can hold
   * uniquely.
   */
  public void checkCapacity(long rows) {
    checkCapacity(0, rows);
  }

  /**
   * Fails with a message naming the column when rows {@code firstRow} to {@code firstRow + rows -
   * 1} exceed what a key column can hold uniquely: its capacity counts from row 0, whichever row a
   * run starts at.
   */
  public void checkCapacity(long firstRow, long rows) {
    if (rows <= 0) {
      throw Errors.notPositive(Setting.ROWS, rows);
    }

    if (firstRow < 0) {
      throw Errors.negativeFirstRow(firstRow);
    }

    long end = Math.addExact(firstRow, rows);
    for (ColumnModel column : model.columns()) {
      if (column instanceof KeyColumn) {
        long capacity = ((KeyColumn) column).capacity();
        if (end > capacity) {
          throw Errors.keyCapacityExceeded(
              column.name(),
              ((KeyColumn) column).style().jsonName(),
              column.type(),
              capacity,
              firstRow,
              rows);
        }
      }
    }
  }

  public TableModel model() {
    return model;
  }

  public long seed() {
    return seed;
  }

  /** A writer with its own scratch space; one per task or thread. */
  public BlockWriter newBlockWriter() {
    return new BlockWriter();
  }

  /** Writes blocks; not thread-safe. */
  public final class BlockWriter {
    private final DependenceModel.Sampler dependence = model.dependence().newSampler(BLOCK_ROWS);
    private final int[] components = new int[BLOCK_ROWS];
    private final double[][] uniforms = new double[model.dependence().dimension()][BLOCK_ROWS];
    private final boolean[] needed = new boolean[model.dependence().dimension()];
    private final boolean[] scores = new boolean[model.dependence().dimension()];

    /** Per copula column, whether the last write drew its normal score rather than its uniform. */
    private final boolean[] drawnAsScores = new boolean[model.dependence().dimension()];

    private final ColumnGenerator[] generators;

    /** Computes derived columns from their inputs; null for a model without any. */
    private final DerivedColumns derived;

    /** Turns the draws into series along entities, for a sequence table; else null. */
    private SequenceFilter filter;

    /** Replaces the edge-case rows' values, when the sampler has edge cases; else null. */
    private final EdgeCaseWriter edges =
        edgeCases == null ? null : edgeCases.newWriter(model, seed);

    /** Where the edge-case marker of each written row goes; null to write none. */
    private ColumnSink marker;

    private BlockWriter() {
      // Generators are cheap views of the shared model; key and text generators keep reusable
      // buffers, so each
      // writer owns its own.
      List<ColumnModel> columns = model.columns();
      BlockScratch scratch = new BlockScratch();
      this.generators = new ColumnGenerator[columns.size()];
      Cumulative[][] groupTables = new Cumulative[model.groups().size()][];
      for (int i = 0; i < columns.size(); i++) {
        ColumnModel column = columns.get(i);
        int group = model.groupOf(i);
        if (group >= 0) {
          if (groupTables[group] == null) {
            groupTables[group] = GroupMemberGenerator.tables(model.groups().get(group));
          }

          generators[i] =
              new GroupMemberGenerator(column, model.groups().get(group), groupTables[group]);
        } else if (model.timeOfDaySlot(i) >= 0) {
          int time = model.timeOfDaySlot(i);
          TimeOfDayGenerator generator =
              new TimeOfDayGenerator((NumericColumn) column, scratch, uniforms[time]);
          generators[i] = generator;
          scores[time] = generator.timeTakesNormalScores();
        } else if (column instanceof NumericColumn) {
          generators[i] = new NumericGenerator((NumericColumn) column, scratch);
        } else if (column instanceof CategoricalColumn) {
          generators[i] = new CategoricalGenerator((CategoricalColumn) column, seed, i);
        } else {
          generators[i] = new KeyGenerator((KeyColumn) column, seed);
        }

        int copula = model.copulaIndex(i);
        if (copula >= 0) {
          scores[copula] = generators[i].takesNormalScores();
        }
      }

      this.derived =
          model.derivations().isEmpty() ? null : new DerivedColumns(model, generators, edges);
    }

    /**
     * Writes the first {@code rows} rows of block {@code block} into {@code sinks}, one per model
     * column in order; a null sink skips its column (pruned by the query), which changes no other
     * column's values.
     */
    public void write(long block, int rows, ColumnSink[] sinks) {
      write(block, 0, rows, sinks);
    }

    /**
     * Writes rows {@code skip} to {@code skip + rows - 1} of block {@code block} into {@code sinks}
     * as their rows 0 to {@code rows - 1}: the block is generated from its first row and the rows
     * before {@code skip} are dropped, so a run starting inside a block gives the rows a run from
     * row 0 gives.
     */
    public void write(long block, int skip, int rows, ColumnSink[] sinks) {
      if (skip < 0 || rows < 0 || skip + rows > BLOCK_ROWS || sinks.length != generators.length) {
        throw new IllegalArgumentException(
            "a block holds 0 to " + BLOCK_ROWS + " rows and needs one sink per column");
      }

      if (skip == 0) {
        writeFirst(block, rows, sinks);
      } else {
        ColumnSink[] skipping = new ColumnSink[sinks.length];
        for (int i = 0; i < sinks.length; i++) {
          skipping[i] = sinks[i] == null ? null : new SkippingSink(sinks[i], skip);
        }

        writeFirst(block, skip + rows, skipping);
      }

      mark(block * BLOCK_ROWS + skip, rows);
    }

    /**
     * Sends the following writes' edge-case marker (true for a boundary row) to {@code sink}, row
     * for row like the columns' sinks; null writes none. Only for a sampler with edge cases.
     */
    public void markEdgeCases(ColumnSink sink) {
      if (edges == null && sink != null) {
        throw new IllegalStateException("this sampler has no edge cases to mark");
      }

      this.marker = sink;
    }

    private void mark(long firstRow, int rows) {
      if (marker != null) {
        edges.mark(firstRow, rows, marker);
      }
    }

    /** Writes the first {@code rows} rows of block {@code block}. */
    private void writeFirst(long block, int rows, ColumnSink[] sinks) {
      if (rows < 0 || rows > BLOCK_ROWS || sinks.length != generators.length) {
        throw new IllegalArgumentException(
            "a block holds 0 to " + BLOCK_ROWS + " rows and needs one sink per column");
      }

      generate(block, block * BLOCK_ROWS, rows, null, false, sinks);
    }

    /**
     * Writes {@code rows} rows (at most {@link #BLOCK_ROWS}) drawn from block {@code block}'s
     * generators, numbered from global row {@code firstRow} (key columns count from it): the rows
     * of a table generated beside its parent, whose blocks are not its row index divided by the
     * block size. {@code givenComponents} holds each row's mixture component, or is null to draw
     * them as {@link #write} does. With {@code allScores} every copula column is drawn whatever the
     * sinks, so that {@link #normalScore} reads each row's scores (its children's components depend
     * on them).
     */
    public void writeRows(
        long block,
        long firstRow,
        int rows,
        int[] givenComponents,
        boolean allScores,
        ColumnSink[] sinks) {
      if (rows < 0 || rows > BLOCK_ROWS || sinks.length != generators.length) {
        throw new IllegalArgumentException(
            "a block holds 0 to " + BLOCK_ROWS + " rows and needs one sink per column");
      }

      generate(block, firstRow, rows, givenComponents, allScores, sinks);
      mark(firstRow, rows);
    }

    /** Filters the following writes' draws along entities; null for none. */
    void filter(SequenceFilter filter) {
      this.filter = filter;
    }

    /** Row {@code row}'s mixture component in the last write. */
    public int component(int row) {
      return components[row];
    }

    /**
     * Row {@code row}'s standard normal score in copula column {@code copulaColumn}, after a write
     * with all scores.
     */
    public double normalScore(int copulaColumn, int row) {
      double value = uniforms[copulaColumn][row];
      return drawnAsScores[copulaColumn] ? value : Normal.quantile(value);
    }

    private void generate(
        long block,
        long firstRow,
        int rows,
        int[] givenComponents,
        boolean allScores,
        ColumnSink[] given) {
      ColumnSink[] sinks = edges == null ? given : edges.wrap(firstRow, rows, given);
      boolean[] computed = derived == null ? null : derived.require(sinks);
      for (int i = 0; i < generators.length; i++) {
        int copula = model.copulaIndex(i);
        if (copula >= 0) {
          // A sequence's filter writes its gaps, whatever the sinks; a derived column reads its
          // inputs.
          boolean written =
              sinks[i] != null
                  || filter != null && i == filter.gapColumn()
                  || computed != null && computed[i];
          needed[copula] = allScores || written;
          // A column no sink writes, drawn for its score alone, skips Φ and Φ⁻¹ where that
          // changes no draw.
          drawnAsScores[copula] =
              scores[copula]
                  || allScores && !written && model.dependence().scoresDrawnAlike(copula);
          // A time of day is drawn with its timestamp, which reads both copula columns.
          int time = model.timeOfDaySlot(i);
          if (time >= 0) {
            needed[time] = allScores || written;
            drawnAsScores[time] =
                scores[time] || allScores && !written && model.dependence().scoresDrawnAlike(time);
          }
        }
      }

      // A group's copula column is drawn when any member is written, and read as uniforms.
      for (int g = 0; g < model.groups().size(); g++) {
        boolean written = false;
        for (int i = 0; i < generators.length; i++) {
          written |= model.groupOf(i) == g && sinks[i] != null;
        }

        int slot = model.groupSlot(g);
        needed[slot] = allScores || written;
        drawnAsScores[slot] = allScores && !written && model.dependence().scoresDrawnAlike(slot);
      }

      if (givenComponents == null) {
        dependence.sample(seed, block, rows, needed, drawnAsScores, components, uniforms);
      } else {
        System.arraycopy(givenComponents, 0, components, 0, rows);
        dependence.sampleGiven(seed, block, rows, needed, drawnAsScores, components, uniforms);
      }

      if (filter != null) {
        int gaps = filter.gapColumn();
        filter.apply(
            uniforms,
            drawnAsScores,
            needed,
            components,
            rows,
            sink -> fill(gaps, block, firstRow, rows, sink));
      }

      if (derived != null) {
        derived.compute(rows, components, uniforms);
      }

      for (int i = 0; i < generators.length; i++) {
        if (sinks[i] != null) {
          if (computed != null && computed[i]) {
            derived.emit(i, rows, sinks[i]);
          } else {
            fill(i, block, firstRow, rows, sinks[i]);
          }
        }
      }
    }

    private void fill(int column, long block, long firstRow, int rows, ColumnSink sink) {
      int copula = model.uniformSlot(column);
      generators[column].fill(
          firstRow, rows, components, copula >= 0 ? uniforms[copula] : null, block, sink);
    }
  }
}
