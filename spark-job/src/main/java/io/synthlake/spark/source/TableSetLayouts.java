package io.synthlake.spark.source;

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
 * one Spark job over the root blocks (cheap: only the tables that have children are drawn, and only
 * the columns their children need), then summed on the driver. Kept for the last few runs, so the
 * tables of one set, read one after another, count once.
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

  /** The layout of {@code set} (cache key {@code key}) under {@code seed} for these root sizes. */
  static TableSetLayout of(
      SparkSession spark, ModelCache.Entry set, long seed, Map<String, Long> rootRows) {
    String id = set.key() + "/" + seed + "/" + rootRows;
    synchronized (LAYOUTS) {
      TableSetLayout known = LAYOUTS.get(id);
      if (known != null) {
        return known;
      }
    }

    TableSetLayout layout = count(spark, set, seed, rootRows);
    synchronized (LAYOUTS) {
      LAYOUTS.put(id, layout);
    }

    return layout;
  }

  private static TableSetLayout count(
      SparkSession spark, ModelCache.Entry entry, long seed, Map<String, Long> rootRows) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<TableSetBroadcast> broadcast = context.broadcast(new TableSetBroadcast(entry, seed));
    TableSet set = entry.tableSet();
    Map<String, long[][]> counts = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Long> root : rootRows.entrySet()) {
        long blocks = TableSetSampler.rootBlocks(root.getValue());
        if (set.children(root.getKey()).isEmpty()) {
          counts.put(root.getKey(), rootOnly(set, root.getKey(), root.getValue(), blocks));
          continue;
        }

        int slices = (int) Math.max(1, Math.min(blocks, 4L * context.defaultParallelism()));
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
          ranges.add(new long[] {blocks * i / slices, blocks * (i + 1) / slices});
        }

        String name = root.getKey();
        long rows = root.getValue();
        List<long[][]> parts =
            context
                .parallelize(ranges, slices)
                .map(
                    range -> {
                      TableSetSampler sampler = broadcast.value().sampler();
                      long[][] part = new long[(int) (range[1] - range[0])][];
                      for (long b = range[0]; b < range[1]; b++) {
                        part[(int) (b - range[0])] = sampler.countBlock(name, b, rows);
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

        counts.put(name, all);
      }
    } finally {
      broadcast.destroy();
    }

    return TableSetLayout.of(set, rootRows, counts);
  }

  /** A root without children needs no job: its blocks are full but the last. */
  private static long[][] rootOnly(TableSet set, String root, long rows, long blocks) {
    int index = set.indexOf(root);
    long[][] counts = new long[Math.toIntExact(blocks)][set.tables().size()];
    for (int b = 0; b < blocks; b++) {
      counts[b][index] =
          Math.min(TableSampler.BLOCK_ROWS, rows - (long) b * TableSampler.BLOCK_ROWS);
    }

    return counts;
  }
}
