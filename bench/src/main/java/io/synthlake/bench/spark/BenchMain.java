package io.synthlake.bench.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.cli.Arguments;
import io.synthlake.spark.internal.SparkSessions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The table-level benchmark's command line, run by bin/synthlake-bench (and, with --in-process, by
 * the child JVMs of {@link ForkedBenchmark}). It lives outside the job so that the jar users deploy
 * carries no benchmark code. User errors print one line and exit 2, as the synthlake CLI's do.
 */
public final class BenchMain {
  static final String USAGE =
      String.join(
          "\n",
          "usage: synthlake-bench [options]",
          "",
          "  [--rows 1000,100000,...] [--sinks noop,parquet,delta] [--generators synthlake-spec,...] [--runs R] [--out docs/bench]",
          "  [--live-heap-every-ms MS]   (memory runs: a full collection every MS ms measures the live heap)",
          "  [--warm-up-runs N]  (unmeasured runs at the first size before measuring; default 3)",
          "  [--in-process]  (all generators in this JVM, instead of a JVM each)",
          "  [--spec conf/banking.yaml] [--fit-rows N] [--work DIR]",
          "",
          "  --fit-scaling [--fit-sizes 10000,100000,1000000] [--fit-widths 10,50,100] [--out docs/bench]",
          "  --charts-from docs/bench/results.csv   (redraw the charts, recompute the ratios of a run)",
          "  --related-tables [--rows CUSTOMERS] [--runs R] [--out docs/bench]   (a three-table set against independent tables)",
          "  --sequences [--rows CUSTOMERS] [--runs R] [--sinks noop|parquet|delta] [--sequence-spec FILE] [--out docs/bench]",
          "      (conf/agent-transactions.yaml against conf/banking.yaml, the same rows in all)",
          "  --conditional --model FILE --where CONDITION [--rows N] [--runs R]",
          "      (the model's rows with and without the condition, alternated, to the noop sink)",
          "  --holdout-seeds --input FILE --target COL [--seeds 1,2,...] [--fit-options \"--no-category-splits ...\"]",
          "      (fit --holdout-share 0.2 once per seed in this JVM: TSTR, TRTR, gap and DCR share per seed and their means)",
          "",
          "  Add --verbose for stack traces. Docs: docs/bench/README.md.");

  private static final Set<String> OPTIONS =
      Set.of(
          "rows",
          "sinks",
          "generators",
          "runs",
          "out",
          "spec",
          "work",
          "fit-rows",
          "fit-widths",
          "fit-sizes",
          "charts-from",
          "live-heap-every-ms",
          "warm-up-runs",
          "sequence-spec",
          "model",
          "where",
          "input",
          "target",
          "seeds",
          "fit-options");
  private static final Set<String> FLAGS =
      Set.of(
          "verbose",
          "fit-scaling",
          "in-process",
          "related-tables",
          "sequences",
          "conditional",
          "holdout-seeds");

