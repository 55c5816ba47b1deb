package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.fit.KeyRule.Values;
import io.synthlake.core.types.LogicalType;
import org.junit.jupiter.api.Test;

/** The one key rule, as fitting (exact counts) and evaluation (estimated counts) apply it. */
class KeyRuleTest {
  @Test
  void uniqueColumnsNeedEnoughRows() {
    assertThat(KeyRule.isKey("n", LogicalType.LONG, Values.IDENTIFIERS, 100, 100, 0)).isTrue();
    assertThat(KeyRule.isKey("n", LogicalType.LONG, Values.IDENTIFIERS, 99, 99, 0)).isFalse();
    assertThat(KeyRule.isKey("n", LogicalType.LONG, Values.IDENTIFIERS, 100, 99, 0)).isFalse();
  }

  @Test
  void namesLikeIdentifiersNeedFewerDistinctValues() {
    assertThat(KeyRule.isKey("order_id", LogicalType.INT, Values.IDENTIFIERS, 20, 19, 0)).isTrue();
    assertThat(KeyRule.isKey("orderId", LogicalType.INT, Values.IDENTIFIERS, 100, 95, 0)).isTrue();
    assertThat(KeyRule.isKey("order_id", LogicalType.INT, Values.IDENTIFIERS, 100, 94, 0))
        .isFalse();
    assertThat(KeyRule.isKey("order_id", LogicalType.INT, Values.IDENTIFIERS, 19, 19, 0)).isFalse();
    assertThat(KeyRule.namedLikeKey("Zip Code")).isTrue();
    assertThat(KeyRule.namedLikeKey("paid")).isFalse();
  }

  @Test
  void onlyIntegersAndIdentifierStringsAreKeys() {
    assertThat(KeyRule.isKey("x", LogicalType.DOUBLE, Values.IDENTIFIERS, 1000, 1000, 0)).isFalse();
    assertThat(KeyRule.isKey("x", LogicalType.DECIMAL, Values.IDENTIFIERS, 1000, 1000, 0))
        .isFalse();
    assertThat(KeyRule.isKey("note", LogicalType.STRING, Values.OTHER, 1000, 1000, 0)).isFalse();
    assertThat(KeyRule.isKey("ref", LogicalType.STRING, Values.IDENTIFIERS, 1000, 1000, 0))
        .isTrue();
    assertThat(KeyRule.isKey("ref", LogicalType.STRING, Values.UUIDS, 3, 1, 0)).isTrue();
    assertThat(KeyRule.isKey("ref", LogicalType.STRING, Values.UUIDS, 0, 0, 0)).isFalse();
  }

  @Test
  void estimatedCountsAreAllowedTheirError() {
    assertThat(KeyRule.isKey("n", LogicalType.LONG, Values.IDENTIFIERS, 10_000, 9_800, 0.03))
        .isTrue();
    assertThat(KeyRule.isKey("n", LogicalType.LONG, Values.IDENTIFIERS, 10_000, 9_600, 0.03))
        .isFalse();
    assertThat(KeyRule.isKey("n", LogicalType.LONG, Values.IDENTIFIERS, 10_000, 9_800, 0))
        .isFalse();
  }

  @Test
  void valuesAreClassified() {
    assertThat(KeyRule.isUuid("123e4567-e89b-12d3-a456-426614174000")).isTrue();
    assertThat(KeyRule.isIdentifier("ACC-0001/7#x")).isTrue();
    assertThat(KeyRule.isIdentifier("two words")).isFalse();
  }
}
