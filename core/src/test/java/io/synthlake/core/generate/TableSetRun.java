package io.synthlake.core.generate;

import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a whole table set in memory the way the Spark job does: a counting pass over every root
 * block, the layout, then each table root block by root block, chunk by chunk. {@code blockOrder}
 * lets a test visit root blocks in another order, as tasks of another partitioning would.
 */
public final class TableSetRun {
  private TableSetRun() {}

  /** Each table's columns, as {@link TableSet.Table#columns} orders them. */
  public static Map<String, CollectingSink[]> generate(
      TableSet set, long seed, String table, long rows, boolean reverseBlocks) {
    TableSetSampler sampler = TableSetSampler.of(set, seed);
    TableSetLayout layout = layout(sampler, table, rows);
    Map<String, CollectingSink[]> out = new LinkedHashMap<>();
    for (TableSet.Table each : set.tables()) {
      out.put(each.name(), generate(sampler, layout, each.name(), reverseBlocks));
    }

    return out;
  }

  public static TableSetLayout layout(TableSetSampler sampler, String table, long rows) {
    return layout(sampler, TableSetLayout.rootRows(sampler.set(), table, rows));
  }

  /** The layout of a run with these root sizes. */
  public static TableSetLayout layout(TableSetSampler sampler, Map<String, Long> rootRows) {
    Map<String, long[][]> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Long> root : rootRows.entrySet()) {
      long blocks = TableSetSampler.rootBlocks(root.getValue());
      counts.put(root.getKey(), countBlocks(sampler, root.getKey(), root.getValue(), 0, blocks));
    }

    return TableSetLayout.of(sampler.set(), rootRows, counts);
  }

  /** Root blocks {@code first} to {@code end - 1} of {@code root}, counted one by one. */
  public static long[][] countBlocks(
      TableSetSampler sampler, String root, long rootRows, long first, long end) {
    long[][] counts = new long[Math.toIntExact(end - first)][];
    for (long b = first; b < end; b++) {
      counts[(int) (b - first)] = sampler.countBlock(root, b, rootRows);
    }

    return counts;
  }

  static CollectingSink[] generate(
      TableSetSampler sampler, TableSetLayout layout, String table, boolean reverseBlocks) {
    TableSet set = sampler.set();
    String root = set.root(table).name();
    int rows = Math.toIntExact(layout.rows(table));
    int width = set.table(table).columns().size();
    CollectingSink[] columns = new CollectingSink[width];
    for (int c = 0; c < width; c++) {
      columns[c] = new CollectingSink(rows);
    }

    TableSetSampler.Walker walker = sampler.newWalker(table);
    int tableIndex = set.indexOf(table);
    long blocks = TableSetSampler.rootBlocks(layout.rootRows(root));
    List<Long> order = new ArrayList<>();
    for (long b = 0; b < blocks; b++) {
      order.add(reverseBlocks ? blocks - 1 - b : b);
    }

    for (long block : order) {
      long[] before = layout.rowsBefore(root, block);
      long blockRows =
          walker.start(block, layout.rootRows(root), before, layout.tableRows(), layout.cut());
      for (int chunk = 0; chunk * (long) TableSampler.BLOCK_ROWS < blockRows; chunk++) {
        int chunkRows =
            (int)
                Math.min(
                    TableSampler.BLOCK_ROWS, blockRows - chunk * (long) TableSampler.BLOCK_ROWS);
        for (CollectingSink column : columns) {
          column.offset(
              Math.toIntExact(before[tableIndex] + chunk * (long) TableSampler.BLOCK_ROWS));
        }

        walker.write(chunk, chunkRows, columns);
      }
    }

    return columns;
  }
}
