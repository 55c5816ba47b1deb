package io.synthlake.spark.source;

import io.synthlake.core.generate.ExactRows;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The layouts of generated table sets: how many rows each root block gives each table, counted by
 * Spark jobs over the root blocks (cheap: only the tables that have children are drawn, and only
 * the columns their children need), then summed on the driver. A run asking a child table for an
 * exact count counts its root's blocks in growing batches until they hold it ({@link ExactRows}).
 * Kept for the last few runs, so the tables of one set, read one after another, count once.
 */
final class TableSetLayouts {
  private static final int KEPT = 8;
  private static final Map<String, TableSetLayout> LAYOUTS =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TableSetLayout> eldest) {
          return size() > KEPT;
        }
      };

  private TableSetLayouts() {}

  /** The layout of {@code set} for the rows {@code asked}. */
  static TableSetLayout of(SparkSession spark, ModelCache.Entry set, SourceOptions.SetRows asked) {
    // The size is checked before any job, so that a bad one fails at once.
    if (asked.exact()) {
      ExactRows.check(set.tableSet(), asked.table(), asked.rows());
    }

    Map<String, Long> rootRows =
        TableSetLayout.rootRows(set.tableSet(), asked.table(), asked.rows());
    String id =
        set.key()
            + "/"
            + asked.seed()
            + "/"
            + (asked.exact() ? "exactly " + asked.rows() + " of " + asked.table() : rootRows);
    synchronized (LAYOUTS) {
      TableSetLayout known = LAYOUTS.get(id);
      if (known != null) {
        return known;
      }
    }

    TableSetLayout layout = count(spark, set, asked);
    synchronized (LAYOUTS) {
      LAYOUTS.put(id, layout);
    }

    return layout;
  }

  private static TableSetLayout count(
      SparkSession spark, ModelCache.Entry entry, SourceOptions.SetRows asked) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<TableSetBroadcast> broadcast =
        context.broadcast(new TableSetBroadcast(entry, asked.seed()));
    TableSet set = entry.tableSet();
    ExactRows.BlockCounter counter =
        (root, rootRows, first, end) -> count(context, broadcast, set, root, rootRows, first, end);
    try {
      if (asked.exact()) {
        return ExactRows.layout(
            TableSetSampler.of(set, asked.seed()), asked.table(), asked.rows(), counter);
      }

      Map<String, Long> rootRows = TableSetLayout.rootRows(set, asked.table(), asked.rows());
      Map<String, long[][]> counts = new LinkedHashMap<>();
      for (Map.Entry<String, Long> root : rootRows.entrySet()) {
        long blocks = TableSetSampler.rootBlocks(root.getValue());
        counts.put(root.getKey(), counter.count(root.getKey(), root.getValue(), 0, blocks));
      }

      return TableSetLayout.of(set, rootRows, counts);
    } finally {
      broadcast.destroy();
    }
  }

  /**
   * Root blocks {@code first} to {@code end - 1} of {@code root} (of {@code rows} root rows): each
   * one's rows per table, from one job, or none for a leaf.
   */
  static long[][] count(
      JavaSparkContext context,
      Broadcast<TableSetBroadcast> broadcast,
      TableSet set,
      String root,
      long rows,
      long first,
      long end) {
    long blocks = end - first;
    if (set.children(root).isEmpty()) {
      return rootOnly(set, root, rows, first, end);
    }

    int slices = (int) Math.max(1, Math.min(blocks, 4L * context.defaultParallelism()));
    List<long[]> ranges = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      ranges.add(new long[] {first + blocks * i / slices, first + blocks * (i + 1) / slices});
    }

    List<long[][]> parts =
        context
            .parallelize(ranges, slices)
            .map(
                range -> {
                  TableSetSampler sampler = broadcast.value().sampler();
                  long[][] part = new long[(int) (range[1] - range[0])][];
                  for (long b = range[0]; b < range[1]; b++) {
                    part[(int) (b - range[0])] = sampler.countBlock(root, b, rows);
                  }

                  return part;
                })
            .collect();
    long[][] all = new long[Math.toIntExact(blocks)][];
    int next = 0;
    for (long[][] part : parts) {
      for (long[] block : part) {
        all[next++] = block;
      }
    }

    return all;
  }

  /** A root without children needs no job: its blocks are full but the last. */
  private static long[][] rootOnly(TableSet set, String root, long rows, long first, long end) {
    int index = set.indexOf(root);
    long[][] counts = new long[Math.toIntExact(end - first)][set.tables().size()];
    for (long b = first; b < end; b++) {
      counts[(int) (b - first)][index] =
          Math.min(TableSampler.BLOCK_ROWS, rows - b * TableSampler.BLOCK_ROWS);
    }

    return counts;
  }
}
