package io.synthlake.bench.spark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Turns measurements into a markdown report: the machine, medians per (generator, sink, rows), and
 * each ratio the benchmark sets a target for, computed pair by pair within each run and quoted as
 * the median over runs, with whether the target is met.
 */
final class BenchReport {
  /** How each generator's rows reach Parquet and Delta: the key to reading the write ratios. */
  static final String WRITERS =
      "Every generator writes through synthlake's TableWriter. synthlake's own queries take its "
          + "direct writer (generated blocks straight into parquet-mr's column writers, then one Delta commit); the peers' "
          + "queries and the cached write floor go through Spark's Parquet and Delta writers. The floor is therefore the cost "
          + "of Spark's sink alone, and synthlake end to end can come in under it.";

  /** The memory target compares sizes from here up; below it, fixed costs dominate the heap. */
  private static final long FLAT_HEAP_FROM_ROWS = 10_000_000L;

  /**
   * Opens the ratios section, which {@link BenchCharts#redraw} replaces when it recomputes a
   * committed run's ratios.
   */
  static final String RATIOS_HEADING = "\n## Ratios against the targets\n\n";

  static final String PAIRING =
      "Each ratio is computed run by run: run i of one generator against run i of the other, "
          + "which ran beside it (interleaved, in the same stretch of the machine's drift). The value is the median of those "
          + "per-run ratios (with an even count, the less favourable of the two middle ones); every run's ratio is listed.";

  private BenchReport() {}

  static final String FORKED =
      "Each generator ran in a JVM of its own (one per generator and run, runs interleaved "
          + "across generators, with the same JVM options): a job runs one generator per JVM, and in a shared JVM each "
          + "query's generated code makes Spark's per-row calls megamorphic, so every generator's speed would depend on "
          + "which ran before it.";
  static final String SHARED = "Every generator ran side by side in this one JVM.";

  /**
   * @param forked whether each generator ran in a JVM of its own ({@link ForkedBenchmark})
   * @param warmUpRuns unmeasured runs of every generator and sink at the first size, before the
   *     measured ones
   */
  static String of(
      List<Measurement> measurements,
      double fitSeconds,
      int fitRows,
      int cores,
      boolean forked,
      int warmUpRuns) {
    Map<String, Measurement> medians = medians(measurements);
    StringBuilder out = new StringBuilder();
    out.append("# synthlake benchmark: the banking table (conf/banking.yaml)\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores available to Spark (local[%d]), %d cores and %.1f GiB max heap in the JVM, "
                + "Java %s, %.1f GiB of memory, JVM options %s. Peak resident memory of any run: %.0f MiB. Figures are medians over "
                + "runs (the slower middle run when the count is even).%n%n",
            cores,
            cores,
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() / 1073741824.0,
            System.getProperty("java.version"),
            Benchmark.physicalMemoryBytes() / 1073741824.0,
            heapOptions(),
            measurements.stream().mapToLong(m -> m.peakRssBytes).max().orElse(-1) / 1048576.0));
    if (!Double.isNaN(fitSeconds)) {
      out.append(
          String.format(
              Locale.ROOT,
              "Fit of the banking model on %,d rows: %.1f s (outside the timings).%n%n",
              fitRows,
              fitSeconds));
    }

