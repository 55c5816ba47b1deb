package io.synthlake.spark.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns measurements into a markdown report: the machine, medians per (generator, sink, rows), and each ratio issue 5
 * sets a target for, computed from medians of the same run, with whether the target is met.
 */
final class BenchReport {
  /** How each generator's rows reach Parquet and Delta: the key to reading the write ratios. */
  static final String WRITERS = "Every generator writes through synthlake's TableWriter. synthlake's own queries take its "
      + "direct writer (generated blocks straight into parquet-mr's column writers, then one Delta commit); the peers' "
      + "queries and the cached write floor go through Spark's Parquet and Delta writers. The floor is therefore the cost "
      + "of Spark's sink alone, and synthlake end to end can come in under it.";

  /** The memory target compares sizes from here up; below it, fixed costs dominate the heap. */
  private static final long FLAT_HEAP_FROM_ROWS = 10_000_000L;

  private BenchReport() {}

  static final String FORKED = "Each generator ran in a JVM of its own (one per generator and run, runs interleaved "
      + "across generators, with the same JVM options): a job runs one generator per JVM, and in a shared JVM each "
      + "query's generated code makes Spark's per-row calls megamorphic, so every generator's speed would depend on "
      + "which ran before it.";
  static final String SHARED = "Every generator ran side by side in this one JVM.";

