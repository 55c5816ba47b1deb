package io.synthlake.core.fit;

import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.LogicalType;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Chooses a column's kind from its type and sampled values. Every rule here is documented in docs/model-format.md. */
final class KindDetector {
  static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_\\-.:/#]{1,64}");
  // Case-insensitive suffixes after a separator (order_id, ORDER-KEY), or a camel-case Id (orderId, orderID); the
  // camel-case branch must stay case-sensitive, or every word ending in "id" (paid, bid, valid) would name a key.
  private static final Pattern ID_NAME = Pattern.compile("(?i:.*(^|[_\\s.-])(id|key|uuid|code)$)|.*[a-z](Id|ID)$");
  /** Unique columns smaller than this are not called keys: a small sample makes most measurements unique. */
  static final int MIN_KEY_ROWS = 100;
  /** A string column is categorical when values seen at least k times cover this share of its rows. */
  static final double CATEGORICAL_COVERAGE = 0.9;

  private KindDetector() {}

  static ColumnKind detect(SampleColumn column, int rareCount) {
    LogicalType type = column.type().logicalType();
    switch (type) {
      case BOOLEAN: return ColumnKind.BOOLEAN;
      case DATE: return ColumnKind.DATE;
      case TIMESTAMP: case TIMESTAMP_NTZ: return ColumnKind.TIMESTAMP;
      case STRING: return detectString(column, rareCount);
      default:
        if (type.isIntegral() && looksLikeKey(column, distinctNumbers(column))) {
          return ColumnKind.KEY;
        }

        return type.isIntegral() ? ColumnKind.INTEGER : ColumnKind.CONTINUOUS;
    }
  }

  private static boolean looksLikeKey(SampleColumn column, int distinct) {
    int nonNull = nonNull(column);
    if (nonNull == 0) {
      return false;
    }

    boolean unique = distinct == nonNull && nonNull >= MIN_KEY_ROWS;
    boolean namedLikeKey = ID_NAME.matcher(column.name()).matches() && distinct >= 0.95 * nonNull && nonNull >= 20;
    return unique || namedLikeKey;
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
      allUuid &= UUID.matcher(value).matches();
      allIdentifiers &= IDENTIFIER.matcher(value).matches();
    }

    if (nonNull > 0 && allUuid) {
      return ColumnKind.KEY;
    }

    if (allIdentifiers && looksLikeKey(column, counts.size())) {
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
    java.util.HashSet<Double> seen = new java.util.HashSet<>();
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
        return type == LogicalType.TIMESTAMP || type == LogicalType.TIMESTAMP_NTZ ? null : "needs a timestamp type";
      case BOOLEAN:
        return type == LogicalType.BOOLEAN ? null : "needs a boolean type";
      case TEXT:
        return type == LogicalType.STRING ? null : "needs a string type";
      case KEY:
        return type.isIntegral() || type == LogicalType.STRING || type == LogicalType.DECIMAL ? null
            : "needs an integer, decimal or string type";
      default:
        return null;
    }
  }
}
