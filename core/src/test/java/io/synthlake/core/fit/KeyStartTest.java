package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.Audience;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.types.DataType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Fitted sequences start at the real maximum rounded up to a power of ten (model-format.md section
 * 6): above every real key, revealing only the maximum's order of magnitude, and within the key
 * type's room.
 */
class KeyStartTest {
  private static long start(DataType type, long max, long step) {
    return KeyFitter.sequenceAbove(
            "id", max, step, start -> KeyColumn.sequence("id", type, start, step, "", 0))
        .start();
  }

  @Test
  void theStartIsThePowerOfTenAboveTheRealMaximum() {
    DataType type = DataType.parse("long", "test");
    assertThat(start(type, 500, 1)).isEqualTo(1000);
    assertThat(start(type, 907, 1)).isEqualTo(1000);
    assertThat(start(type, 999, 1)).isEqualTo(1000);
    assertThat(start(type, 1000, 1)).isEqualTo(10_000);
    assertThat(start(type, 1, 1)).isEqualTo(10);
    assertThat(start(type, 0, 1)).isEqualTo(1);
    assertThat(start(type, -1, 1)).isEqualTo(0);
    assertThat(start(type, -500, 1)).isEqualTo(0);
    assertThat(start(type, 123_456_789_012L, 1)).isEqualTo(1_000_000_000_000L);
  }

  @Test
  void maximaOfTheSameOrderOfMagnitudeGiveTheSameStart() {
    // What the model reveals: 10^d, the same for every maximum from 10^(d-1) to 10^d - 1.
    long[] maxima = {100_000, 123_457, 555_555, 999_999};
    assertThat(
            Arrays.stream(maxima)
                .map(max -> start(DataType.parse("long", "test"), max, 1))
                .distinct())
        .containsExactly(1_000_000L);
  }

  @Test
  void aSteppedKeyStartsAtAMultipleOfItsStep() {
    assertThat(start(DataType.parse("long", "test"), 2000, 10)).isEqualTo(10_000);
    assertThat(start(DataType.parse("long", "test"), 2000, 7))
        .isEqualTo(10_003); // the first multiple of 7 from 10,000
    assertThat(start(DataType.parse("long", "test"), 2000, 30_000)).isEqualTo(30_000);
  }

  @Test
  void aTypeWithoutRoomAtThePowerOfTenGetsAFinerRound() {
    DataType intType = DataType.parse("int", "test");
    // 10^10 and 3·10^9 are beyond an int's 2,147,483,647: the next multiple of 10^8 still fits.
    assertThat(start(intType, 2_000_000_000L, 1)).isEqualTo(2_100_000_000L);
    assertThat(start(intType, 2_147_483_000L, 1)).isEqualTo(2_147_483_100L);
    assertThat(start(DataType.parse("short", "test"), 30_000, 1)).isEqualTo(31_000);
    assertThat(start(DataType.parse("byte", "test"), 99, 1)).isEqualTo(100);
    assertThat(start(DataType.parse("decimal(4,0)", "test"), 5000, 1)).isEqualTo(6000);
    assertThat(start(DataType.parse("long", "test"), Long.MAX_VALUE - 10, 1))
        .isEqualTo(Long.MAX_VALUE - 7); // 9,223,372,036,854,775,800
  }

  @Test
  void everyFittedKeyLeavesRoomForARowWhenTheTypeHasAny() {
    DataType intType = DataType.parse("int", "test");
    for (long max = 1; max < Integer.MAX_VALUE; max = max * 3 + 1) {
      long start = start(intType, max, 1);
      assertThat(start).as("start for %d", max).isGreaterThan(max);
      assertThat(KeyColumn.sequence("id", intType, start, 1, "", 0).capacity())
          .as("room for %d", max)
          .isPositive();
    }
  }

  @Test
  void aMaximumWithNoLongAboveItIsAnError() {
    assertThatThrownBy(() -> start(DataType.parse("long", "test"), Long.MAX_VALUE, 1))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("key column 'id'")
        .hasMessageContaining(
            "exclude the column (FitOptions.exclude) or fit it as another kind (FitOptions.kind)")
        .satisfies(
            e ->
                assertThat(((SynthlakeException) e).messageFor(Audience.CLI))
                    .contains("exclude the column (--exclude) or fit it as another kind (--kind)"));
  }
}
