package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.SynthlakeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fan-out distributions: their summary figures, the exact KS between two, and the chart bars. */
class FanOutTest {
  /** Parents with 0, 0, 1 and 3 children. */
  private static final FanOut A = FanOut.of(new long[] {0, 1, 3}, new long[] {2, 1, 1});

  /** Parents with 0, 1, 1 and 2 children. */
  private static final FanOut B = FanOut.of(Map.of(0L, 1L, 1L, 2L, 2L, 1L));

  @Test
  void summarisesParentsAndChildren() {
    assertThat(A.parents()).isEqualTo(4);
    assertThat(A.children()).isEqualTo(4);
    assertThat(A.mean()).isEqualTo(1.0);
    assertThat(A.zeroShare()).isEqualTo(0.5);
    assertThat(A.max()).isEqualTo(3);
    assertThat(A.parentsWith(1, 3)).isEqualTo(2);
    assertThat(FanOut.empty().mean()).isNaN();
    assertThat(FanOut.empty().max()).isZero();
  }

  @Test
  void ksIsTheLargestGapBetweenTheStepFunctions() {
    // CDFs at 0, 1, 2, 3: A 0.50, 0.75, 0.75, 1; B 0.25, 0.75, 1, 1.
    assertThat(FanOut.ks(A, B)).isCloseTo(0.25, within(1e-12));
    assertThat(FanOut.ks(B, A)).isCloseTo(0.25, within(1e-12));
    assertThat(FanOut.similarity(A, B)).isCloseTo(0.75, within(1e-12));
    assertThat(FanOut.similarity(A, A)).isEqualTo(1.0);
    // Disjoint supports are as far apart as can be.
    assertThat(FanOut.ks(FanOut.of(Map.of(0L, 5L)), FanOut.of(Map.of(7L, 1L)))).isEqualTo(1.0);
    assertThat(FanOut.ks(A, FanOut.empty())).isNaN();
  }

  @Test
  void repeatedCountsAddUpAndNegativeOnesAreRefused() {
    FanOut merged = FanOut.of(new long[] {2, 0, 2}, new long[] {1, 3, 4});
    assertThat(merged.parents()).isEqualTo(8);
    assertThat(merged.children()).isEqualTo(10);
    assertThat(FanOut.ks(merged, FanOut.of(Map.of(0L, 3L, 2L, 5L)))).isZero();
    assertThatThrownBy(() -> FanOut.of(new long[] {-1}, new long[] {1}))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("cannot be negative");
  }

  @Test
  void chartBarsAreSingleCountsThenA125Series() {
    assertThat(TableSetFidelity.bars(3)).hasSize(4);
    List<long[]> bars = TableSetFidelity.bars(120);
    assertThat(bars.stream().map(bar -> bar[0] + "-" + bar[1]).toList())
        .containsExactly(
            "0-0", "1-1", "2-2", "3-3", "4-4", "5-5", "6-6", "7-7", "8-8", "9-9", "10-19", "20-49",
            "50-99", "100-199");
    var chart = TableSetFidelity.chart(A, B, FanOut.empty());
    assertThat(chart.bins()).containsExactly("0", "1", "2", "3");
    assertThat(chart.trainShares()).containsExactly(0.5, 0.25, 0.0, 0.25);
    assertThat(chart.holdoutShares()).containsExactly(0.25, 0.5, 0.25, 0.0);
    assertThat(chart.syntheticShares()).containsExactly(0.0, 0.0, 0.0, 0.0);
  }
}
