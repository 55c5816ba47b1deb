package io.synthlake.bench.spark;

import com.sun.management.OperatingSystemMXBean;
import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.DeltaStatistics;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every generator of the banking table into every sink, side by side in one JVM, several
 * times, and reports medians and pairwise ratios (see {@link BenchReport}). Timings come from here,
 * never from unit tests. {@link ForkedBenchmark} runs each generator in a JVM of its own through
 * this class.
 */
public final class Benchmark {
  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

  /** Datafaker runs row by row in one thread; beyond this it only proves it is slow. */
  static final long DATAFAKER_MAX_ROWS = 1_000_000L;

  /** Every generator the benchmark knows, in the order it runs them. */
  /**
   * Beside results.csv when the run fitted a model: the fit's seconds, for {@link ForkedBenchmark}.
   */
  static final String FIT_SECONDS = "fit-seconds.txt";

  public static final List<String> GENERATORS =
      List.of(
          "synthlake-spec",
          "synthlake-fitted",
          "sql-dbldatagen",
          "sql-rint",
          "mappartitions",
          "write-floor",
          "datafaker-1-thread");

  private final SparkSession spark;
  private final String specPath;
  private final Path work;
  private final int parallelism;
  private final int fitRows;
  private final long liveHeapEveryMillis;
  private final int warmUpRuns;

  /**
   * @param fitRows rows of banking data the fitted model learns from (fit time is reported, not
   *     counted)
   * @param liveHeapEveryMillis interval of the live-heap probes (full collections, which slow the
   *     runs down), or 0 for none
   * @param warmUpRuns how many times each generator first runs into every sink, unmeasured, at the
   *     first size: a fresh JVM's first runs mostly measure the JIT compiler, and one run of a
   *     million rows invokes each per-block method only a few hundred times, too few for the
   *     optimizing compiler to have finished with all of them
   */
  public Benchmark(
      SparkSession spark,
      String specPath,
      Path work,
      int fitRows,
      long liveHeapEveryMillis,
      int warmUpRuns) {
    this.spark = spark;
    this.specPath = specPath;
    this.work = work;
    this.parallelism = spark.sparkContext().defaultParallelism();
    this.fitRows = fitRows;
    this.liveHeapEveryMillis = liveHeapEveryMillis;
    this.warmUpRuns = warmUpRuns;
  }

  /**
   * Redraws the PNG charts of a committed run from its results.csv (they land beside it) and
   * recomputes its ratios.
   */
  public static String redrawCharts(Path csv) throws IOException {
    return BenchCharts.redraw(csv);
  }

  /**
   * Runs the matrix and writes results.md and results.csv into {@code out}; returns the report
   * text.
   *
   * @param generators which of {@link #GENERATORS} to run (a long memory check needs only
   *     synthlake's own)
   */
  public String run(
      List<Long> sizes, List<String> sinks, List<String> generators, int runs, Path out) {
    checkNames(sinks, generators);

    List<String> cities = BankingPeers.cities();
    SynthesisModel fitted = null;
    double fitSeconds = Double.NaN;
    if (generators.contains("synthlake-fitted")) {
      long fitStart = System.nanoTime();
      Dataset<Row> fitInput =
          SpecGenerator.generate(spark, specPath, fitRows, GenerateOptions.defaults().withSeed(99))
              .cache();
      fitInput.count();
      long fitInputDone = System.nanoTime();
      fitted = Synthesizer.fit(fitInput, FitOptions.builder().sampleRows(fitRows).seed(1).build());
      fitSeconds = (System.nanoTime() - fitInputDone) / 1e9;
      fitInput.unpersist();
      LOG.info(
          "Fitted the banking model on {} rows in {} s (input made in {} s)",
          fitRows,
          fitSeconds,
          (fitInputDone - fitStart) / 1e9);
    }

    SynthesisModel model = fitted; // effectively final, for the generator lambdas below

    List<Measurement> measurements = new ArrayList<>();
    for (long rows : sizes) {
      // Every generator writes as many partitions (files) as synthlake would by default, so that
      // file sizes stay what
      // users get at every size: a fixed count would make files grow with the rows, and Parquet's
      // per-file metadata
      // with them.
      int files = GenerateOptions.defaultPartitions(rows, parallelism);
      Supplier<Dataset<Row>> spec =
          () ->
              SpecGenerator.generate(
                  spark, specPath, rows, GenerateOptions.defaults().withPartitions(files));
      Map<String, Supplier<Dataset<Row>>> frames = new LinkedHashMap<>();
      frames.put("synthlake-spec", spec);
      frames.put(
          "synthlake-fitted",
          () -> model.generate(spark, rows, GenerateOptions.defaults().withPartitions(files)));
      frames.put(
          "sql-dbldatagen", () -> BankingPeers.expressions(spark, rows, files, cities, false));
      frames.put("sql-rint", () -> BankingPeers.expressions(spark, rows, files, cities, true));
      frames.put("mappartitions", () -> BankingPeers.mapPartitions(spark, rows, files, cities));
      frames.keySet().retainAll(generators);
      for (int warmUp = 0; rows == sizes.get(0) && warmUp < warmUpRuns; warmUp++) {
        // Measured like a run, then dropped: every sink's code path gets compiled before the
        // measured runs.
        for (String sink : sinks) {
          frames.forEach((generator, frame) -> measure(generator, sink, rows, frame.get()));
          if (generators.contains("write-floor")) {
            writeFloor(sink, rows, spec.get());
          }
        }

        if (generators.contains("datafaker-1-thread")) {
          BankingPeers.datafakerRows(Math.min(rows, DATAFAKER_MAX_ROWS));
        }
      }

      for (int run = 0; run < runs; run++) {
        for (String sink : sinks) {
          for (Map.Entry<String, Supplier<Dataset<Row>>> generator : frames.entrySet()) {
            measurements.add(measure(generator.getKey(), sink, rows, generator.getValue().get()));
          }

          if (generators.contains("write-floor")) {
            measurements.add(writeFloor(sink, rows, spec.get()));
          }
        }

        if (rows <= DATAFAKER_MAX_ROWS && generators.contains("datafaker-1-thread")) {
          measurements.add(datafaker(rows));
        }
      }
    }

    return writeReport(measurements, fitSeconds, fitRows, parallelism, false, warmUpRuns, out);
  }

