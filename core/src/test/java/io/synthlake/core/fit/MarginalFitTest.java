package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.math.Stats;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Shapes of numeric marginals survive fit and generation. Every KS test here compares the real
 * sample with 20,000 generated rows at alpha = 0.001, critical value 1.95 * sqrt((n + m) / (n m)) =
 * 0.0195: a correct model fails it with probability at most 0.001 (less, since the model is fitted
 * to the very sample it is compared with).
 */
class MarginalFitTest {
  private static final int N = 20_000;

  /** 40% N(-3, 1) and 60% N(4, 0.5). */
  static double[] bimodal(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[N];
    for (int i = 0; i < N; i++) {
      values[i] =
          random.nextDouble() < 0.4 ? -3 + random.nextGaussian() : 4 + 0.5 * random.nextGaussian();
    }

    return values;
  }

  /** 60% exact zeros, the rest log-normal exp(N(2, 1)). */
  static double[] zeroInflated(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[N];
    for (int i = 0; i < N; i++) {
      values[i] = random.nextDouble() < 0.6 ? 0.0 : Math.exp(2 + random.nextGaussian());
    }

    return values;
  }

  @Test
  void bimodalAndZeroInflatedColumnsKeepTheirShape() {
    double[] x = bimodal(1);
    double[] cost = zeroInflated(2);
    TableModel model =
        Samples.fitSingle(Samples.doubles("x", x), Samples.doubles("cost", cost)).model();

    Generated rows = Generated.of(model, 99, N);

    double critical = Stats.ksCritical(N, N);
    double[] generatedX = rows.column("x").numbers();
    double[] generatedCost = rows.column("cost").numbers();
    assertThat(generatedX).hasSize(N);
    assertThat(Stats.ks(x, generatedX)).isLessThan(critical);
    assertThat(Stats.ks(cost, generatedCost)).isLessThan(critical);
    // Between the modes (around 1.5) there is almost no mass; a unimodal fit would put ~15% there.
    assertThat(Arrays.stream(generatedX).filter(v -> v > 0.5 && v < 2.5).count())
        .isLessThan(N / 50);

    // The zero share: the real one is 0.6 +- 0.0035 (one binomial sd) and the generated one adds as
    // much again; 0.02
    // is more than 4 combined standard deviations (false failure rate below 1e-4).
    long zeros = Arrays.stream(generatedCost).filter(v -> v == 0.0).count();
    assertThat(zeros / (double) N).isEqualTo(0.6, within(0.02));
    assertThat(Arrays.stream(generatedCost).min().getAsDouble()).isEqualTo(0.0);

    EmpiricalMarginal costMarginal =
        (EmpiricalMarginal) ((NumericColumn) model.column("cost")).components().get(0).marginal();
    assertThat(costMarginal.massValues()).containsExactly(0.0);
    assertThat(costMarginal.knots()).hasSize(1000);
  }

  @Test
  void aTestThatWouldCatchAWrongShape() {
    // Guards the KS helper: a single normal with the bimodal column's mean and deviation is
    // rejected at the same
    // critical value, so the passing KS above means something.
    double[] x = bimodal(1);
    double mean = Stats.mean(x);
    double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (N - 1));
    SplittableRandom random = new SplittableRandom(4);
    double[] wrong = new double[N];
    for (int i = 0; i < N; i++) {
      wrong[i] = mean + sd * random.nextGaussian();
    }

    assertThat(Stats.ks(x, wrong)).isGreaterThan(Stats.ksCritical(N, N));
  }

  @Test
  void gaussianMixtureMarginalFindsTwoModesAndKeepsTheShape() {
    double[] x = bimodal(3);
    FitSettings settings =
        FitSettings.builder().marginal("x", MarginalFamily.GAUSSIAN_MIXTURE).build();
    TableModel model =
        ModelFitter.fit(Samples.table(Samples.doubles("x", x)), settings, ScoreClusterer.single())
            .model();

    NumericColumn column = (NumericColumn) model.column("x");
    assertThat(column.components().get(0).marginal()).isInstanceOf(GaussianMixtureMarginal.class);
    GaussianMixtureMarginal marginal =
        (GaussianMixtureMarginal) column.components().get(0).marginal();
    assertThat(marginal.modes()).isEqualTo(2);
    double[] means = marginal.means();
    Arrays.sort(means);
    assertThat(means[0]).isEqualTo(-3, within(0.1));
    assertThat(means[1]).isEqualTo(4, within(0.05));

    CollectingSink generated = Generated.of(model, 5, N).column("x");
    assertThat(Stats.ks(x, generated.numbers())).isLessThan(Stats.ksCritical(N, N));
  }
}
