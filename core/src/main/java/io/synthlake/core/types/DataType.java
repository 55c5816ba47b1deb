package io.synthlake.core.types;

import io.synthlake.core.SynthlakeException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's storage type; decimals carry precision and scale. Written as {@code long}, {@code
 * decimal(10,2)}, …
 */
public final class DataType {
  private static final Pattern DECIMAL =
      Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

  private final LogicalType logicalType;
  private final int precision;
  private final int scale;

  private DataType(LogicalType logicalType, int precision, int scale) {
    this.logicalType = logicalType;
    this.precision = precision;
    this.scale = scale;
  }

  public static DataType of(LogicalType type) {
    SynthlakeException.check(
        type != LogicalType.DECIMAL,
        "decimal types need a precision and scale: use DataType.decimal(p, s)");
    return new DataType(type, 0, 0);
  }

  public static DataType decimal(int precision, int scale) {
    SynthlakeException.check(
        precision >= 1 && precision <= 38 && scale >= 0 && scale <= precision,
        "decimal(%d,%d) is not a valid decimal type: precision must be 1 to 38 and scale 0 to precision",
        precision,
        scale);
    return new DataType(LogicalType.DECIMAL, precision, scale);
  }

  /**
   * Parses the form {@link #toString()} writes; {@code where} names the file and field for the
   * error message.
   */
  public static DataType parse(String text, String where) {
    String normalized = text.trim().toLowerCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(normalized);
    if (decimal.matches()) {
      // More than two digits cannot be a valid precision or scale; keep them from overflowing an
      // int.
      int precision =
          decimal.group(1).length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(decimal.group(1));
      int scale =
          decimal.group(2).length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(decimal.group(2));
      SynthlakeException.check(
          precision >= 1 && precision <= 38 && scale >= 0 && scale <= precision,
          "%s: %s is not a valid decimal type: precision must be 1 to 38 and scale 0 to precision",
          where,
          SynthlakeException.shown(text));
      return decimal(precision, scale);
    }

    for (LogicalType type : LogicalType.values()) {
      if (type != LogicalType.DECIMAL && type.jsonName().equals(normalized)) {
        return of(type);
      }
    }

    throw SynthlakeException.of(
        "%s: unknown type '%s'; use one of boolean, byte, short, int, long, float, double, "
            + "decimal(p,s), string, date, timestamp, timestamp-ntz",
        where, SynthlakeException.shown(text));
  }

  public LogicalType logicalType() {
    return logicalType;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataType
        && ((DataType) other).logicalType == logicalType
        && ((DataType) other).precision == precision
        && ((DataType) other).scale == scale;
  }

  @Override
  public int hashCode() {
    return (logicalType.hashCode() * 31 + precision) * 31 + scale;
  }

  @Override
  public String toString() {
    return logicalType == LogicalType.DECIMAL
        ? "decimal(" + precision + "," + scale + ")"
        : logicalType.jsonName();
  }
}
