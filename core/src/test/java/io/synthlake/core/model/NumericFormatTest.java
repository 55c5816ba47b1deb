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
    assertThatThrownBy(() -> NumericFormat.of(0, Double.POSITIVE_INFINITY, 0, -1)).hasMessageContaining("finite");
    assertThatThrownBy(() -> NumericFormat.of(0, 1, -1, -1)).hasMessageContaining("step must be >= 0");
  }
}
