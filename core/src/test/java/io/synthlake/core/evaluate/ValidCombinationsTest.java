package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Airlines fly from a few airports each: the combinations the training data holds are a small share
 * of those possible, and rows drawn with each column on its own mostly fall outside them.
 */
class ValidCombinationsTest {
  private static final int AIRPORTS = 40;
  private static final int AIRLINES = 30;

  /** Each airline flies from 3 airports of its own; {@code independent} rows ignore that. */
  private static List<Object[]> rows(int n, double independent, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int airline = random.nextInt(AIRLINES);
      int airport =
          random.nextDouble() < independent
              ? random.nextInt(AIRPORTS)
              : (airline * 7 + random.nextInt(3) * 13) % AIRPORTS;
      rows.add(new Object[] {"airport" + airport, "airline" + airline, random.nextGaussian()});
    }

    return rows;
  }

  @Test
  void findsTheSparsePairAndCountsRowsWithTrainingCombinations() {
    List<Object[]> train = rows(8_000, 0, 1);
    List<ValidCombinations> found =
        ValidCombinations.find(train, new boolean[] {true, true, false}, List.of());

    assertThat(found).hasSize(1);
    assertThat(found.get(0).first()).isZero();
    assertThat(found.get(0).second()).isEqualTo(1);
    assertThat(found.get(0).combinations()).hasSize(AIRLINES * 3);

    ProfilePlan plan =
        Profiles.plan(
                List.of("airport", "airline", "delay"),
                new boolean[] {false, false, true},
                train,
                List.of(),
                List.of(Set.of(), Set.of(), Set.of()))
            .withCombinations(found);
    // Half the synthetic rows pick an airport at random: 3 of 40 of those still hit a route, so
    // 0.5 + 0.5 × 3/40 = 0.5375 of the rows keep a training combination; σ = 0.005 at 10,000 rows.
    Fidelity fidelity =
        Fidelity.of(
            Profiles.profile(plan, train),
            Profiles.profile(plan, rows(2_000, 0, 2)),
            Profiles.profile(plan, rows(10_000, 0.5, 3)));

    assertThat(fidelity.combinations()).hasSize(1);
    assertThat(fidelity.combinations().get(0).share().ceiling()).isEqualTo(1.0);
    assertThat(fidelity.combinations().get(0).share().synthetic()).isCloseTo(0.5375, within(0.02));
  }

  @Test
  void denseOrLowCardinalityPairsAreLeftOut() {
    SplittableRandom random = new SplittableRandom(4);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 8_000; i++) {
      rows.add(
          new Object[] {
            "a" + random.nextInt(20), "b" + random.nextInt(20), "c" + random.nextInt(5)
          });
    }

    // 20 × 20 values all seen: not sparse; the third column has too few values.
    assertThat(ValidCombinations.find(rows, new boolean[] {true, true, true}, List.of())).isEmpty();
  }
}
