package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Relations the fit would derive, found on training rows and checked on others: a total of two
 * costs in cents, years of experience from age and schooling, and a weight proportional to a volume
 * within 10%.
 */
class NumericRelationTest {
  private static final List<String> NAMES =
      List.of(
          "repair", "other", "total", "age", "education", "experience", "x", "y", "z", "weight");

  /** Rows whose relations hold, except in a share {@code broken} of them, where each is off. */
  private static List<Object[]> rows(int n, double broken, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean off = random.nextDouble() < broken;
      double repair = Math.round(random.nextDouble() * 100_000) / 100.0;
      double other = Math.round(random.nextDouble() * 5_000) / 100.0;
      double age = 20 + random.nextInt(45);
      double education = 8 + random.nextInt(10);
      double x = 1 + random.nextDouble() * 4;
      double y = 1 + random.nextDouble() * 4;
      double z = 1 + random.nextDouble() * 2;
      double noise = 1 + (random.nextDouble() - 0.5) * 0.08;
      rows.add(
          new Object[] {
            repair,
            other,
            off
                ? repair + other + 1 + random.nextInt(100)
                : Math.round((repair + other) * 100) / 100.0,
            age,
            education,
            age - education - 6 + (off ? 1 + random.nextInt(5) : 0),
            x,
            y,
            z,
            0.0061 * x * y * z * (off ? 1.5 + random.nextDouble() : noise)
          });
    }

    return rows;
  }

  private static final List<Integer> NUMERIC = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

  @Test
  void findsTheTotalTheExperienceAndTheVolume() {
    List<NumericRelation> found = NumericRelation.find(rows(5_000, 0, 1), NAMES, NUMERIC);

    // The fit's search writes each relation for one of its columns: the total from its parts, but
    // age from experience and schooling (age = experience + education + 6) and x from the weight
    // are the same relations.
    assertThat(found)
        .extracting(r -> columns(r))
        .containsExactlyInAnyOrder(Set.of(0, 1, 2), Set.of(3, 4, 5), Set.of(6, 7, 8, 9));
    NumericRelation total = byTarget(found, 2);
    assertThat(total.linear()).isTrue();
    assertThat(total.halfUnit()).isCloseTo(0.005, within(1e-12));
    assertThat(total.check(new Object[] {10.25, 1.5, 11.75, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(1);
    assertThat(total.check(new Object[] {10.25, 1.5, 11.76, 0, 0, 0, 0, 0, 0, 0})).isZero();
    assertThat(total.check(new Object[] {10.25, null, 11.75, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(-1);
    assertThat(
            found.stream().filter(r -> columns(r).contains(5)).findFirst().orElseThrow().formula())
        .contains("experience", "age", "education", "6");
    NumericRelation volume = found.stream().filter(r -> !r.linear()).findFirst().orElseThrow();
    assertThat(volume.linear()).isFalse();
    assertThat(volume.tolerance()).isLessThanOrEqualTo(0.05);
  }

  @Test
  void rowsThatBreakTheRelationsAreCounted() {
    List<Object[]> train = rows(5_000, 0, 1);
    boolean[] numeric = new boolean[NAMES.size()];
    java.util.Arrays.fill(numeric, true);
    List<Set<String>> rare = new ArrayList<>();
    NAMES.forEach(name -> rare.add(Set.of()));
    ProfilePlan plan =
        Profiles.plan(NAMES, numeric, train, List.of(), rare)
            .withRelations(NumericRelation.find(train, NAMES, NUMERIC));
    Fidelity fidelity =
        Fidelity.of(
            Profiles.profile(plan, train),
            Profiles.profile(plan, rows(5_000, 0, 2)),
            Profiles.profile(plan, rows(20_000, 0.25, 3)));

    assertThat(fidelity.relations()).hasSize(3);
    // 25% of rows broken, each break off by more than the tolerance: 0.75 kept, σ = 0.003.
    assertThat(fidelity.relations())
        .allSatisfy(
            relation -> {
              assertThat(relation.trainShare()).isGreaterThanOrEqualTo(0.99);
              assertThat(relation.adherence().ceiling()).isGreaterThanOrEqualTo(0.99);
              assertThat(relation.adherence().synthetic()).isCloseTo(0.75, within(0.015));
            });
  }

  @Test
  void findsAScaleOfOneColumnAndChecksItWithinBothRoundings() {
    SplittableRandom random = new SplittableRandom(4);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      double temperature = 12 + 9 * random.nextGaussian();
      rows.add(
          new Object[] {
            Math.rint(10 * temperature) / 10, Math.rint(10 * (1.8 * temperature + 32)) / 10
          });
    }

    List<NumericRelation> found =
        NumericRelation.find(rows, List.of("celsius", "fahrenheit"), List.of(0, 1));

    assertThat(found)
        .extracting(NumericRelation::formula)
        .containsExactly("fahrenheit = 1.8 · celsius + 32");
    NumericRelation relation = found.get(0);
    // Half a tenth of Fahrenheit plus 1.8 half tenths of Celsius.
    assertThat(relation.halfUnit()).isCloseTo(0.14, within(1e-12));
    assertThat(relation.check(new Object[] {20.0, 68.0})).isEqualTo(1);
    assertThat(relation.check(new Object[] {20.0, 68.1})).isEqualTo(1);
    assertThat(relation.check(new Object[] {20.0, 68.2})).isZero();
  }

  private static Set<Integer> columns(NumericRelation relation) {
    Set<Integer> columns = new java.util.HashSet<>(relation.inputs());
    columns.add(relation.target());
    return columns;
  }

  private static NumericRelation byTarget(List<NumericRelation> found, int target) {
    return found.stream().filter(r -> r.target() == target).findFirst().orElseThrow();
  }
}
