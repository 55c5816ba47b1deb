package io.synthlake.bench;

import io.synthlake.core.math.Normal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.special.Erf;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The normal CDF and quantile on the generation path, beside the inverse error function they
 * replaced (Commons Math's {@code Erf.erfInv}, which goes through {@code FastMath.log}):
 * nanoseconds per value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NormalBenchmark {
  private static final int VALUES = 4096;
  private final double[] probabilities = new double[VALUES];
  private final double[] scores = new double[VALUES];

  public NormalBenchmark() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < VALUES; i++) {
      probabilities[i] = random.nextDouble();
      scores[i] = random.nextGaussian();
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void quantileAs241(Blackhole blackhole) {
    for (double p : probabilities) {
      blackhole.consume(Normal.quantile(p));
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void quantileCommonsMathErfInv(Blackhole blackhole) {
    for (double p : probabilities) {
      blackhole.consume(
          p < 0.5 ? -Math.sqrt(2) * Erf.erfInv(1 - 2 * p) : Math.sqrt(2) * Erf.erfInv(2 * p - 1));
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void cdfHart(Blackhole blackhole) {
    for (double z : scores) {
      blackhole.consume(Normal.cdf(z));
    }
  }
}
