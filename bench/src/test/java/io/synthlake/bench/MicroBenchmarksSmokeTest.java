package io.synthlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every JMH benchmark once, briefly and in this JVM, to prove they run and measure something.
 * No timing is asserted: real figures come from {@code java -jar bench/target/benchmarks.jar}.
 */
class MicroBenchmarksSmokeTest {
  @Test
  void everyBenchmarkRunsAndReportsAPositiveTimePerValue() throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include("io\\.synthlake\\.bench\\..*")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(50))
            .verbosity(VerboseMode.SILENT)
            .build();

    Collection<RunResult> results = new Runner(options).run();

    List<String> measured = new ArrayList<>();
    for (RunResult result : results) {
      String label =
          result.getParams().getBenchmark() + " " + result.getParams().getParam("column");
      assertThat(result.getPrimaryResult().getScore()).as(label).isPositive().isFinite();
      measured.add(label);
    }

    // 10 columns of the sampler benchmark and the 3 normal functions.
    assertThat(measured).hasSize(13);
    assertThat(measured).anyMatch(label -> label.endsWith("ColumnSamplerBenchmark.block city"));
    assertThat(measured).anyMatch(label -> label.endsWith("NormalBenchmark.quantileAs241 null"));
  }
}
