package io.synthlake.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumericFormatTest {
  @Test
  void applyClipsToTheBoundsThenRoundsToTheStep() {
    NumericFormat integers = NumericFormat.of(18, 90, 1, -1);

    assertThat(integers.apply(17.2)).isEqualTo(18);
    assertThat(integers.apply(40.5)).isEqualTo(40);
    assertThat(integers.apply(40.51)).isEqualTo(41);
    assertThat(integers.apply(1e9)).isEqualTo(90);
  }

  @Test
  void applyAllGivesWhatApplyGivesForEveryKindOfFormat() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(9);
    NumericFormat[] formats = {
      NumericFormat.of(18, 90, 1, -1),
      NumericFormat.of(0, 1e6, 86_400_000_000.0, -1),
      NumericFormat.of(0.01, 50000, 0, 2),
      NumericFormat.of(-1, 1, 0, -1),
      NumericFormat.of(0, 10, 3, -1)
    };
    for (NumericFormat format : formats) {
      double[] values = new double[1000];
      for (int i = 0; i < values.length; i++) {
        values[i] = (random.nextDouble() - 0.2) * 2 * format.max();
      }

      double[] expected = values.clone();
      for (int i = 0; i < expected.length; i++) {
        expected[i] = format.apply(expected[i]);
      }

      format.applyAll(values, values.length - 1);
      assertThat(java.util.Arrays.copyOf(values, values.length - 1))
          .containsExactly(java.util.Arrays.copyOf(expected, expected.length - 1));
    }
  }

  @Test
  void stepRoundingNeverLeavesTheBounds() {
    NumericFormat format = NumericFormat.of(0, 10, 3, -1);

    assertThat(format.apply(10)).isEqualTo(9);
    assertThat(format.apply(-5)).isEqualTo(0);
    assertThat(format.apply(4.4)).isEqualTo(3);
  }

  @Test
  void decimalsRoundToThatManyPlaces() {
    NumericFormat cents = NumericFormat.of(0.5, 99.99, 0, 2);

    assertThat(cents.apply(12.345678)).isEqualTo(12.35);
    assertThat(cents.apply(0.001)).isEqualTo(0.5);
    assertThat(cents.apply(99.996)).isEqualTo(99.99);
    assertThat(NumericFormat.of(0, 1, 0, -1).apply(0.123456789)).isEqualTo(0.123456789);
  }

  @Test
  void ofRejectsBadBounds() {
    assertThatThrownBy(() -> NumericFormat.of(2, 1, 0, -1)).hasMessageContaining("[2.0, 1.0]");
    assertThatThrownBy(() -> NumericFormat.of(0, Double.POSITIVE_INFINITY, 0, -1))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> NumericFormat.of(0, 1, -1, -1))
        .hasMessageContaining("step must be >= 0");
  }
}
