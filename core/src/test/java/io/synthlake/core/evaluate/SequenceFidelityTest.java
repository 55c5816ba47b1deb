package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.evaluate.SequenceReport.Adherence;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The figures of histories: exact values on small hand-worked inputs, and statistical checks on
 * planted processes at fixed seeds, each tolerance stated against the figure's sampling error.
 */
class SequenceFidelityTest {
  private static final ColumnBinning STATES =
      ColumnBinning.categorical("state", List.of("a", "b", "c"));

  /** {@code entities} AR(1) histories of {@code length} rows, started on the stationary law. */
  static Histories ar1(double phi, int entities, int length, long seed) {
    Random random = new Random(seed);
    Histories.Builder builder = Histories.builder(1);
    double innovation = Math.sqrt(1 - phi * phi);
    for (int e = 0; e < entities; e++) {
      double x = random.nextGaussian();
      for (int t = 0; t < length; t++) {
        builder.add(e, t, new Object[] {10 + 3 * x});
        x = phi * x + innovation * random.nextGaussian();
      }
    }

    return builder.build();
  }

  /** Histories of a Markov chain over a, b, c with transition matrix {@code p}, from state a. */
  static Histories markov(double[][] p, int entities, int length, long seed) {
    Random random = new Random(seed);
    String[] names = {"a", "b", "c"};
    Histories.Builder builder = Histories.builder(1);
    for (int e = 0; e < entities; e++) {
      int state = 0;
      for (int t = 0; t < length; t++) {
        builder.add("entity " + e, t, new Object[] {names[state]});
        double u = random.nextDouble();
        int next = 0;
        double cumulative = p[state][0];
        while (u >= cumulative && next < 2) {
          next++;
          cumulative += p[state][next];
        }

        state = next;
      }
    }

    return builder.build();
  }

  @Test
  void autocorrelationOfAnAr1SeriesIsPhiToTheLag() {
    // 200 histories of 200 rows: 39,800 lag-1 pairs. Bartlett's standard error of r_k for an AR(1)
    // with phi 0.6 is at most sqrt((1 + phi²) / (1 − phi²) / N) ≈ 0.0073, so 0.03 is four standard
    // errors: a false failure about once in 16,000 lags.
    double[] rho = SequenceFidelity.autocorrelations(ar1(0.6, 200, 200, 11), 0, 7);
    for (int k = 1; k <= 7; k++) {
      assertThat(rho[k - 1]).as("lag %d", k).isCloseTo(Math.pow(0.6, k), within(0.03));
    }
  }

  @Test
  void autocorrelationDistanceTellsProcessesApart() {
    Histories real = ar1(0.6, 200, 200, 11);
    Histories same = ar1(0.6, 200, 200, 12);
    Histories weaker = ar1(0.3, 200, 200, 13);
    double[] realRho = SequenceFidelity.autocorrelations(real, 0, 7);
    double sameDistance =
        SequenceFidelity.meanAbsoluteDifference(
            realRho, SequenceFidelity.autocorrelations(same, 0, 7));
    double weakerDistance =
        SequenceFidelity.meanAbsoluteDifference(
            realRho, SequenceFidelity.autocorrelations(weaker, 0, 7));
    double expected = 0;
    for (int k = 1; k <= 7; k++) {
      expected += (Math.pow(0.6, k) - Math.pow(0.3, k)) / 7;
    }

    // Each lag's difference has a standard error of about 0.01 (two samples), so a mean of 0.03
    // for two samples of one process is three of them; the planted distance is 0.098.
    assertThat(sameDistance).isLessThan(0.03);
    assertThat(weakerDistance).isCloseTo(expected, within(0.03));
  }

  @Test
  void aConstantColumnOrAHistoryOfOneRowHasNoAutocorrelation() {
    Histories constant =
        Histories.builder(1)
            .add("x", 0, new Object[] {1.0})
            .add("x", 1, new Object[] {1.0})
            .build();
    assertThat(SequenceFidelity.autocorrelations(constant, 0, 3)).containsOnly(Double.NaN);
    Histories single =
        Histories.builder(1)
            .add("x", 0, new Object[] {1.0})
            .add("y", 0, new Object[] {2.0})
            .build();
    // Two rows of two entities: no pair lies within one entity.
    assertThat(SequenceFidelity.autocorrelations(single, 0, 2)).containsOnly(Double.NaN);
  }

