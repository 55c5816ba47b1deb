package io.synthlake.bench;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per row to generate one column of the banking table (conf/banking.yaml), or all of
 * them, in core alone: what each column costs before Spark's own per-row work. {@code none} is the
 * shared part (mixture components) that every column pays once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ColumnSamplerBenchmark {
  /** Blocks cycled through, so the copula streams keep changing as they do in a real partition. */
  private static final int BLOCKS = 1024;

  @Param({
    "all",
    "none",
    "customer_id",
    "transaction_id",
    "timestamp",
    "amount",
    "balance",
    "merchant_category",
    "city",
    "is_fraud"
  })
  public String column;

  private TableSampler.BlockWriter writer;
  private ColumnSink[] sinks;
  private long block;

  @Setup
  public void setUp(Blackhole blackhole) {
    TableModel model = SpecCompiler.read(bankingSpec(), "banking.yaml", 42, 100_000_000L).model();
    writer = TableSampler.of(model, 42).newBlockWriter();
    sinks = new ColumnSink[model.columns().size()];
    for (int i = 0; i < sinks.length; i++) {
      String name = model.columns().get(i).name();
      if (column.equals("all") || column.equals(name)) {
        sinks[i] = new BlackholeSink(blackhole);
      }
    }

    if (!column.equals("all")
        && !column.equals("none")
        && Arrays.stream(sinks).allMatch(s -> s == null)) {
      throw new IllegalArgumentException("the banking spec has no column '" + column + "'");
    }
  }

  static String bankingSpec() {
    try (InputStream in = ColumnSamplerBenchmark.class.getResourceAsStream("/banking.yaml")) {
      if (in == null) {
        throw new IllegalStateException(
            "banking.yaml is not on the classpath; build the bench module with Maven");
      }

      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  @OperationsPerInvocation(TableSampler.BLOCK_ROWS)
  public void block() {
    writer.write(block++ % BLOCKS, TableSampler.BLOCK_ROWS, sinks);
  }
}
