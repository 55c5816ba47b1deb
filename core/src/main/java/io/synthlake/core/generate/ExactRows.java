package io.synthlake.core.generate;

import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a run that gives one table exactly the rows asked for. A root table simply gets
 * them. A child table's root gets the fewest root rows whose descendants in the table reach the
 * count, and the table is cut in the last root block: a root row's descendants do not depend on the
 * root's size, so the table's rows over the first R root rows only grow with R, and the root blocks
 * are counted in growing batches, each sized from the rows counted so far, until they hold enough.
 * Only the last root row's rows of the table (and their descendants) are cut; every other table
 * keeps all the rows of its roots, which are sized as {@link TableSetLayout#rootRows} sizes them.
 */
public final class ExactRows {
  /** Root blocks a root table may have. */
  static final long MAX_BLOCKS = TableSetLayout.MAX_ROOT_ROWS / TableSampler.BLOCK_ROWS;

  /** How much more than the rows counted so far predict a batch counts, so one more is rare. */
  private static final double MARGIN = 1.01;

  private ExactRows() {}

  /** Counts the rows each table has in some root blocks of a root: a Spark job, or a loop. */
  @FunctionalInterface
  public interface BlockCounter {
    /**
     * Root blocks {@code firstBlock} to {@code endBlock - 1} of root table {@code root} of {@code
     * rootRows} rows, as {@link TableSetSampler#countBlock} counts each.
     */
    long[][] count(String root, long rootRows, long firstBlock, long endBlock);
  }

  /**
   * Fails, in one line, unless {@code table} can get exactly {@code rows} rows: a table of the set,
   * with rows in the model, whose root's expected size is within {@link
   * TableSetLayout#MAX_ROOT_ROWS}. Cheap: nothing is counted.
   */
  public static void check(TableSet set, String table, long rows) {
    TableSet.Table asked = set.table(table);
    if (asked.parent() != null && asked.inputRows() <= 0) {
      throw SynthlakeException.of(
          "table '%s' has no rows in the model (none in the data it was fitted on), so no number "
              + "of root rows gives it exactly %d: size the set by another table, or leave out %s",
          table, rows, Setting.EXACT_ROWS);
    }

    TableSetLayout.rootRows(set, table, rows);
  }

  /**
   * The layout of a run giving {@code table} exactly {@code rows} rows, its root blocks counted by
   * {@code counter}.
   */
  public static TableSetLayout layout(
      TableSetSampler sampler, String table, long rows, BlockCounter counter) {
    TableSet set = sampler.set();
    check(set, table, rows);
    Map<String, Long> rootRows = new LinkedHashMap<>(TableSetLayout.rootRows(set, table, rows));
    String root = set.root(table).name();
    boolean cutting = !root.equals(table);
    Map<String, long[][]> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Long> each : rootRows.entrySet()) {
      if (!(cutting && each.getKey().equals(root))) {
        long blocks = TableSetSampler.rootBlocks(each.getValue());
        counts.put(each.getKey(), counter.count(each.getKey(), each.getValue(), 0, blocks));
      }
    }

    if (!cutting) {
      return TableSetLayout.of(set, rootRows, counts);
    }

    List<long[]> blocks = new ArrayList<>();
    TableCut cut = search(sampler, table, rows, rootRows.get(root), counter, blocks);
    long last = cut.rootBlock();
    long exactRoot = last * TableSampler.BLOCK_ROWS + sampler.rootRowsFor(table, last, cut.rows());
    long[] lastCounts = sampler.countBlock(root, last, exactRoot, cut);
    if (lastCounts[set.indexOf(table)] != cut.rows()) {
      throw new IllegalStateException(
          "root block " + last + " keeps " + lastCounts[set.indexOf(table)] + " rows, not " + cut);
    }

    blocks.add(lastCounts);
    rootRows.put(root, exactRoot);
    counts.put(root, blocks.toArray(new long[0][]));
    return TableSetLayout.of(set, rootRows, counts, cut);
  }

  /**
   * Counts full root blocks of {@code table}'s root into {@code blocks} until the next one holds
   * its row {@code rows}, and returns the cut of that block (which is not added).
   *
   * @param expectedRootRows the root rows the fitted sizes expect, which size the first batch
   */
  private static TableCut search(
      TableSetSampler sampler,
      String table,
      long rows,
      long expectedRootRows,
      BlockCounter counter,
      List<long[]> blocks) {
    TableSet set = sampler.set();
    String root = set.root(table).name();
    int index = set.indexOf(table);
    long counted = 0;
    long batch = (long) Math.ceil(TableSetSampler.rootBlocks(expectedRootRows) * MARGIN);
    while (true) {
      long first = blocks.size();
      long end = Math.min(MAX_BLOCKS, first + batch);
      for (long[] block : counter.count(root, TableSetLayout.MAX_ROOT_ROWS, first, end)) {
        if (counted + block[index] >= rows) {
          return new TableCut(table, blocks.size(), Math.toIntExact(rows - counted));
        }

        blocks.add(block);
        counted += block[index];
      }

      if (blocks.size() >= MAX_BLOCKS) {
        throw SynthlakeException.of(
            "table '%s' has %d rows under the %d rows of root table '%s' a table set generates at "
                + "most (the driver keeps a row count per block of %d root rows), fewer than the "
                + "%d asked for exactly: ask for fewer rows, or leave out %s",
            table,
            counted,
            TableSetLayout.MAX_ROOT_ROWS,
            root,
            TableSampler.BLOCK_ROWS,
            rows,
            Setting.EXACT_ROWS);
      }

      batch = nextBatch(blocks.size(), counted, rows);
    }
  }

  /**
   * The blocks to count next: as many as the rows per block so far say are missing, and a little
   * more, but at most as many as are counted (doubling them), since few blocks say little.
   */
  static long nextBatch(long blocks, long counted, long rows) {
    if (counted == 0) {
      return blocks;
    }

    double perBlock = (double) counted / blocks;
    long missing = (long) Math.ceil((rows - counted) / perBlock * MARGIN) + 1;
    return Math.max(1, Math.min(blocks, missing));
  }
}