  @Test
  void ksIsExactAtEveryValue() {
    assertThat(SequenceFidelity.ks(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isZero();
    assertThat(SequenceFidelity.ks(new double[] {1, 1, 1}, new double[] {2, 2})).isEqualTo(1.0);
    assertThat(SequenceFidelity.ks(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}))
        .isEqualTo(0.5);
    // Ties are stepped over together: F_a(1) = 2/3, F_b(1) = 1/2.
    assertThat(SequenceFidelity.ks(new double[] {1, 1, 2}, new double[] {1, 2}))
        .isCloseTo(1.0 / 6, within(1e-12));
    assertThat(SequenceFidelity.ks(new double[0], new double[] {1})).isNaN();
  }

  @Test
  void transitionDistanceWeighsRowsByTheirTrainingShare() {
    // Training: from a, 3 to a and 1 to b; from b, 4 to c. Other: from a, 1 to a and 1 to b
    // (TVD 1/4); it never leaves b (its row counts 1). Weights 1/2 and 1/2.
    int bins = STATES.binCount();
    long[] train = new long[bins * bins];
    long[] other = new long[bins * bins];
    train[0] = 3;
    train[1] = 1;
    train[bins + 2] = 4;
    other[0] = 1;
    other[1] = 1;
    other[2 * bins] = 5;
    assertThat(SequenceFidelity.transitionDistance(train, other, bins))
        .isCloseTo(0.5 * 0.25 + 0.5 * 1, within(1e-12));
    assertThat(SequenceFidelity.transitionDistance(train, train, bins)).isZero();
    assertThat(SequenceFidelity.transitionDistance(new long[bins * bins], train, bins)).isNaN();
  }

  @Test
  void aPlantedTransitionMatrixIsFound() {
    double[][] p = {{0.8, 0.15, 0.05}, {0.3, 0.6, 0.1}, {0.2, 0.2, 0.6}};
    double[][] q = {{0.5, 0.3, 0.2}, {0.3, 0.6, 0.1}, {0.2, 0.2, 0.6}};
    int bins = STATES.binCount();
    long[] real = SequenceFidelity.stepCounts(markov(p, 100, 100, 21), 0, STATES);
    long[] same = SequenceFidelity.stepCounts(markov(p, 100, 100, 22), 0, STATES);
    long[] changed = SequenceFidelity.stepCounts(markov(q, 100, 100, 23), 0, STATES);
    // The estimated rows from a: 9,900 transitions, about 5,900 of them from a; each conditional
    // share has a standard error below 0.01, so two samples of one chain stay within 0.03.
    assertThat(SequenceFidelity.transitionDistance(real, same, bins)).isLessThan(0.03);
    // Only row a differs, by TVD 0.3; its share of the real transitions is the chain's stationary
    // share of a, 0.5455 (pi = (0.5455, 0.2727, 0.1818)): 0.164, within the same 0.03.
    assertThat(SequenceFidelity.transitionDistance(real, changed, bins))
        .isCloseTo(0.3 * 6.0 / 11, within(0.03));
    // The next-step pairs see the change too, less sharply.
    assertThat(Fidelity.accuracy(real, same)).isGreaterThan(0.97);
    assertThat(Fidelity.accuracy(real, changed)).isLessThan(0.9);
  }

  @Test
  void aCopyOfTheTrainingHistoriesScoresPerfectly() {
    Histories train = weather(1);
    Histories holdout = weather(2);
    FanOut lengths = FanOut.of(Map.of(50L, 4L));
    Adherence all = Adherence.of(196, 196);
    SequenceSpec spec = SequenceSpec.of("days", "city", "date").withFloor("temp", -10);
    List<ColumnBinning> columns =
        List.of(
            ColumnBinning.numeric(
                "temp",
                ColumnBinning.Scale.NUMBER,
                new double[] {8, 9, 10, 11, 12},
                new double[] {8, 9, 10, 11, 12}),
            STATES);
    SequenceFidelity.SideCounts trainCounts =
        new SequenceFidelity.SideCounts(lengths, all, List.of(all), train);
    SequenceReport report =
        SequenceFidelity.report(
            spec,
            columns,
            ColumnBinning.Scale.DATE,
            trainCounts,
            new SequenceFidelity.SideCounts(
                FanOut.of(Map.of(40L, 1L, 60L, 1L)), all, List.of(Adherence.of(100, 99)), holdout),
            trainCounts);
    assertThat(report.lengths().synthetic()).isEqualTo(1.0);
    assertThat(report.lengths().ceiling()).isEqualTo(0.5);
    assertThat(report.gaps().synthetic()).isEqualTo(1.0);
    assertThat(report.autocorrelation().synthetic()).isZero();
    assertThat(report.autocorrelation().ceiling()).isPositive();
    assertThat(report.transitions().synthetic()).isZero();
    assertThat(report.nextStep().synthetic()).isEqualTo(1.0);
    assertThat(report.columns()).hasSize(1);
    assertThat(report.categories())
        .singleElement()
        .satisfies(c -> assertThat(c.column()).isEqualTo("state"));
    assertThat(report.steps()).hasSize(2);
    assertThat(report.floors().get(0).adherence().holdout().share()).isEqualTo(0.99);
    assertThat(report.sides().train().entities()).isEqualTo(4);
    assertThat(report.sides().train().meanGap()).isEqualTo(1.0);
    assertThat(report.chart().orderScale()).isEqualTo("date");
    assertThat(report.chart().columns()).containsExactly("temp");
    assertThat(report.chart().train()).hasSize(3);
    assertThat(report.chart().train().get(0).order()).hasSize(50);
  }

  /** Four histories of 50 days: an AR(1) temperature and a state that follows it. */
  private static Histories weather(long seed) {
    Random random = new Random(seed);
    Histories.Builder builder = Histories.builder(2);
    for (int e = 0; e < 4; e++) {
      double x = random.nextGaussian();
      for (int t = 0; t < 50; t++) {
        builder.add(e, 100 + t, new Object[] {10 + x, x > 0.5 ? "a" : x > -0.5 ? "b" : "c"});
        x = 0.7 * x + Math.sqrt(0.51) * random.nextGaussian();
      }
    }

    return builder.build();
  }

  @Test
  void historiesMustArriveInOrder() {
    Histories.Builder builder = Histories.builder(1).add("x", 5, new Object[] {1.0});
    assertThatThrownBy(() -> builder.add("x", 4, new Object[] {1.0}))
        .hasMessageContaining("rows of entity x are not in order");
    assertThatThrownBy(() -> SequenceSpec.of("t", "e", "d").withFloor("d", 0))
        .hasMessageContaining("the floor on 'd' names its order column");
  }
}