  /**
   * @param forked whether each generator ran in a JVM of its own ({@link ForkedBenchmark})
   * @param warmUpRuns unmeasured runs of every generator and sink at the first size, before the measured ones
   */
  static String of(List<Measurement> measurements, double fitSeconds, int fitRows, int cores, boolean forked, int warmUpRuns) {
    Map<String, Measurement> medians = medians(measurements);
    StringBuilder out = new StringBuilder();
    out.append("# synthlake benchmark: the banking table (conf/banking.yaml)\n\n");
    out.append(String.format(Locale.ROOT, "Machine: %d cores available to Spark (local[%d]), %d cores and %.1f GiB max heap in the JVM, "
        + "Java %s, %.1f GiB of memory. Peak resident memory of any run: %.0f MiB. Figures are medians over runs (the slower "
        + "middle run when the count is even).%n%n", cores, cores,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1073741824.0,
        System.getProperty("java.version"), Benchmark.physicalMemoryBytes() / 1073741824.0,
        measurements.stream().mapToLong(m -> m.peakRssBytes).max().orElse(-1) / 1048576.0));
    if (!Double.isNaN(fitSeconds)) {
      out.append(String.format(Locale.ROOT, "Fit of the banking model on %,d rows: %.1f s (outside the timings).%n%n", fitRows, fitSeconds));
    }

    out.append("Peak heap adds up each heap pool's own peak (garbage included, so it can exceed -Xmx); heap after GC is the "
        + "median, over the run's collections, of the heap in use right after each: what would grow if the run kept "
        + "something per row; heap settled is the lowest heap after a collection in the second half of the run's "
        + "collections, the live set that buffers filling and draining (Parquet's row groups) leave alone; live heap, "
        + "in runs with --live-heap-every-ms, is the median of the heap in use right after full collections forced at "
        + "that interval, which leave only what the job holds (its in-flight row groups included); the after-GC figures then "
        + "count those collections too. Peak RSS is "
        + "the process's resident high-water mark during the run.\n\n");
    out.append(WRITERS + "\n\n").append(forked ? FORKED : SHARED).append(' ').append(warmUp(warmUpRuns)).append("\n\n");
    out.append("| generator | sink | rows | seconds | rows/s | rows/s per core | peak heap MiB | heap after GC MiB | heap settled MiB | live heap MiB | peak RSS MiB | output MiB |\n");
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Measurement m : medians.values()) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %,.0f | %,.0f | %.0f | %.0f | %.0f | %s | %.0f | %.1f |%n", m.generator,
          m.sink, m.rows, m.seconds, m.rowsPerSecond(), m.rowsPerSecond() / (m.sink.equals("memory") ? 1 : cores),
          m.peakHeapBytes / 1048576.0, m.heapAfterGcBytes / 1048576.0, m.heapSettledBytes / 1048576.0,
          m.liveHeapBytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f", m.liveHeapBytes / 1048576.0), m.peakRssBytes / 1048576.0,
          m.outputBytes / 1048576.0));
    }

    out.append("\n## Ratios against the targets\n\n");
    out.append("| rows | sink | ratio | value | target | met |\n| ---: | --- | --- | ---: | --- | --- |\n");
    List<Long> sizes = medians.values().stream().map(m -> m.rows).distinct().sorted().collect(Collectors.toList());
    for (long rows : sizes) {
      Measurement spec = medians.get(key("synthlake-spec", "noop", rows));
      Measurement fitted = medians.get(key("synthlake-fitted", "noop", rows));
      Measurement dbldatagen = medians.get(key("sql-dbldatagen", "noop", rows));
      Measurement rint = medians.get(key("sql-rint", "noop", rows));
      Measurement handWritten = medians.get(key("mappartitions", "noop", rows));
      Measurement faker = medians.get(key("datafaker-1-thread", "memory", rows));
      if (spec != null && rint != null && handWritten != null) {
        double fastest = Math.max(rint.rowsPerSecond(), handWritten.rowsPerSecond());
        ratio(out, rows, "noop", "spec / fastest hand-tuned baseline", spec.rowsPerSecond() / fastest, ">= 1", 1.0, true);
      }

      if (spec != null && dbldatagen != null) {
        ratio(out, rows, "noop", "spec / dbldatagen-style expressions", spec.rowsPerSecond() / dbldatagen.rowsPerSecond(), ">= 3", 3.0, true);
      }

      if (fitted != null && dbldatagen != null) {
        ratio(out, rows, "noop", "fitted / dbldatagen-style expressions", fitted.rowsPerSecond() / dbldatagen.rowsPerSecond(), ">= 1.5", 1.5, true);
      }

      if (faker != null) {
        if (spec != null) {
          ratio(out, rows, "noop", "spec / Datafaker row by row", spec.rowsPerSecond() / faker.rowsPerSecond(), ">= 5", 5.0, true);
        }

        if (fitted != null) {
          ratio(out, rows, "noop", "fitted / Datafaker row by row", fitted.rowsPerSecond() / faker.rowsPerSecond(), ">= 5", 5.0, true);
        }
      }

      for (String sink : List.of("parquet", "delta")) {
        Measurement end = medians.get(key("synthlake-spec", sink, rows));
        Measurement floor = medians.get(key("write-floor", sink, rows));
        if (end != null && floor != null) {
          ratio(out, rows, sink, "spec end to end / write floor (time)", end.seconds / floor.seconds, "<= 1.15", 1.15, false);
        }
      }

      // Memory must not grow with rows: heap after GC at this size against the run's smallest size, for both modes.
      long base = sizes.get(0);
      for (String generator : List.of("synthlake-spec", "synthlake-fitted")) {
        for (String sink : List.of("noop", "parquet", "delta")) {
          Measurement small = medians.get(key(generator, sink, base));
          Measurement large = medians.get(key(generator, sink, rows));
          if (rows > base && small != null && large != null) {
            flatness(out, rows, sink, generator + " heap after GC", base, small.heapAfterGcBytes, large.heapAfterGcBytes);
            flatness(out, rows, sink, generator + " heap settled", base, small.heapSettledBytes, large.heapSettledBytes);
            flatness(out, rows, sink, generator + " live heap", base, small.liveHeapBytes, large.liveHeapBytes);
          }
        }
      }
    }

    return out.toString();
  }

  /** One memory figure at {@code rows} against the run's smallest size: it must not grow with the rows. */
  private static void flatness(StringBuilder out, long rows, String sink, String figure, long base, long small, long large) {
    if (small <= 0 || large <= 0) {
      return;
    }

    String name = String.format(Locale.ROOT, "%s / at %,d rows", figure, base);
    double value = (double) large / small;
    if (base >= FLAT_HEAP_FROM_ROWS) {
      ratio(out, rows, sink, name, value, "<= 1.10", 1.10, false);
    } else {
      out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.2f | <= 1.10 from 10M rows | n/a |%n", rows, sink, name, value));
    }
  }

  private static void ratio(StringBuilder out, long rows, String sink, String name, double value, String target, double bound,
      boolean atLeast) {
    boolean met = atLeast ? value >= bound : value <= bound;
    out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.2f | %s | %s |%n", rows, sink, name, value, target, met ? "yes" : "no"));
  }

  private static String warmUp(int warmUpRuns) {
    return warmUpRuns == 0 ? "Nothing ran before the measured runs."
        : String.format(Locale.ROOT, "Before the measured runs, every generator ran %d time%s into every sink at the first size, "
            + "unmeasured, so that the figures are of compiled code rather than of the JIT compiler at work.", warmUpRuns,
            warmUpRuns == 1 ? "" : "s");
  }

  static String csv(List<Measurement> measurements) {
    StringBuilder out = new StringBuilder(
        "generator,sink,rows,seconds,rows_per_second,peak_heap_bytes,heap_after_gc_bytes,heap_settled_bytes,live_heap_bytes,peak_rss_bytes,output_bytes\n");
    for (Measurement m : measurements) {
      out.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.1f,%d,%d,%d,%d,%d,%d%n", m.generator, m.sink, m.rows, m.seconds,
          m.rowsPerSecond(), m.peakHeapBytes, m.heapAfterGcBytes, m.heapSettledBytes, m.liveHeapBytes, m.peakRssBytes, m.outputBytes));
    }

    return out.toString();
  }

  /** The median run (by time) of each (generator, sink, rows), in first-seen order. */
  static Map<String, Measurement> medians(List<Measurement> measurements) {
    Map<String, List<Measurement>> groups = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      groups.computeIfAbsent(key(m.generator, m.sink, m.rows), k -> new ArrayList<>()).add(m);
    }

    Map<String, Measurement> medians = new LinkedHashMap<>();
    groups.forEach((key, runs) -> {
      List<Measurement> sorted = new ArrayList<>(runs);
      sorted.sort(Comparator.comparingDouble(m -> m.seconds));
      medians.put(key, sorted.get(sorted.size() / 2));
    });
    return medians;
  }

  private static String key(String generator, String sink, long rows) {
    return generator + "|" + sink + "|" + rows;
  }
}
