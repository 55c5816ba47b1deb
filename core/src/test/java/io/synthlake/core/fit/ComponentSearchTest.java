package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search over component counts with a fake fit whose held-out log-likelihood is a known curve:
 * it must land near the curve's peak while fitting far fewer counts than the old grid (1, 2, 3, 5,
 * 10, 20, 40, 80, stopping after two worse counts in a row), which fitted seven mixtures to find a
 * peak at 20.
 */
class ComponentSearchTest {
  /** A smooth curve peaking at {@code peak}: each component adds fit, and costs beyond the peak. */
  private static ComponentSearch.Trial peakingAt(int peak, List<Integer> visits) {
    return k -> {
      visits.add(k);
      return -Math.pow(Math.log((double) k / peak), 2);
    };
  }

  @Test
  void findsAPeakNearTwentyWithSixMixtureFits() {
    List<Integer> visits = new ArrayList<>();
    ComponentSearch.Choice choice = ComponentSearch.search(160, peakingAt(20, visits));
    // 1 (no mixture to fit), 2, 4, 8, 16, 32, then 24 between 16 and its better neighbour 32.
    assertThat(visits).containsExactly(1, 2, 4, 8, 16, 32, 24);
    assertThat(choice.components()).isEqualTo(24);
    assertThat(choice.tried()).hasSize(7);
  }

  @Test
  void refinesTowardsTheLowerNeighbourWhenItScoresBetter() {
    List<Integer> visits = new ArrayList<>();
    ComponentSearch.Choice choice = ComponentSearch.search(160, peakingAt(12, visits));
    // 32 fails; of 16's neighbours 8 scores log(8/12)² = 0.16 below the peak and 32 0.96: try 12.
    assertThat(visits).containsExactly(1, 2, 4, 8, 16, 32, 12);
    assertThat(choice.components()).isEqualTo(12);
  }

  @Test
  void neverExceedsTheCapAndTriesTheCapItself() {
    List<Integer> visits = new ArrayList<>();
    ComponentSearch.Choice choice = ComponentSearch.search(3, peakingAt(40, visits));
    assertThat(visits).containsExactly(1, 2, 3);
    assertThat(choice.components()).isEqualTo(3);
  }

  @Test
  void oneComponentWhenNoMixtureBeatsIt() {
    List<Integer> visits = new ArrayList<>();
    ComponentSearch.Choice choice = ComponentSearch.search(160, peakingAt(1, visits));
    assertThat(visits).containsExactly(1, 2);
    assertThat(choice.components()).isEqualTo(1);
    assertThat(choice.account(100)).endsWith("chose K=1").contains("K=2 -0.0048");
  }

  @Test
  void aCapOfOneFitsNothing() {
    List<Integer> visits = new ArrayList<>();
    assertThat(ComponentSearch.search(1, peakingAt(5, visits)).components()).isEqualTo(1);
    assertThat(visits).containsExactly(1);
  }
}
