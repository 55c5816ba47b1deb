package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.evaluate.EvaluationResult.ColumnReport;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fidelity figures on tables whose answer is known. Rows are drawn with fixed seeds; each bound
 * below sits more than 10 standard errors from the expected value, so a false failure has
 * probability far below 1e-6.
 */
class FidelityTest {
  private static final List<String> NAMES = List.of("x", "y", "segment", "z");
  private static final boolean[] NUMERIC = {true, true, false, true};

  /**
   * x ~ N(0,1); y = x + small noise; segment follows x with 10% flips; z independent exponential
   * with 5% nulls.
   */
  static List<Object[]> table(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> table = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      double x = gaussian(random);
      String segment = x < -0.5 ? "low" : x < 0.5 ? "mid" : "high";
      if (random.nextDouble() < 0.1) {
        segment = new String[] {"low", "mid", "high"}[random.nextInt(3)];
      }

      Double z = random.nextDouble() < 0.05 ? null : -Math.log(1 - random.nextDouble());
      table.add(new Object[] {x, x + 0.3 * gaussian(random), segment, z});
    }

    return table;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static Fidelity fidelity(
      List<Object[]> train, List<Object[]> holdout, List<Object[]> synthetic) {
    ProfilePlan plan = Profiles.plan(NAMES, NUMERIC, train);
    return Fidelity.of(
        Profiles.profile(plan, train),
        Profiles.profile(plan, holdout),
        Profiles.profile(plan, synthetic));
  }

  @Test
  void trainingAgainstItselfScoresOne() {
    List<Object[]> train = table(20_000, 1);
    Fidelity fidelity = fidelity(train, train, train);

    assertThat(fidelity.accuracy().overall().synthetic()).isEqualTo(1.0);
    assertThat(fidelity.accuracy().univariate().synthetic()).isEqualTo(1.0);
    assertThat(fidelity.accuracy().bivariate().synthetic()).isEqualTo(1.0);
    assertThat(fidelity.accuracy().trivariate().synthetic()).isEqualTo(1.0);
    assertThat(fidelity.accuracy().pairCount()).isEqualTo(6);
    assertThat(fidelity.accuracy().tripleCount()).isEqualTo(4);
    assertThat(fidelity.correlations().similarity().synthetic()).isCloseTo(1.0, within(1e-12));
    assertThat(fidelity.columns())
        .allSatisfy(column -> assertThat(column.statistic()).isEqualTo(0.0));
  }

  @Test
  void unseenRealRowsSetTheCeilingNearOne() {
    Fidelity fidelity = fidelity(table(20_000, 1), table(20_000, 2), table(20_000, 3));

    // Sampling noise alone: TVD over 10 bins at n = 20,000 is about 0.01.
    assertThat(fidelity.accuracy().univariate().ceiling()).isGreaterThan(0.97);
    assertThat(fidelity.accuracy().bivariate().ceiling()).isGreaterThan(0.95);
    assertThat(fidelity.accuracy().overall().ratio()).isCloseTo(1.0, within(0.03));
    var accuracy = fidelity.accuracy();
    assertThat(accuracy.overallUniBi().ceiling())
        .isCloseTo(
            (accuracy.univariate().ceiling() + accuracy.bivariate().ceiling()) / 2, within(1e-12));
    assertThat(accuracy.overall().ceiling())
        .isCloseTo(
            (accuracy.univariate().ceiling()
                    + accuracy.bivariate().ceiling()
                    + accuracy.trivariate().ceiling())
                / 3,
            within(1e-12));
    assertThat(fidelity.correlations().similarity().ratio()).isCloseTo(1.0, within(0.02));
  }

  @Test
  void independentlyShuffledColumnsKeepMarginalsAndLoseDependence() {
    List<Object[]> train = table(20_000, 1);
    List<Object[]> shuffled = new ArrayList<>();
    train.forEach(row -> shuffled.add(row.clone()));
    SplittableRandom random = new SplittableRandom(9);
    for (int c = 0; c < NAMES.size(); c++) {
      for (int i = shuffled.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Object swap = shuffled.get(i)[c];
        shuffled.get(i)[c] = shuffled.get(j)[c];
        shuffled.get(j)[c] = swap;
      }
    }

    Fidelity fidelity = fidelity(train, table(20_000, 2), shuffled);

    assertThat(fidelity.accuracy().univariate().synthetic()).isEqualTo(1.0);
    assertThat(fidelity.accuracy().bivariate().synthetic())
        .isLessThan(fidelity.accuracy().bivariate().ceiling() - 0.1);
    // x and y correlate at 0.96; shuffled, they don't: similarity of that pair is about 1 - 0.96 /
    // 2.
    assertThat(fidelity.correlations().synthetic()[0][1]).isCloseTo(0.0, within(0.05));
    assertThat(fidelity.pairs().get(0).first() + "," + fidelity.pairs().get(0).second())
        .isEqualTo("x,y");
  }

  @Test
  void uniformNoiseScoresLow() {
    List<Object[]> train = table(20_000, 1);
    SplittableRandom random = new SplittableRandom(5);
    List<Object[]> noise = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      noise.add(
          new Object[] {
            -4 + 8 * random.nextDouble(),
            -4 + 8 * random.nextDouble(),
            new String[] {"low", "mid", "high"}[random.nextInt(3)],
            10 * random.nextDouble()
          });
    }

    Fidelity fidelity = fidelity(train, table(20_000, 2), noise);

    assertThat(fidelity.accuracy().univariate().synthetic()).isLessThan(0.75);
    assertThat(fidelity.accuracy().overall().ratio()).isLessThan(0.75);
    ColumnReport worst = fidelity.columns().get(0);
    assertThat(worst.binning()).isEqualTo("numeric");
    assertThat(worst.statistic()).isGreaterThan(0.3);
  }

  @Test
  void columnReportsCarrySharesPerBinWithNullsLast() {
    List<Object[]> train = table(20_000, 1);
    Fidelity fidelity = fidelity(train, table(20_000, 2), train);
    ColumnReport z =
        fidelity.columns().stream().filter(c -> c.name().equals("z")).findFirst().orElseThrow();

    assertThat(z.bins()).hasSize(11).endsWith("(null)");
    assertThat(z.trainShares().get(10)).isCloseTo(0.05, within(0.01));
    assertThat(z.trainShares().subList(0, 10))
        .allSatisfy(share -> assertThat(share).isCloseTo(0.095, within(0.01)));
    ColumnReport segment =
        fidelity.columns().stream()
            .filter(c -> c.name().equals("segment"))
            .findFirst()
            .orElseThrow();
    // Most frequent first: "mid" holds 38% of rows, "low" and "high" 31% each.
    assertThat(segment.bins().get(0)).isEqualTo("mid");
    assertThat(segment.bins()).containsExactlyInAnyOrder("mid", "low", "high", "(other)", "(null)");
    assertThat(segment.bins().subList(3, 5)).containsExactly("(other)", "(null)");
  }
}
