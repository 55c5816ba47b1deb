package io.synthlake.spark.internal;

import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.VarcharType;

/**
 * The one place where Spark's types meet synthlake's: type mapping both ways, and the SQL
 * expressions that turn a column into the number form core fits on (dates as epoch days, timestamps
 * as epoch microseconds).
 */
public final class SparkTypes {
  private SparkTypes() {}

  /**
   * The synthlake type of a Spark type, or null when synthlake cannot model it (struct, array, map,
   * binary, …).
   */
  public static DataType toCore(org.apache.spark.sql.types.DataType type) {
    if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return DataType.decimal(decimal.precision(), decimal.scale());
    }

    LogicalType logical = logical(type);
    return logical == null ? null : DataType.of(logical);
  }

  private static LogicalType logical(org.apache.spark.sql.types.DataType type) {
    if (type.equals(DataTypes.BooleanType)) {
      return LogicalType.BOOLEAN;
    } else if (type.equals(DataTypes.ByteType)) {
      return LogicalType.BYTE;
    } else if (type.equals(DataTypes.ShortType)) {
      return LogicalType.SHORT;
    } else if (type.equals(DataTypes.IntegerType)) {
      return LogicalType.INT;
    } else if (type.equals(DataTypes.LongType)) {
      return LogicalType.LONG;
    } else if (type.equals(DataTypes.FloatType)) {
      return LogicalType.FLOAT;
    } else if (type.equals(DataTypes.DoubleType)) {
      return LogicalType.DOUBLE;
    } else if (type instanceof StringType
        || type instanceof CharType
        || type instanceof VarcharType) {
      return LogicalType.STRING;
    } else if (type.equals(DataTypes.DateType)) {
      return LogicalType.DATE;
    } else if (type.equals(DataTypes.TimestampType)) {
      return LogicalType.TIMESTAMP;
    } else if (type.equals(DataTypes.TimestampNTZType)) {
      return LogicalType.TIMESTAMP_NTZ;
    }

    return null;
  }

  /** The Spark type synthlake writes for a column of {@code type}. */
  public static org.apache.spark.sql.types.DataType toSpark(DataType type) {
    switch (type.logicalType()) {
      case BOOLEAN:
        return DataTypes.BooleanType;
      case BYTE:
        return DataTypes.ByteType;
      case SHORT:
        return DataTypes.ShortType;
      case INT:
        return DataTypes.IntegerType;
      case LONG:
        return DataTypes.LongType;
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case DECIMAL:
        return DataTypes.createDecimalType(type.precision(), type.scale());
      case STRING:
        return DataTypes.StringType;
      case DATE:
        return DataTypes.DateType;
      case TIMESTAMP:
        return DataTypes.TimestampType;
      default:
        return DataTypes.TimestampNTZType;
    }
  }

  /**
   * An expression giving {@code name}'s value in the number form core expects (a double), or the
   * string itself.
   */
  public static Column toSampleForm(String name, DataType type) {
    Column column = functions.col(quote(name));
    switch (type.logicalType()) {
      case STRING:
        return column.cast(DataTypes.StringType);
      case DATE:
        return functions.unix_date(column).cast(DataTypes.DoubleType);
      case TIMESTAMP:
        return functions.unix_micros(column).cast(DataTypes.DoubleType);
      case TIMESTAMP_NTZ:
        return functions
            .expr(
                "timestampdiff(MICROSECOND, TIMESTAMP_NTZ'1970-01-01 00:00:00', "
                    + quote(name)
                    + ")")
            .cast(DataTypes.DoubleType);
      default:
        return column.cast(DataTypes.DoubleType);
    }
  }

  /**
   * Backtick-quotes a column name so that dots, spaces and symbols (`Cost Total $`) are taken
   * literally.
   */
  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
