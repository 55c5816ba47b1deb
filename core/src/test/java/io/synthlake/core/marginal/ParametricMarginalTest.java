package io.synthlake.core.marginal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.InvalidModelException;
import io.synthlake.core.marginal.ParametricMarginal.Family;
import io.synthlake.core.math.Normal;
import io.synthlake.core.math.Stats;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.junit.jupiter.api.Test;

/**
 * Each family's quantile function against the commons-math3 reference distribution. Statistical
 * checks draw {@value #N} uniforms from {@code SplittableRandom(1)} and test at α = 0.001
 * (one-sample KS, critical 1.949 / sqrt(n); chi-square with tail cells pooled to an expected count
 * of 5): a correct implementation fails with probability 0.001 per check over seeds, and this seed
 * is fixed. Each check is paired with a wrong reference that the same statistic rejects, so the
 * thresholds have power.
 */
class ParametricMarginalTest {
  private static final int N = 20_000;

  private static Map<String, Double> parameters(Object... namesAndValues) {
    Map<String, Double> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
    }

    return map;
  }

  private static ParametricMarginal marginal(Family family, Object... namesAndValues) {
    return ParametricMarginal.of(
        family,
        parameters(namesAndValues),
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        "d");
  }

  private static double[] sample(Marginal marginal) {
    return MarginalSamples.draw(marginal, N);
  }

  /**
   * Quantiles agree with the reference inverse CDF on the grid p = (i + 0.5) / n, and the sample
   * passes KS.
   */
  private static void assertMatches(
      ParametricMarginal marginal,
      AbstractRealDistribution reference,
      AbstractRealDistribution wrong) {
    int grid = 1000;
    for (int i = 0; i < grid; i++) {
      double p = (i + 0.5) / grid;
      double expected = reference.inverseCumulativeProbability(p);
      assertThat(marginal.quantile(p))
          .as("quantile(%s)", p)
          .isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
      assertThat(marginal.cdf(expected))
          .as("cdf(%s)", expected)
          .isCloseTo(reference.cumulativeProbability(expected), within(1e-12));
    }

    double[] values = sample(marginal);
    assertThat(Stats.ks(values, reference::cumulativeProbability)).isLessThan(Stats.ksCritical(N));
    assertThat(Stats.ks(values, wrong::cumulativeProbability))
        .as("power against a wrong reference")
        .isGreaterThan(Stats.ksCritical(N));
  }

  @Test
  void uniformMatchesItsDefinition() {
    assertMatches(
        marginal(Family.UNIFORM, "min", 2, "max", 7),
        new UniformRealDistribution(2, 7),
        new UniformRealDistribution(2, 7.5));
  }

  @Test
  void normalMatchesItsDefinition() {
    assertMatches(
        marginal(Family.NORMAL, "mean", 1, "sd", 2),
        new NormalDistribution(1, 2),
        new NormalDistribution(1.2, 2));
  }

  @Test
  void logNormalMatchesItsDefinition() {
    // commons-math3 names mu the scale and sigma the shape.
    assertMatches(
        marginal(Family.LOG_NORMAL, "mu", 0.5, "sigma", 0.8),
        new LogNormalDistribution(0.5, 0.8),
        new LogNormalDistribution(0.5, 1.0));
  }

  @Test
  void exponentialMatchesItsDefinition() {
    // commons-math3 takes the mean, 1 / rate.
    ParametricMarginal exponential = marginal(Family.EXPONENTIAL, "rate", 0.5);
    assertMatches(exponential, new ExponentialDistribution(2), new ExponentialDistribution(2.5));
    // The largest value is finite (a spec column needs finite bounds) and far in the tail.
    assertThat(exponential.min()).isEqualTo(0.0);
    assertThat(exponential.max())
        .isFinite()
        .isGreaterThan(new ExponentialDistribution(2).inverseCumulativeProbability(1 - 1e-12));
  }

  /**
   * Counts of each value in [first, last], the last cell also holding every larger value (the upper
   * tail).
   */
  private static long[] counts(double[] values, int first, int last) {
    long[] counts = new long[last - first + 1];
    for (double value : values) {
      assertThat(value).as("a discrete family gives whole numbers").isEqualTo(Math.rint(value));
      assertThat(value).isGreaterThanOrEqualTo(first);
      counts[(int) Math.min(value, last) - first]++;
    }

    return counts;
  }

  private static double[] probabilities(
      AbstractIntegerDistribution reference, int first, int last) {
    double[] p = new double[last - first + 1];
    for (int k = first; k < last; k++) {
      p[k - first] = reference.probability(k);
    }

    p[last - first] = 1 - reference.cumulativeProbability(last - 1);
    return p;
  }

  private static void assertChiSquare(
      double[] values,
      AbstractIntegerDistribution reference,
      AbstractIntegerDistribution wrong,
      int first,
      int last) {
    long[] counts = counts(values, first, last);
    Stats.ChiSquare fit = Stats.chiSquare(counts, probabilities(reference, first, last));
    Stats.ChiSquare misfit = Stats.chiSquare(counts, probabilities(wrong, first, last));

    assertThat(fit.statistic()).as("%s", fit).isLessThan(fit.critical());
    assertThat(misfit.statistic()).as("power: %s", misfit).isGreaterThan(misfit.critical());
  }

  @Test
  void poissonMatchesItsPmf() {
    for (double mean : new double[] {3.5, 200}) {
      int last = (int) (mean + 12 * Math.sqrt(mean) + 12);
      double[] values = sample(marginal(Family.POISSON, "mean", mean));
      assertChiSquare(
          values,
          new PoissonDistribution(mean),
          new PoissonDistribution(mean * 1.03 + 0.1),
          0,
          last);
    }
  }

  @Test
  void zipfMatchesItsPmf() {
    ParametricMarginal zipf = marginal(Family.ZIPF, "n", 50, "exponent", 1.2);
    double[] values = sample(zipf);

    assertThat(Arrays.stream(values)).allMatch(v -> v >= 1 && v <= 50);
    assertChiSquare(values, new ZipfDistribution(50, 1.2), new ZipfDistribution(50, 1.3), 1, 50);
    assertThat(zipf.min()).isEqualTo(1.0);
    assertThat(zipf.max()).isEqualTo(50.0);
  }

  @Test
  void constantIsItsValueEverywhere() {
    ParametricMarginal constant = marginal(Family.CONSTANT, "value", 4.25);

    assertThat(sample(constant)).containsOnly(4.25);
    assertThat(constant.quantile(0)).isEqualTo(4.25);
    assertThat(constant.quantile(1)).isEqualTo(4.25);
    assertThat(constant.min()).isEqualTo(4.25);
    assertThat(constant.max()).isEqualTo(4.25);
    assertThat(constant.cdf(4.2)).isZero();
    assertThat(constant.cdf(4.25)).isEqualTo(1.0);
  }

  @Test
  void truncationReshapesTheNormalInsideItsBounds() {
    ParametricMarginal truncated =
        ParametricMarginal.of(Family.NORMAL, parameters("mean", 0, "sd", 1), 0.5, 2, "d");
    NormalDistribution normal = new NormalDistribution(0, 1);
    double below = normal.cumulativeProbability(0.5);
    double kept = normal.cumulativeProbability(2) - below;
    DoubleUnaryOperator truncatedCdf =
        x -> x <= 0.5 ? 0 : x >= 2 ? 1 : (normal.cumulativeProbability(x) - below) / kept;
    // Clipping instead of truncating would put 31% of the draws on 0.5; a uniform on [0.5, 2] is
    // the wrong shape.
    DoubleUnaryOperator uniformCdf = x -> Math.max(0, Math.min(1, (x - 0.5) / 1.5));

    double[] values = sample(truncated);

    assertThat(Arrays.stream(values)).allMatch(v -> v >= 0.5 && v <= 2);
    assertThat(Stats.ks(values, truncatedCdf)).isLessThan(Stats.ksCritical(N));
    assertThat(Stats.ks(values, uniformCdf)).isGreaterThan(Stats.ksCritical(N));
    assertThat(truncated.min()).isCloseTo(0.5, within(1e-12));
    assertThat(truncated.max()).isCloseTo(2.0, within(1e-12));
    assertThat(truncated.lower()).isEqualTo(0.5);
    assertThat(truncated.upper()).isEqualTo(2.0);
  }

  @Test
  void normalScoresMapStraightToTheValueBetweenTheBounds() {
    // The banking spec's fraud amounts: the upper bound cuts off about 1e-6 of the law.
    ParametricMarginal amount =
        ParametricMarginal.of(
            Family.LOG_NORMAL, parameters("mu", 5.6, "sigma", 1.1), 0.01, 50_000, "d");
    assertThat(amount.takesNormalScores()).isTrue();
    double[] z = new double[601];
    for (int i = 0; i < z.length; i++) {
      z[i] = -3 + i * 0.01;
    }

    double[] values = new double[z.length];
    amount.fromNormalScores(z, values, z.length);

    for (int i = 0; i < z.length; i++) {
      assertThat(values[i]).as("z = %s", z[i]).isEqualTo(Math.exp(5.6 + 1.1 * z[i]));
      // The round trip through a uniform lands within the cut-off probability of the same place in
      // the law.
      double roundTrip = amount.quantile(Normal.cdf(z[i]));
      assertThat(Normal.cdf((Math.log(roundTrip) - 5.6) / 1.1))
          .isCloseTo(Normal.cdf(z[i]), within(2e-6));
    }
  }

  /**
   * Scores beyond a bound: given z > high, the value must follow the whole truncated law (so that
   * the mixture with the scores inside the bounds is exactly that law). KS at α = 0.001 on scores
   * drawn from the normal's tail beyond the bound; clamping them to the bound, or mapping them
   * monotonically into a sliver below it, fails the same test.
   */
  @Test
  void normalScoresBeyondABoundFollowTheTruncatedLaw() {
    double high = 3.9;
    ParametricMarginal bounded =
        ParametricMarginal.of(
            Family.NORMAL,
            parameters("mean", 10, "sd", 2),
            Double.NEGATIVE_INFINITY,
            10 + 2 * high,
            "d");
    assertThat(bounded.takesNormalScores()).isTrue();
    NormalDistribution normal = new NormalDistribution(10, 2);
    double kept = normal.cumulativeProbability(10 + 2 * high);
    DoubleUnaryOperator truncatedCdf = x -> Math.min(1, normal.cumulativeProbability(x) / kept);

    SplittableRandom random = new SplittableRandom(3);
    double[] z = new double[N];
    for (int i = 0; i < N; i++) {
      z[i] = -Normal.quantile(random.nextDouble() * Normal.cdf(-high));
    }

    double[] values = new double[N];
    bounded.fromNormalScores(z, values, N);

    assertThat(Arrays.stream(z)).allMatch(score -> score > high);
    assertThat(Arrays.stream(values)).allMatch(v -> v <= 10 + 2 * high);
    assertThat(Stats.ks(values, truncatedCdf)).isLessThan(Stats.ksCritical(N));
    assertThat(Stats.ks(values, x -> x < 10 + 2 * high ? 0 : 1))
        .as("power against clamping")
        .isGreaterThan(Stats.ksCritical(N));
  }

  @Test
  void boundsThatCutMoreThanATenThousandthKeepTheUniformPath() {
    ParametricMarginal truncated =
        ParametricMarginal.of(Family.NORMAL, parameters("mean", 0, "sd", 1), 0.5, 2, "d");
    ParametricMarginal exponential = marginal(Family.EXPONENTIAL, "rate", 2);

    assertThat(truncated.takesNormalScores()).isFalse();
    assertThat(exponential.takesNormalScores()).isFalse();
    assertThat(marginal(Family.NORMAL, "mean", 0, "sd", 1).takesNormalScores()).isTrue();
    assertThatThrownBy(() -> truncated.fromNormalScores(new double[1], new double[1], 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("takes uniforms");
  }

  @Test
  void truncationKeepsAPoissonsShapeBetweenItsBounds() {
    ParametricMarginal truncated =
        ParametricMarginal.of(Family.POISSON, parameters("mean", 3.5), 2, 6, "d");
    PoissonDistribution poisson = new PoissonDistribution(3.5);
    double kept = poisson.cumulativeProbability(6) - poisson.cumulativeProbability(1);
    double[] p = new double[5];
    for (int k = 2; k <= 6; k++) {
      p[k - 2] = poisson.probability(k) / kept;
    }

    double[] values = sample(truncated);

    assertThat(Arrays.stream(values)).allMatch(v -> v >= 2 && v <= 6);
    Stats.ChiSquare fit = Stats.chiSquare(counts(values, 2, 6), p);
    assertThat(fit.statistic()).as("%s", fit).isLessThan(fit.critical());
    assertThat(truncated.min()).isEqualTo(2.0);
    assertThat(truncated.max()).isEqualTo(6.0);
  }

  @Test
  void familiesParseFromTheirSpecNames() {
    assertThat(Family.parse("log-normal")).isEqualTo(Family.LOG_NORMAL);
    assertThat(Family.parse("zipf")).isEqualTo(Family.ZIPF);
    assertThat(Family.parse("lognormal")).isNull();
    assertThat(Family.NORMAL.parameters()).containsExactly("mean", "sd");
  }

  @Test
  void invalidParametersNameTheField() {
    assertThatThrownBy(() -> marginal(Family.NORMAL, "mean", 0, "sd", 0))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("d.sd: must be > 0, got 0.0");
    assertThatThrownBy(() -> marginal(Family.NORMAL, "mean", 0, "sd", -2))
        .hasMessageContaining("d.sd: must be > 0, got -2.0");
    assertThatThrownBy(() -> marginal(Family.UNIFORM, "min", 5, "max", 5))
        .hasMessageContaining("d.max: must be > min (5.0), got 5.0");
    assertThatThrownBy(() -> marginal(Family.UNIFORM, "min", 5, "max", 1))
        .hasMessageContaining("d.max: must be > min");
    assertThatThrownBy(() -> marginal(Family.LOG_NORMAL, "mu", 0, "sigma", 0))
        .hasMessageContaining("d.sigma: must be > 0");
    assertThatThrownBy(() -> marginal(Family.EXPONENTIAL, "rate", -1))
        .hasMessageContaining("d.rate: must be > 0, got -1.0");
    assertThatThrownBy(() -> marginal(Family.POISSON, "mean", 0))
        .hasMessageContaining("d.mean: must be > 0 and at most 100000, got 0.0");
    assertThatThrownBy(() -> marginal(Family.POISSON, "mean", 200_000))
        .hasMessageContaining("d.mean: must be > 0 and at most 100000");
    assertThatThrownBy(() -> marginal(Family.ZIPF, "n", 2.5, "exponent", 1))
        .hasMessageContaining("d.n: must be a whole number from 1 to 10000000, got 2.5");
    assertThatThrownBy(() -> marginal(Family.ZIPF, "n", 0, "exponent", 1))
        .hasMessageContaining("d.n: must be a whole number");
    assertThatThrownBy(() -> marginal(Family.ZIPF, "n", 10, "exponent", 0))
        .hasMessageContaining("d.exponent: must be > 0");
    assertThatThrownBy(() -> marginal(Family.NORMAL, "mean", Double.NaN, "sd", 1))
        .hasMessageContaining("d.mean: must be a finite number, got NaN");
  }

  @Test
  void unknownAndMissingParametersNameTheField() {
    assertThatThrownBy(() -> marginal(Family.NORMAL, "mean", 0, "sd", 1, "sdev", 1))
        .hasMessageContaining("d.sdev: is not a parameter of normal; it takes mean, sd");
    assertThatThrownBy(() -> marginal(Family.NORMAL, "mean", 0))
        .hasMessageContaining("d.sd: is missing; a normal distribution needs mean, sd");
    assertThatThrownBy(() -> marginal(Family.ZIPF, "exponent", 1))
        .hasMessageContaining("d.n: is missing; a zipf distribution needs n, exponent");
  }

  @Test
  void boundsThatLeaveNoProbabilityAreRejected() {
    assertThatThrownBy(
            () -> ParametricMarginal.of(Family.NORMAL, parameters("mean", 0, "sd", 1), 50, 60, "d"))
        .hasMessageContaining(
            "d: the bounds [50.0, 60.0] leave no probability to this normal distribution");
    // No whole number lies in [2.2, 2.8].
    assertThatThrownBy(
            () -> ParametricMarginal.of(Family.POISSON, parameters("mean", 3), 2.2, 2.8, "d"))
        .hasMessageContaining("leave no probability to this poisson distribution");
    assertThatThrownBy(
            () -> ParametricMarginal.of(Family.CONSTANT, parameters("value", 5), 6, 10, "d"))
        .hasMessageContaining("leave no probability to this constant distribution");
    assertThatThrownBy(
            () -> ParametricMarginal.of(Family.EXPONENTIAL, parameters("rate", 1), -5, -1, "d"))
        .hasMessageContaining("leave no probability to this exponential distribution");
    assertThatThrownBy(
            () -> ParametricMarginal.of(Family.NORMAL, parameters("mean", 0, "sd", 1), 3, 1, "d"))
        .hasMessageContaining("d: min 3.0 is above max 1.0");
  }
}
