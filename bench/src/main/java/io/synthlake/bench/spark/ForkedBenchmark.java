package io.synthlake.bench.spark;

import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark with each generator in a JVM of its own, as jobs run: one child JVM per generator
 * and run, with this JVM's options and class path, runs interleaved across generators so that the
 * machine's drift spreads over all of them. Each child warms up and measures one run of every size
 * and sink in process ({@link Benchmark}); this JVM only merges their results and writes the
 * report. It starts no Spark of its own.
 */
public final class ForkedBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(ForkedBenchmark.class);

  private final String specPath;
  private final Path work;
  private final int fitRows;
  private final long liveHeapEveryMillis;
  private final int warmUpRuns;

  /**
   * @param warmUpRuns unmeasured runs of every sink at the first size in each child, as in {@link
   *     Benchmark}
   */
  public ForkedBenchmark(
      String specPath, Path work, int fitRows, long liveHeapEveryMillis, int warmUpRuns) {
    this.specPath = specPath;
    this.work = work;
    this.fitRows = fitRows;
    this.liveHeapEveryMillis = liveHeapEveryMillis;
    this.warmUpRuns = warmUpRuns;
  }

  /**
   * Runs the matrix in child JVMs and writes results.md and results.csv into {@code out}; returns
   * the report text.
   */
  public String run(
      List<Long> sizes, List<String> sinks, List<String> generators, int runs, Path out)
      throws IOException {
    Benchmark.checkNames(sinks, generators);
    List<Measurement> measurements = new ArrayList<>();
    List<Double> fitSeconds = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      for (String generator : generators) {
        Path childOut = work.resolve("run-" + run + "-" + generator);
        runChild(generator, sizes, sinks, childOut);
        measurements.addAll(BenchCharts.readCsv(childOut.resolve("results.csv")));
        Path fit = childOut.resolve(Benchmark.FIT_SECONDS);
        if (Files.exists(fit)) {
          fitSeconds.add(Double.parseDouble(Files.readString(fit).trim()));
        }
      }
    }

    return Benchmark.writeReport(
        measurements,
        median(fitSeconds),
        fitRows,
        Runtime.getRuntime().availableProcessors(),
        true,
        warmUpRuns,
        out);
  }

  private void runChild(String generator, List<Long> sizes, List<String> sinks, Path childOut)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    // This JVM's class path holds the benchmark, the job and Spark, whether bin/synthlake-bench or
    // a test started it.
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BenchMain.class.getName(),
            "--in-process",
            "--warm-up-runs",
            String.valueOf(warmUpRuns),
            "--rows",
            sizes.stream().map(String::valueOf).collect(Collectors.joining(",")),
            "--sinks",
            String.join(",", sinks),
            "--generators",
            generator,
            "--runs",
            "1",
            "--out",
            childOut.toString(),
            "--work",
            work.resolve("work-" + generator).toString(),
            "--spec",
            specPath,
            "--fit-rows",
            String.valueOf(fitRows)));
    if (liveHeapEveryMillis > 0) {
      command.addAll(List.of("--live-heap-every-ms", String.valueOf(liveHeapEveryMillis)));
    }

    Files.createDirectories(childOut);
    Path log = childOut.resolve("bench.log");
    LOG.info("bench: {} in a JVM of its own (log: {})", generator, log);
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int status;
    try {
      status = child.waitFor();
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while " + generator + " ran"));
    }

    if (status != 0) {
      List<String> lines = Files.readAllLines(log);
      throw SynthlakeException.of(
          "bench: the JVM running %s exited with status %d: %s (whole log: %s)",
          generator, status, lines.isEmpty() ? "no output" : lines.get(lines.size() - 1), log);
    }
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }

    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
