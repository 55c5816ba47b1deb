package io.synthlake.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NestedOrderTest {
  private final NestedOrder order = NestedOrder.of(17);

  @Test
  void theSpanIsTheLeastPowerOfTwoAtLeastTheRows() {
    assertThat(NestedOrder.span(1)).isEqualTo(1);
    assertThat(NestedOrder.span(2)).isEqualTo(2);
    assertThat(NestedOrder.span(3)).isEqualTo(4);
    assertThat(NestedOrder.span(4096)).isEqualTo(4096);
    assertThat(NestedOrder.span(4097)).isEqualTo(8192);
    assertThatThrownBy(() -> NestedOrder.span(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPowerOfTwoOfRowsTakesEveryRowOnce() {
    Set<Long> rows = new HashSet<>();
    for (long rank = 0; rank < 1024; rank++) {
      rows.add(order.row(rank, 1024));
    }

    assertThat(rows).hasSize(1024).allMatch(row -> row >= 0 && row < 1024);
  }

  @Test
  void aRowKeepsItsPlaceAsTheTableGrows() {
    // Row i's ranks among 2^(m+1) rows are the two halves of its rank among 2^m rows.
    for (int bits = 1; bits < 12; bits++) {
      long span = 1L << bits;
      for (long rank = 0; rank < span; rank++) {
        long row = order.row(rank, span);
        long finer = 2 * rank;
        long kept = order.row(finer, 2 * span) == row ? finer : finer + 1;
        assertThat(order.row(kept, 2 * span)).as("rank %d of %d", rank, span).isEqualTo(row);
      }
    }
  }

  @Test
  void aRankWhoseRowIsNotThereYetFallsToItsNeighbour() {
    // 1,000 rows among 1,024 ranks: 24 rows missing, so 24 rows take two neighbouring ranks.
    int[] ranks = new int[1000];
    for (long rank = 0; rank < 1024; rank++) {
      long row = order.row(rank, 1000);
      assertThat(row).isBetween(0L, 999L);
      ranks[(int) row]++;
      long neighbour = rank ^ 1;
      long alone = order.row(rank, 1024);
      if (alone >= 1000) {
        assertThat(row).isEqualTo(order.row(neighbour, 1024));
      }
    }

    assertThat(Arrays.stream(ranks).filter(count -> count == 2).count()).isEqualTo(24);
    assertThat(Arrays.stream(ranks).filter(count -> count == 0).count()).isZero();
  }

  @Test
  void seedsChooseDifferentOrders() {
    NestedOrder other = NestedOrder.of(18);
    int same = 0;
    for (long rank = 0; rank < 1024; rank++) {
      same += order.row(rank, 1024) == other.row(rank, 1024) ? 1 : 0;
    }

    assertThat(same).isLessThan(1024);
  }
}
