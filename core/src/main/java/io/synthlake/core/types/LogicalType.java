package io.synthlake.core.types;

import java.util.Locale;

/**
 * The storage types synthlake reads and writes; the Spark module maps Spark's types onto these in
 * one place.
 */
public enum LogicalType {
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  DECIMAL,
  STRING,
  DATE,
  TIMESTAMP,
  TIMESTAMP_NTZ;

  /** Whether values are whole numbers stored as integers. */
  public boolean isIntegral() {
    return this == BYTE || this == SHORT || this == INT || this == LONG;
  }

  /** Whether values are kept as numbers (dates as epoch days, timestamps as epoch microseconds). */
  public boolean isNumeric() {
    return this != BOOLEAN && this != STRING;
  }

  public boolean isTemporal() {
    return this == DATE || this == TIMESTAMP || this == TIMESTAMP_NTZ;
  }

  /** Smallest value the type can hold, as a double. */
  public double minValue() {
    switch (this) {
      case BYTE:
        return Byte.MIN_VALUE;
      case SHORT:
        return Short.MIN_VALUE;
      case INT:
      case DATE:
        return Integer.MIN_VALUE;
      case LONG:
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return Long.MIN_VALUE;
      case FLOAT:
        return -Float.MAX_VALUE;
      default:
        return -Double.MAX_VALUE;
    }
  }

  /** Largest value the type can hold, as a double. */
  public double maxValue() {
    switch (this) {
      case BYTE:
        return Byte.MAX_VALUE;
      case SHORT:
        return Short.MAX_VALUE;
      case INT:
      case DATE:
        return Integer.MAX_VALUE;
      case LONG:
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return Long.MAX_VALUE;
      case FLOAT:
        return Float.MAX_VALUE;
      default:
        return Double.MAX_VALUE;
    }
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
