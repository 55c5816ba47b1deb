package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A planted functional dependency (education name → its number) is found and its adherence
 * measured.
 */
class DependencyFinderTest {
  private static final String[] EDUCATION = {
    "HS-grad", "Some-college", "Bachelors", "Masters", "Doctorate"
  };
  private static final double[] NUMBER = {9, 10, 13, 14, 16};

  private static List<Object[]> rows(int n, double breakShare, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int level = random.nextInt(EDUCATION.length);
      double number =
          random.nextDouble() < breakShare ? NUMBER[random.nextInt(NUMBER.length)] : NUMBER[level];
      rows.add(
          new Object[] {
            EDUCATION[level],
            number,
            20 + 50 * random.nextDouble(),
            random.nextBoolean() ? "a" : "b"
          });
    }

    return rows;
  }

  @Test
  void findsThePlantedDependencyBothWaysAndNothingElse() {
    List<FunctionalDependency> found =
        DependencyFinder.find(rows(5_000, 0, 1), new boolean[] {true, true, true, true});

    assertThat(found)
        .extracting(d -> d.determinant() + "->" + d.dependent())
        .containsExactlyInAnyOrder("0->1", "1->0");
    assertThat(found.get(0).mapping()).hasSize(5);
  }

  @Test
  void ignoredColumnsTakeNoPart() {
    assertThat(DependencyFinder.find(rows(5_000, 0, 1), new boolean[] {true, false, true, true}))
        .isEmpty();
  }

  @Test
  void adherenceIsTheShareOfRowsKeepingTheMapping() {
    List<Object[]> train = stringNumbers(rows(5_000, 0, 1));
    List<FunctionalDependency> found =
        DependencyFinder.find(train, new boolean[] {true, true, true, true});
    ProfilePlan plan =
        Profiles.plan(
            List.of("education", "number", "age", "flag"),
            new boolean[] {false, false, true, false},
            train,
            found,
            List.of(Set.of(), Set.of(), Set.of(), Set.of()));
    // Breaking 30% of rows at random keeps 30% × 1/5 of them by chance: adherence 0.70 + 0.06 =
    // 0.76.
    Fidelity fidelity =
        Fidelity.of(
            Profiles.profile(plan, train),
            Profiles.profile(plan, stringNumbers(rows(5_000, 0, 2))),
            Profiles.profile(plan, stringNumbers(rows(20_000, 0.3, 3))));

    assertThat(fidelity.dependencies()).hasSize(2);
    assertThat(fidelity.dependencies())
        .allSatisfy(
            d -> {
              assertThat(d.adherence().ceiling()).isEqualTo(1.0);
              assertThat(d.adherence().synthetic()).isBetween(0.74, 0.78);
            });
  }

  /**
   * The number column as a category (as the evaluator sees a numeric column with few values),
   * mapping unchanged.
   */
  private static List<Object[]> stringNumbers(List<Object[]> rows) {
    rows.forEach(row -> row[1] = String.valueOf(row[1]));
    return rows;
  }
}
