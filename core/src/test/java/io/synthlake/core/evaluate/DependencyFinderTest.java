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
        .extracting(d -> d.determinant().get(0) + "->" + d.dependent())
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
   * Flights over 12 origins × 12 destinations, each route 20 times: neither airport fixes the
   * distance, the route does.
   */
  private static List<Object[]> flights(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int origin = random.nextInt(12);
      int destination = random.nextInt(12);
      rows.add(
          new Object[] {
            "O" + origin,
            "D" + destination,
            (double) (100 + Math.abs(origin - destination) * 37 + (origin * 7 + destination) % 5),
            random.nextBoolean() ? "a" : "b"
          });
    }

    return rows;
  }

  @Test
  void aTwoColumnDeterminantIsFoundWhenNeitherColumnAloneIs() {
    List<FunctionalDependency> found =
        DependencyFinder.find(flights(3_000, 4), new boolean[] {true, true, true, true});

    assertThat(found)
        .extracting(d -> d.determinant() + "->" + d.dependent())
        .contains("[0, 1]->2")
        .doesNotContain("[0]->2", "[1]->2");
    FunctionalDependency route =
        found.stream().filter(d -> d.determinant().equals(List.of(0, 1))).findFirst().orElseThrow();
    assertThat(route.mapping()).hasSize(144);
    assertThat(route.trainShare()).isEqualTo(1.0);
    assertThat(route.check(new Object[] {"O3", "D5", 100.0 + 2 * 37 + 26 % 5, "a"})).isEqualTo(1);
    assertThat(route.check(new Object[] {"O3", "D5", 1.0, "a"})).isZero();
    assertThat(route.check(new Object[] {"O99", "D5", 1.0, "a"})).isEqualTo(-1);
  }

  @Test
  void aDependencyHoldingInNinetyNinePercentIsFoundWithItsTrainingShare() {
    // 0.5% of the numbers broken at random: 0.995 + 0.005 / 5 of the rows keep the mapping.
    List<FunctionalDependency> found =
        DependencyFinder.find(rows(20_000, 0.005, 5), new boolean[] {true, true, false, false});

    assertThat(found).extracting(FunctionalDependency::dependent).containsExactlyInAnyOrder(1, 0);
    assertThat(found)
        .allSatisfy(d -> assertThat(d.trainShare()).isBetween(0.99, 0.999).isLessThan(1.0));
    // At 2% broken it is no dependency.
    assertThat(
            DependencyFinder.find(rows(20_000, 0.02, 5), new boolean[] {true, true, false, false}))
        .isEmpty();
  }

  @Test
  void aNearlyConstantColumnIsDeterminedByNothing() {
    // 99.5% "x": any column keeps its most frequent value in 99.5% of rows, which is no evidence.
    List<Object[]> rows = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < 10_000; i++) {
      rows.add(new Object[] {"g" + random.nextInt(20), random.nextDouble() < 0.005 ? "y" : "x"});
    }

    assertThat(DependencyFinder.find(rows, new boolean[] {true, true})).isEmpty();
  }

  @Test
  void aHierarchyIsReportedAsItsLinks() {
    // city → state → region: city → region follows and is left out.
    List<Object[]> rows = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      int city = random.nextInt(60);
      int state = city / 6;
      rows.add(new Object[] {"c" + city, "s" + state, "r" + state / 3});
    }

    assertThat(DependencyFinder.find(rows, new boolean[] {true, true, true}))
        .extracting(d -> d.determinant() + "->" + d.dependent())
        .containsExactlyInAnyOrder("[0]->1", "[1]->2");
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
