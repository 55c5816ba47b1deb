package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The group search codes a number column's rows by sorting its values instead of hashing their
 * texts; the codes must be those of the texts, numbered in order of first appearance.
 */
class GroupDetectorEncodeTest {
  private static final int ROWS = 2000;

  @Test
  void numberCodesAreTheTextCodes() {
    SplittableRandom random = new SplittableRandom(7);
    for (DataType type :
        new DataType[] {
          DataType.of(LogicalType.INT),
          DataType.of(LogicalType.DOUBLE),
          DataType.decimal(12, 2),
          DataType.of(LogicalType.DATE),
          DataType.of(LogicalType.TIMESTAMP),
          DataType.of(LogicalType.TIMESTAMP_NTZ),
          DataType.of(LogicalType.BOOLEAN)
        }) {
      double[] numbers = new double[ROWS];
      boolean[] nulls = new boolean[ROWS];
      for (int row = 0; row < ROWS; row++) {
        nulls[row] = random.nextInt(10) == 0;
        numbers[row] = value(type, random);
      }

      SampleColumn column = SampleColumn.numbers("x", type, numbers, nulls);
      assertThat(GroupDetector.encode(column)).as("%s", type).isEqualTo(textCodes(column));
    }
  }

  /**
   * Values with many repeats, both zeros, and (for decimals) neighbouring doubles that round to one
   * text.
   */
  private static double value(DataType type, SplittableRandom random) {
    switch (type.logicalType()) {
      case BOOLEAN:
        return random.nextInt(2);
      case DECIMAL:
        double cents = random.nextInt(300) / 100.0;
        return random.nextBoolean() ? cents : Math.nextUp(cents + 0.004);
      case DOUBLE:
        return random.nextInt(20) == 0 ? -0.0 : random.nextInt(400) / 8.0 - 25;
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return (random.nextInt(500) - 250) * 1_000_000L * 3600 + random.nextInt(3) * 1000;
      default:
        return random.nextInt(20) == 0 ? -0.0 : random.nextInt(200) - 100;
    }
  }

  /** Codes by a map of texts, in order of first appearance, the null a code of its own. */
  private static int[] textCodes(SampleColumn column) {
    Map<String, Integer> index = new HashMap<>();
    String nullKey = "null key no text takes";
    int[] codes = new int[column.size()];
    for (int row = 0; row < codes.length; row++) {
      String text = column.isNull(row) ? nullKey : Values.format(column.number(row), column.type());
      codes[row] = index.computeIfAbsent(text, t -> index.size());
    }

    return codes;
  }
}