  /** One-line errors for unknown sinks and generators, before anything runs. */
  static void checkNames(List<String> sinks, List<String> generators) {
    for (String sink : sinks) {
      SynthlakeException.check(
          List.of("noop", "parquet", "delta").contains(sink),
          "bench: unknown sink '%s'; use noop, parquet, delta",
          sink);
    }

    for (String generator : generators) {
      SynthlakeException.check(
          GENERATORS.contains(generator),
          "bench: unknown generator '%s' in --generators; use some of %s",
          generator,
          String.join(",", GENERATORS));
    }
  }

  /**
   * Writes results.md (with its charts), results.csv and the fit time into {@code out}; returns the
   * report text.
   */
  static String writeReport(
      List<Measurement> measurements,
      double fitSeconds,
      int fitRows,
      int parallelism,
      boolean forked,
      int warmUpRuns,
      Path out) {
    String report =
        BenchReport.of(measurements, fitSeconds, fitRows, parallelism, forked, warmUpRuns);
    try {
      Files.createDirectories(out);
      report +=
          BenchCharts.markdown(
              BenchCharts.write(new ArrayList<>(BenchReport.medians(measurements).values()), out));
      Files.writeString(out.resolve("results.md"), report);
      Files.writeString(out.resolve("results.csv"), BenchReport.csv(measurements));
      if (!Double.isNaN(fitSeconds)) {
        Files.writeString(out.resolve(FIT_SECONDS), Double.toString(fitSeconds));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return report;
  }

  private Measurement measure(String generator, String sink, long rows, Dataset<Row> frame) {
    Path output = work.resolve(generator + "-" + sink + "-" + rows);
    deleteQuietly(output);
    resetMemoryMeasures();
    LiveHeapProbe probe = LiveHeapProbe.start(liveHeapEveryMillis);
    long start = System.nanoTime();
    write(frame, sink, output);
    double seconds = (System.nanoTime() - start) / 1e9;
    long liveHeap = probe == null ? -1 : probe.stop();
    Measurement measurement =
        new Measurement(
            generator,
            sink,
            rows,
            seconds,
            peakHeap(),
            HeapAfterGc.median(),
            HeapAfterGc.settled(),
            liveHeap,
            peakResidentBytes(),
            bytes(output));
    deleteQuietly(output);
    LOG.info("{} → {}: {} rows in {} s", generator, sink, rows, seconds);
    return measurement;
  }

  /** The cost of the sink alone: the same rows generated once and cached, then only written. */
  private Measurement writeFloor(String sink, long rows, Dataset<Row> frame) {
    Dataset<Row> cached = frame.cache();
    cached.count();
    Measurement floor = measure("write-floor", sink, rows, cached);
    cached.unpersist(true);
    return floor;
  }

  private Measurement datafaker(long rows) {
    resetMemoryMeasures();
    long start = System.nanoTime();
    long checksum = BankingPeers.datafakerRows(rows);
    double seconds = (System.nanoTime() - start) / 1e9;
    LOG.debug("datafaker checksum {}", checksum);
    return new Measurement(
        "datafaker-1-thread",
        "memory",
        rows,
        seconds,
        peakHeap(),
        HeapAfterGc.median(),
        HeapAfterGc.settled(),
        -1,
        peakResidentBytes(),
        0);
  }

  /**
   * Every generator writes through {@link TableWriter}, as {@code synthlake generate} does, with
   * synthlake's default Delta statistics columns: the sink is the same for all, and only
   * synthlake's own scans qualify for its direct Parquet and Delta writer (the peers' queries and
   * the cached floor go through Spark's writers).
   */
  private static void write(Dataset<Row> frame, String sink, Path output) {
    if (sink.equals("noop")) {
      frame.write().format("noop").mode("overwrite").save();
    } else {
      TableWriter.toPath(
          frame,
          output.toString(),
          WriteOptions.builder()
              .format(sink.equals("parquet") ? OutputFormat.PARQUET : OutputFormat.DELTA)
              .mode(WriteMode.OVERWRITE)
              .deltaStatistics(DeltaStatistics.NON_STRING)
              .build());
    }
  }

  /**
   * Starts the memory measures afresh: a collection first, so neither heap measure counts the
   * previous run's garbage, then the resident high-water mark back to the current size (Linux: 5
   * written to /proc/self/clear_refs).
   */
  private static void resetMemoryMeasures() {
    HeapAfterGc.install();
    HeapAfterGc.reset();
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug(
          "cannot reset the peak resident size; it then covers the whole process: {}",
          e.toString());
    }

    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }

    return peak;
  }

  /**
   * Peak resident memory of this process since the last reset (VmHWM), or -1 where /proc is not
   * available.
   */
  private static long peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }

    return -1;
  }

  /** The machine's physical memory, or -1 where the JVM cannot tell. */
  static long physicalMemoryBytes() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getTotalMemorySize()
        : -1;
  }

  private static long bytes(Path path) {
    if (!Files.exists(path)) {
      return 0;
    }

    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }

    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException ignored) {
      // A leftover output directory only costs disk space.
    }
  }
}
