package io.synthlake.core.fit;

import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.LogicalType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * Chooses a column's kind from its type and sampled values. Every rule here is documented in
 * docs/model-format.md; whether a column is a key is {@link KeyRule}'s to say.
 */
final class KindDetector {
  /**
   * A string column is categorical when values seen at least k times cover this share of its rows.
   */
  static final double CATEGORICAL_COVERAGE = 0.9;

  private KindDetector() {}

  static ColumnKind detect(SampleColumn column, int rareCount) {
    LogicalType type = column.type().logicalType();
    switch (type) {
      case BOOLEAN:
        return ColumnKind.BOOLEAN;
      case DATE:
        return ColumnKind.DATE;
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return ColumnKind.TIMESTAMP;
      case STRING:
        return detectString(column, rareCount);
      default:
        if (type.isIntegral()
            && KeyRule.isKey(
                column.name(),
                type,
                KeyRule.Values.IDENTIFIERS,
                nonNull(column),
                distinctNumbers(column),
                0)) {
          return ColumnKind.KEY;
        }

        return type.isIntegral() ? ColumnKind.INTEGER : ColumnKind.CONTINUOUS;
    }
  }

  private static ColumnKind detectString(SampleColumn column, int rareCount) {
    Map<String, Integer> counts = new HashMap<>();
    boolean allUuid = true;
    boolean allIdentifiers = true;
    int nonNull = 0;
    for (int row = 0; row < column.size(); row++) {
      String value = column.string(row);
      if (value == null) {
        continue;
      }

      nonNull++;
      counts.merge(value, 1, Integer::sum);
      allUuid = allUuid && KeyRule.isUuid(value);
      allIdentifiers = allIdentifiers && KeyRule.isIdentifier(value);
    }

    KeyRule.Values values =
        allUuid
            ? KeyRule.Values.UUIDS
            : allIdentifiers ? KeyRule.Values.IDENTIFIERS : KeyRule.Values.OTHER;
    if (KeyRule.isKey(column.name(), LogicalType.STRING, values, nonNull, counts.size(), 0)) {
      return ColumnKind.KEY;
    }

    int covered = 0;
    for (int count : counts.values()) {
      if (count >= rareCount) {
        covered += count;
      }
    }

    return covered >= CATEGORICAL_COVERAGE * nonNull ? ColumnKind.CATEGORICAL : ColumnKind.TEXT;
  }

  private static int distinctNumbers(SampleColumn column) {
    HashSet<Double> seen = new HashSet<>();
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row)) {
        seen.add(column.number(row));
      }
    }

    return seen.size();
  }

  static int nonNull(SampleColumn column) {
    int count = 0;
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row)) {
        count++;
      }
    }

    return count;
  }

  /** Whether {@code kind} can be generated in {@code type}; the reason when not, else null. */
  static String incompatibility(ColumnKind kind, LogicalType type) {
    switch (kind) {
      case CONTINUOUS:
      case INTEGER:
        return type.isNumeric() && !type.isTemporal() ? null : "needs a numeric type";
      case DATE:
        return type == LogicalType.DATE ? null : "needs a date type";
      case TIMESTAMP:
        return type == LogicalType.TIMESTAMP || type == LogicalType.TIMESTAMP_NTZ
            ? null
            : "needs a timestamp type";
      case BOOLEAN:
        return type == LogicalType.BOOLEAN ? null : "needs a boolean type";
      case TEXT:
        return type == LogicalType.STRING ? null : "needs a string type";
      case KEY:
        return type.isIntegral() || type == LogicalType.STRING || type == LogicalType.DECIMAL
            ? null
            : "needs an integer, decimal or string type";
      default:
        return null;
    }
  }
}
