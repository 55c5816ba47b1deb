package io.synthlake.core.types;

import io.synthlake.core.SynthlakeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between a value's number form (what marginals work on: epoch days for dates, epoch
 * microseconds for timestamps, 0/1 for booleans) and its text form (how categories and bounds are
 * written in model files).
 */
public final class Values {
  private static final Instant EPOCH = Instant.EPOCH;

  private Values() {}

  /** The canonical text of a number-form value of {@code type}. */
  public static String format(double value, DataType type) {
    switch (type.logicalType()) {
      case BOOLEAN:
        return value != 0 ? "true" : "false";
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        return Long.toString((long) value);
      case DATE:
        return LocalDate.ofEpochDay((long) value).toString();
      case TIMESTAMP:
        return EPOCH.plus((long) value, ChronoUnit.MICROS).toString();
      case TIMESTAMP_NTZ:
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv((long) value, 1_000_000L),
                (int) Math.floorMod((long) value, 1_000_000L) * 1000,
                ZoneOffset.UTC)
            .toString();
      case DECIMAL:
        return BigDecimal.valueOf(value)
            .setScale(type.scale(), RoundingMode.HALF_EVEN)
            .toPlainString();
      default:
        return Double.toString(value);
    }
  }

  /**
   * Parses {@link #format} output (and ISO-8601 dates and times) into number form; {@code where}
   * names the field.
   */
  public static double parse(String text, DataType type, String where) {
    String trimmed = text.trim();
    try {
      switch (type.logicalType()) {
        case BOOLEAN:
          if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return trimmed.equalsIgnoreCase("true") ? 1 : 0;
          }

          throw new IllegalArgumentException("not true or false");
        case DATE:
          return LocalDate.parse(trimmed).toEpochDay();
        case TIMESTAMP:
          return ChronoUnit.MICROS.between(EPOCH, Instant.parse(trimmed));
        case TIMESTAMP_NTZ:
          return ChronoUnit.MICROS.between(
              LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), LocalDateTime.parse(trimmed));
        case STRING:
          throw new IllegalArgumentException("strings have no number form");
        default:
          double value = Double.parseDouble(trimmed);
          if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite");
          }

          return value;
      }
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      throw SynthlakeException.of(
          "%s: '%s' is not a valid %s value (%s)",
          where,
          SynthlakeException.shown(text),
          type,
          SynthlakeException.shown(e.getMessage(), 100));
    }
  }
}
