package io.synthlake.bench.spark;

import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a spec's histories cost: conf/agent-transactions.yaml (customers and their transactions as
 * ordered histories with an AR column and a running balance, plus a derived status) against the
 * flat conf/banking.yaml, the same number of rows in all, both through the spec generator to the
 * same sink, alternated run by run in one JVM; the first pair warms the JIT up and is not counted.
 * Rows per second count every row written: the agents' customers and transactions, the flat table's
 * rows.
 */
public final class SequenceSpecSpeed {
  private final SparkSession spark;
  private final Path work;
  private final String agents;
  private final String flat;

  public SequenceSpecSpeed(SparkSession spark, Path work, String agents, String flat) {
    this.spark = spark;
    this.work = work;
    this.agents = agents;
    this.flat = flat;
  }

  /**
   * Runs {@code runs} alternated pairs at {@code customers} agents, writing to {@code sink} ({@code
   * noop}, {@code parquet} or {@code delta}); returns the report text.
   */
  public String run(long customers, int runs, String sink, Path out) throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    List<double[]> pairs = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      GenerateOptions options = GenerateOptions.defaults().withSeed(run);
      long start = System.nanoTime();
      Map<String, Dataset<Row>> tables =
          SpecGenerator.generateTables(spark, agents, "customers", customers, options);
      for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
        write(table.getValue(), "agents-" + table.getKey(), sink);
      }

      double agentSeconds = (System.nanoTime() - start) / 1e9;
      long total = 0;
      for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
        long written = written(table.getValue(), "agents-" + table.getKey(), sink);
        rows.put(table.getKey(), written);
        total += written;
      }

      start = System.nanoTime();
      write(SpecGenerator.generate(spark, flat, total, options), "flat", sink);
      double flatSeconds = (System.nanoTime() - start) / 1e9;
      if (run > 0) { // the first pair warms the JIT up
        pairs.add(new double[] {total, agentSeconds, flatSeconds});
      }
    }

    String report = report(customers, sink, rows, pairs);
    Files.createDirectories(out);
    Files.writeString(out.resolve("sequences-speed.md"), report);
    return report;
  }

  private void write(Dataset<Row> rows, String name, String sink) {
    if (sink.equals("noop")) {
      rows.write().format("noop").mode("overwrite").save();
      return;
    }

    TableWriter.toPath(
        rows,
        work.resolve(name).toString(),
        WriteOptions.builder().format(format(sink)).mode(WriteMode.OVERWRITE).build());
  }

  /** The rows written, counted after the timing. */
  private long written(Dataset<Row> rows, String name, String sink) {
    String path = work.resolve(name).toString();
    return switch (sink) {
      case "noop" -> rows.count();
      case "delta" -> spark.read().format("delta").load(path).count();
      default -> spark.read().parquet(path).count();
    };
  }

  private static OutputFormat format(String sink) {
    return sink.equals("delta") ? OutputFormat.DELTA : OutputFormat.PARQUET;
  }

  static String report(long customers, String sink, Map<String, Long> rows, List<double[]> pairs) {
    StringBuilder out = new StringBuilder();
    out.append("# Sequences in specs: the agent simulation against the flat banking spec\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Written by `bin/synthlake-bench --sequences --rows %d --sinks %s`. Agent rows: %s.%n%n",
            customers,
            sink,
            rows));
    out.append(
        "| pair | rows | agents (s) | flat (s) | agents (rows/s) | flat (rows/s) | agents / flat |\n"
            + "|---|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < pairs.size(); i++) {
      double[] pair = pairs.get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %.1f | %.1f | %,.0f | %,.0f | %.2f |%n",
              i + 1,
              (long) pair[0],
              pair[1],
              pair[2],
              pair[0] / pair[1],
              pair[0] / pair[2],
              pair[2] / pair[1]));
    }

    return out.toString();
  }
}
