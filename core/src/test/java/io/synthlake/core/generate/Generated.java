package io.synthlake.core.generate;

import io.synthlake.core.model.TableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows generated from a model in tests: one {@link CollectingSink} per model column. */
public final class Generated {
  private final Map<String, CollectingSink> columns;
  private final int rows;

  private Generated(Map<String, CollectingSink> columns, int rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Generates rows 0..rows-1, block by block in order, with one {@link TableSampler.BlockWriter}.
   */
  public static Generated of(TableModel model, long seed, int rows) {
    TableSampler sampler = TableSampler.of(model, seed);
    TableSampler.BlockWriter writer = sampler.newBlockWriter();
    List<Long> blocks = new ArrayList<>();
    for (long block = 0; block * TableSampler.BLOCK_ROWS < rows; block++) {
      blocks.add(block);
    }

    return of(model, rows, blocks, block -> writer);
  }

  /**
   * Like {@link #of(TableModel, long, int)}, writing only the columns {@code kept} accepts, as a
   * pruning query does.
   */
  public static Generated pruned(
      TableModel model, long seed, int rows, java.util.function.Predicate<String> kept) {
    return pruned(model, seed, rows, kept, false);
  }

  /**
   * Like {@link #pruned}, with sinks that take string columns' fixed values as dictionaries, as
   * Spark's vectors do.
   */
  public static Generated pruned(
      TableModel model,
      long seed,
      int rows,
      java.util.function.Predicate<String> kept,
      boolean dictionaries) {
    TableSampler.BlockWriter writer = TableSampler.of(model, seed).newBlockWriter();
    Map<String, CollectingSink> columns = new LinkedHashMap<>();
    CollectingSink[] sinks = new CollectingSink[model.columns().size()];
    for (int i = 0; i < sinks.length; i++) {
      String name = model.columns().get(i).name();
      if (kept.test(name)) {
        sinks[i] = new CollectingSink(rows, dictionaries);
        columns.put(name, sinks[i]);
      }
    }

    for (long block = 0; block * TableSampler.BLOCK_ROWS < rows; block++) {
      int first = Math.toIntExact(block * TableSampler.BLOCK_ROWS);
      for (CollectingSink sink : columns.values()) {
        sink.offset(first);
      }

      writer.write(block, Math.min(TableSampler.BLOCK_ROWS, rows - first), sinks);
    }

    return new Generated(columns, rows);
  }

  /**
   * Generates rows 0..rows-1 writing the blocks in the order given, taking the writer of each block
   * from {@code writers} (so tests can simulate tasks that each own a writer).
   */
  public static Generated of(
      TableModel model,
      int rows,
      List<Long> blockOrder,
      java.util.function.LongFunction<TableSampler.BlockWriter> writers) {
    Map<String, CollectingSink> columns = new LinkedHashMap<>();
    CollectingSink[] sinks = new CollectingSink[model.columns().size()];
    for (int i = 0; i < sinks.length; i++) {
      sinks[i] = new CollectingSink(rows);
      columns.put(model.columns().get(i).name(), sinks[i]);
    }

    for (long block : blockOrder) {
      int first = Math.toIntExact(block * TableSampler.BLOCK_ROWS);
      int inBlock = Math.min(TableSampler.BLOCK_ROWS, rows - first);
      for (CollectingSink sink : sinks) {
        sink.offset(first);
      }

      writers.apply(block).write(block, inBlock, sinks);
    }

    return new Generated(columns, rows);
  }

  /**
   * Rows {@code firstRow} to {@code firstRow + rows - 1}, as rows 0 to {@code rows - 1}, block by
   * block as a run starting at {@code firstRow} writes them (the first block from row {@code
   * firstRow % BLOCK_ROWS} on).
   */
  public static Generated slice(
      TableModel model, long seed, long firstRow, int rows, boolean dictionaries) {
    TableSampler.BlockWriter writer = TableSampler.of(model, seed).newBlockWriter();
    Map<String, CollectingSink> columns = new LinkedHashMap<>();
    CollectingSink[] sinks = new CollectingSink[model.columns().size()];
    for (int i = 0; i < sinks.length; i++) {
      sinks[i] = new CollectingSink(rows, dictionaries);
      columns.put(model.columns().get(i).name(), sinks[i]);
    }

    long end = firstRow + rows;
    for (long row = firstRow; row < end; ) {
      long block = row / TableSampler.BLOCK_ROWS;
      int skip = (int) (row - block * TableSampler.BLOCK_ROWS);
      int inBlock = (int) Math.min(TableSampler.BLOCK_ROWS - skip, end - row);
      for (CollectingSink sink : sinks) {
        sink.offset(Math.toIntExact(row - firstRow));
      }

      writer.write(block, skip, inBlock, sinks);
      row += inBlock;
    }

    return new Generated(columns, rows);
  }

  public CollectingSink column(String name) {
    CollectingSink sink = columns.get(name);
    if (sink == null) {
      throw new AssertionError(
          "no generated column '" + name + "'; columns are " + columns.keySet());
    }

    return sink;
  }

  public int rows() {
    return rows;
  }

  /** Row {@code row} as a list of values, one per column in model order. */
  public List<Object> row(int row) {
    List<Object> values = new ArrayList<>();
    for (CollectingSink sink : columns.values()) {
      values.add(sink.value(row));
    }

    return values;
  }
}
