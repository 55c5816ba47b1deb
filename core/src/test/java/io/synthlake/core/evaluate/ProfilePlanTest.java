package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfilePlanTest {
  @Test
  void fewColumnsGiveEveryTriple() {
    assertThat(ProfilePlan.sampleTriples(6, 100, 1)).hasNumberOfRows(20);
    assertThat(ProfilePlan.sampleTriples(2, 100, 1)).isEmpty();
  }

  @Test
  void wideTablesGetDistinctOrderedTriplesFromAFixedSeed() {
    int[][] triples = ProfilePlan.sampleTriples(1_000, 100, 7);

    assertThat(triples).hasNumberOfRows(100);
    Set<String> distinct = new HashSet<>();
    for (int[] triple : triples) {
      assertThat(triple[0]).isLessThan(triple[1]);
      assertThat(triple[1]).isLessThan(triple[2]);
      assertThat(triple[2]).isLessThan(1_000);
      distinct.add(Arrays.toString(triple));
    }

    assertThat(distinct).hasSize(100);
    assertThat(ProfilePlan.sampleTriples(1_000, 100, 7)).isDeepEqualTo(triples);
  }
}