    out.append(
        "Peak heap adds up each heap pool's own peak (garbage included, so it can exceed -Xmx); heap after GC is the "
            + "median, over the run's collections, of the heap in use right after each: what would grow if the run kept "
            + "something per row; heap settled is the lowest heap after a collection in the second half of the run's "
            + "collections, the live set that buffers filling and draining (Parquet's row groups) leave alone; live heap, "
            + "in runs with --live-heap-every-ms, is the median of the heap in use right after full collections forced at "
            + "that interval, which leave only what the job holds (its in-flight row groups included); the after-GC figures then "
            + "count those collections too. Peak RSS is "
            + "the process's resident high-water mark during the run.\n\n");
    out.append(WRITERS + "\n\n")
        .append(forked ? FORKED : SHARED)
        .append(' ')
        .append(warmUp(warmUpRuns))
        .append("\n\n");
    out.append(
        "| generator | sink | rows | seconds | rows/s | rows/s per core | peak heap MiB | heap after GC MiB | heap settled MiB | live heap MiB | peak RSS MiB | output MiB |\n");
    out.append(
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Measurement m : medians.values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %.2f | %,.0f | %,.0f | %.0f | %.0f | %.0f | %s | %.0f | %.1f |%n",
              m.generator,
              m.sink,
              m.rows,
              m.seconds,
              m.rowsPerSecond(),
              m.rowsPerSecond() / (m.sink.equals("memory") ? 1 : cores),
              m.peakHeapBytes / 1048576.0,
              m.heapAfterGcBytes / 1048576.0,
              m.heapSettledBytes / 1048576.0,
              m.liveHeapBytes < 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f", m.liveHeapBytes / 1048576.0),
              m.peakRssBytes / 1048576.0,
              m.outputBytes / 1048576.0));
    }

    return out.append(ratios(measurements)).toString();
  }

  /**
   * The ratios the benchmark sets targets for, pair by pair in the same run, with whether each
   * target is met. The i-th measurement of each (generator, sink, rows), in list order, is run i:
   * both benchmarks record runs in order.
   */
  static String ratios(List<Measurement> measurements) {
    Map<String, List<Measurement>> runs = byRun(measurements);
    StringBuilder out = new StringBuilder(RATIOS_HEADING).append(PAIRING).append("\n\n");
    out.append(
        "| rows | sink | ratio | value | per run | target | met |\n| ---: | --- | --- | ---: | --- | --- | --- |\n");
    List<Long> sizes =
        measurements.stream().map(m -> m.rows).distinct().sorted().collect(Collectors.toList());
    for (long rows : sizes) {
      String spec = key("synthlake-spec", "noop", rows);
      String fitted = key("synthlake-fitted", "noop", rows);
      String dbldatagen = key("sql-dbldatagen", "noop", rows);
      String faker = key("datafaker-1-thread", "memory", rows);
      ratio(
          out,
          rows,
          "noop",
          "spec / fastest hand-tuned baseline",
          perRun(
              runs,
              run ->
                  run[0].rowsPerSecond() / Math.max(run[1].rowsPerSecond(), run[2].rowsPerSecond()),
              spec,
              key("sql-rint", "noop", rows),
              key("mappartitions", "noop", rows)),
          ">= 1",
          1.0,
          true);
      ratio(
          out,
          rows,
          "noop",
          "spec / dbldatagen-style expressions",
          throughputs(runs, spec, dbldatagen),
          ">= 3",
          3.0,
          true);
      ratio(
          out,
          rows,
          "noop",
          "fitted / dbldatagen-style expressions",
          throughputs(runs, fitted, dbldatagen),
          ">= 1.5",
          1.5,
          true);
      ratio(
          out,
          rows,
          "noop",
          "spec / Datafaker row by row",
          throughputs(runs, spec, faker),
          ">= 5",
          5.0,
          true);
      ratio(
          out,
          rows,
          "noop",
          "fitted / Datafaker row by row",
          throughputs(runs, fitted, faker),
          ">= 5",
          5.0,
          true);
      for (String sink : List.of("parquet", "delta")) {
        ratio(
            out,
            rows,
            sink,
            "spec end to end / write floor (time)",
            perRun(
                runs,
                run -> run[0].seconds / run[1].seconds,
                key("synthlake-spec", sink, rows),
                key("write-floor", sink, rows)),
            "<= 1.15",
            1.15,
            false);
      }

      // Memory must not grow with rows: each figure at this size against the run's smallest size,
      // for both modes.
      long base = sizes.get(0);
      for (String generator :
          rows > base ? List.of("synthlake-spec", "synthlake-fitted") : List.<String>of()) {
        for (String sink : List.of("noop", "parquet", "delta")) {
          String small = key(generator, sink, base);
          String large = key(generator, sink, rows);
          double[] live = growth(runs, small, large, m -> m.liveHeapBytes);
          // The target is about the live heap; where full collections measured it, the other two
          // only show buffers.
          boolean liveMeasured = live.length > 0 && Arrays.stream(live).noneMatch(Double::isNaN);
          flatness(
              out,
              rows,
              sink,
              generator + " heap after GC",
              base,
              growth(runs, small, large, m -> m.heapAfterGcBytes),
              !liveMeasured);
          flatness(
              out,
              rows,
              sink,
              generator + " heap settled",
              base,
              growth(runs, small, large, m -> m.heapSettledBytes),
              !liveMeasured);
          flatness(out, rows, sink, generator + " live heap", base, live, true);
        }
      }
    }

    return out.toString();
  }

  /**
   * One ratio's value in a run, from that run's measurement of each series, in the order they were
   * named.
   */
  private interface RunRatio {
    double of(Measurement[] run);
  }

  /**
   * The ratio in each run that every series reached, in run order; empty when a series is missing.
   */
  private static double[] perRun(
      Map<String, List<Measurement>> runs, RunRatio ratio, String... series) {
    int count = Integer.MAX_VALUE;
    for (String key : series) {
      count = Math.min(count, runs.getOrDefault(key, List.of()).size());
    }

    double[] values = new double[count];
    for (int run = 0; run < count; run++) {
      Measurement[] measured = new Measurement[series.length];
      for (int s = 0; s < series.length; s++) {
        measured[s] = runs.get(series[s]).get(run);
      }

      values[run] = ratio.of(measured);
    }

    return values;
  }

  private static double[] throughputs(
      Map<String, List<Measurement>> runs, String numerator, String denominator) {
    return perRun(
        runs, run -> run[0].rowsPerSecond() / run[1].rowsPerSecond(), numerator, denominator);
  }

  /**
   * How much a memory figure grew from the small size to the large one in each run; NaN where
   * either was not measured.
   */
  private static double[] growth(
      Map<String, List<Measurement>> runs,
      String small,
      String large,
      ToLongFunction<Measurement> figure) {
    return perRun(
        runs,
        run -> {
          long before = figure.applyAsLong(run[0]);
          long after = figure.applyAsLong(run[1]);
          return before <= 0 || after <= 0 ? Double.NaN : (double) after / before;
        },
        small,
        large);
  }

  /**
   * One memory figure at {@code rows} against the run's smallest size: it must not grow with the
   * rows. The target applies from 10M rows (below, fixed costs dominate the heap) and to the figure
   * that decides it.
   */
  private static void flatness(
      StringBuilder out,
      long rows,
      String sink,
      String figure,
      long base,
      double[] perRun,
      boolean decides) {
    if (Arrays.stream(perRun).anyMatch(Double::isNaN)) {
      return;
    }

    String name = String.format(Locale.ROOT, "%s / at %,d rows", figure, base);
    if (base >= FLAT_HEAP_FROM_ROWS && decides) {
      ratio(out, rows, sink, name, perRun, "<= 1.10", 1.10, false);
    } else if (perRun.length > 0) {
      line(
          out,
          rows,
          sink,
          name,
          median(perRun, false),
          perRun,
          base >= FLAT_HEAP_FROM_ROWS ? "live heap decides" : "<= 1.10 from 10M rows",
          "n/a");
    }
  }

  /** One table line: the median of the per-run values against the target, and every run's value. */
  private static void ratio(
      StringBuilder out,
      long rows,
      String sink,
      String name,
      double[] perRun,
      String target,
      double bound,
      boolean atLeast) {
    if (perRun.length > 0) {
      double value = median(perRun, atLeast);
      line(
          out,
          rows,
          sink,
          name,
          value,
          perRun,
          target,
          (atLeast ? value >= bound : value <= bound) ? "yes" : "no");
    }
  }

  private static void line(
      StringBuilder out,
      long rows,
      String sink,
      String name,
      double value,
      double[] perRun,
      String target,
      String met) {
    String runs =
        Arrays.stream(perRun)
            .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
            .collect(Collectors.joining(", "));
    out.append(
        String.format(
            Locale.ROOT,
            "| %,d | %s | %s | %.2f | %s | %s | %s |%n",
            rows,
            sink,
            name,
            value,
            runs,
            target,
            met));
  }

  /**
   * The median; with an even count, the less favourable middle value for a target of the given
   * direction.
   */
  private static double median(double[] values, boolean higherIsBetter) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1
        ? sorted[middle]
        : higherIsBetter ? sorted[middle - 1] : sorted[middle];
  }

  /**
   * The JVM's -X options (heap and collector settings), which the figures depend on; "none" without
   * any.
   */
  private static String heapOptions() {
    String options =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(o -> o.startsWith("-X"))
            .collect(Collectors.joining(" "));
    return options.isEmpty() ? "none" : "`" + options + "`";
  }

  private static String warmUp(int warmUpRuns) {
    return warmUpRuns == 0
        ? "Nothing ran before the measured runs."
        : String.format(
            Locale.ROOT,
            "Before the measured runs, every generator ran %d time%s into every sink at the first size, "
                + "unmeasured, so that the figures are of compiled code rather than of the JIT compiler at work.",
            warmUpRuns,
            warmUpRuns == 1 ? "" : "s");
  }

  static String csv(List<Measurement> measurements) {
    StringBuilder out =
        new StringBuilder(
            "generator,sink,rows,seconds,rows_per_second,peak_heap_bytes,heap_after_gc_bytes,heap_settled_bytes,live_heap_bytes,peak_rss_bytes,output_bytes\n");
    for (Measurement m : measurements) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,%.4f,%.1f,%d,%d,%d,%d,%d,%d%n",
              m.generator,
              m.sink,
              m.rows,
              m.seconds,
              m.rowsPerSecond(),
              m.peakHeapBytes,
              m.heapAfterGcBytes,
              m.heapSettledBytes,
              m.liveHeapBytes,
              m.peakRssBytes,
              m.outputBytes));
    }

    return out.toString();
  }

  /**
   * The runs of each (generator, sink, rows) in the order they ran, the groups in first-seen order.
   */
  static Map<String, List<Measurement>> byRun(List<Measurement> measurements) {
    Map<String, List<Measurement>> groups = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      groups.computeIfAbsent(key(m.generator, m.sink, m.rows), k -> new ArrayList<>()).add(m);
    }

    return groups;
  }

  /** The median run (by time) of each (generator, sink, rows), in first-seen order. */
  static Map<String, Measurement> medians(List<Measurement> measurements) {
    Map<String, Measurement> medians = new LinkedHashMap<>();
    byRun(measurements)
        .forEach(
            (key, runs) -> {
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