  private BenchMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the benchmark; returns the exit status (0 ok, 2 user error, 1 unexpected failure). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])) {
      out.println(USAGE);
      return 0;
    }

    boolean verbose = Arrays.asList(args).contains("--verbose");
    try {
      bench(Arguments.parse("bench", "synthlake-bench help", args, 0, OPTIONS, FLAGS), out);
      return 0;
    } catch (Exception e) {
      // Spark wraps what its tasks throw; a user error anywhere in the chain is reported as one
      // line.
      SynthlakeException cause = userCause(e);
      if (cause != null) {
        err.println(
            "synthlake-bench: error: " + cause.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
      } else {
        err.println(
            "synthlake-bench: failed: "
                + e
                + (verbose ? "" : " (run with --verbose for the stack trace)"));
      }

      if (verbose) {
        e.printStackTrace(err);
      }

      return cause != null ? 2 : 1;
    }
  }

  private static SynthlakeException userCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SynthlakeException) {
        return (SynthlakeException) t;
      }
    }

    return null;
  }

  private static void bench(Arguments args, PrintStream out) throws IOException {
    if (args.has("charts-from")) {
      out.print(Benchmark.redrawCharts(Path.of(args.get("charts-from"))));
      return;
    }

    Path reportDir = Path.of(args.has("out") ? args.get("out") : "docs/bench");
    if (args.has("fit-scaling")) {
      Path work =
          args.has("work")
              ? Path.of(args.get("work"))
              : Files.createTempDirectory("synthlake-fit-scaling");
      out.print(
          new FitScaling(SparkSessions.getOrCreate(), work)
              .run(
                  ints(args.positiveList("fit-widths", "10,50,100", Integer.MAX_VALUE)),
                  ints(args.positiveList("fit-sizes", "10000,100000,1000000", Integer.MAX_VALUE)),
                  reportDir));
      return;
    }

    if (args.has("related-tables")) {
      Path work =
          args.has("work")
              ? Path.of(args.get("work"))
              : Files.createTempDirectory("synthlake-related-tables");
      out.print(
          new TableSetScaling(SparkSessions.getOrCreate(), work)
              .run(
                  args.positiveList("rows", "1000000", Long.MAX_VALUE).get(0),
                  args.positiveInt("runs", 3),
                  reportDir));
      return;
    }

    if (args.has("sequences")) {
      Path work =
          args.has("work")
              ? Path.of(args.get("work"))
              : Files.createTempDirectory("synthlake-sequences");
      out.print(
          new SequenceSpecSpeed(
                  SparkSessions.getOrCreate(),
                  work,
                  args.has("sequence-spec")
                      ? args.get("sequence-spec")
                      : "conf/agent-transactions.yaml",
                  args.has("spec") ? args.get("spec") : "conf/banking.yaml")
              .run(
                  args.positiveList("rows", "100000", Long.MAX_VALUE).get(0),
                  args.positiveInt("runs", 3),
                  args.has("sinks") ? args.get("sinks") : "parquet",
                  reportDir));
      return;
    }

    if (args.has("conditional")) {
      SynthlakeException.check(
          args.has("model") && args.has("where"),
          "--conditional needs --model FILE and --where CONDITION");
      out.print(
          new ConditionalSpeed(SparkSessions.getOrCreate(), args.get("model"), args.get("where"))
              .run(
                  args.positiveList("rows", "10000000", Long.MAX_VALUE).get(0),
                  args.positiveInt("runs", 3)));
      return;
    }

    if (args.has("holdout-seeds")) {
      SynthlakeException.check(
          args.has("input") && args.has("target"),
          "--holdout-seeds needs --input FILE and --target COL");
      out.print(
          new HoldoutSeeds(Files.createTempDirectory("synthlake-holdout-seeds"))
              .run(
                  args.get("input"),
                  args.get("target"),
                  args.positiveList("seeds", "1,2,3,4,5,6,7,8,42", Long.MAX_VALUE),
                  args.has("fit-options")
                      ? Arrays.asList(args.get("fit-options").trim().split("\\s+"))
                      : List.of()));
      return;
    }

    List<Long> sizes = args.positiveList("rows", "1000,10000,100000,1000000", Long.MAX_VALUE);
    List<String> sinks =
        Arrays.asList((args.has("sinks") ? args.get("sinks") : "noop,parquet,delta").split(","));
    List<String> generators =
        args.has("generators")
            ? Arrays.asList(args.get("generators").split(","))
            : Benchmark.GENERATORS;
    int runs = args.positiveInt("runs", 3);
    Path work =
        args.has("work") ? Path.of(args.get("work")) : Files.createTempDirectory("synthlake-bench");
    String spec = args.has("spec") ? args.get("spec") : "conf/banking.yaml";
    int fitRows = args.positiveInt("fit-rows", 200_000);
    long liveHeapEveryMillis = args.positiveInt("live-heap-every-ms", 0);
    int warmUpRuns = args.wholeInt("warm-up-runs", 3);
    if (!args.has("in-process")) {
      out.print(
          new ForkedBenchmark(spec, work, fitRows, liveHeapEveryMillis, warmUpRuns)
              .run(sizes, sinks, generators, runs, reportDir));
      return;
    }

    out.print(
        new Benchmark(
                SparkSessions.getOrCreate(), spec, work, fitRows, liveHeapEveryMillis, warmUpRuns)
            .run(sizes, sinks, generators, runs, reportDir));
  }

  private static List<Integer> ints(List<Long> values) {
    return values.stream().map(Long::intValue).toList();
  }
}
