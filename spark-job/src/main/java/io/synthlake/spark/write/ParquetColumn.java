package io.synthlake.spark.write;

import io.synthlake.core.types.DataType;
import io.synthlake.spark.internal.ColumnBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * How one synthlake column is stored in Parquet, exactly as Spark's own writer stores its Spark
 * type (non-legacy format): the Parquet type, and the loop that moves a block from a {@link
 * ColumnBuffer} into a column writer. Every column is optional, as Spark writes them.
 */
final class ParquetColumn {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int JULIAN_DAY_OF_EPOCH = 2_440_588;

  private enum Storage {
    BOOLEAN,
    INT32,
    INT64,
    FLOAT,
    DOUBLE,
    STRING,
    INT96
  }

  private final Storage storage;
  private final PrimitiveType type;
  private final ByteBuffer int96 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);

  private ParquetColumn(Storage storage, PrimitiveType type) {
    this.storage = storage;
    this.type = type;
  }

  /**
   * The Parquet form of a column named {@code name} of {@code type}, or null when this writer does
   * not write it (decimals wider than 18 digits): the caller then leaves the table to Spark's
   * writer.
   *
   * @param fieldId the Parquet field id, or -1 for none (Delta's column mapping sets them)
   * @param int96Timestamps whether Spark's session writes timestamps as INT96 (its default) rather
   *     than INT64 micros
   */
  static ParquetColumn of(String name, int fieldId, DataType type, boolean int96Timestamps) {
    ParquetColumn column = of(name, type, int96Timestamps);
    return column == null || fieldId < 0
        ? column
        : new ParquetColumn(column.storage, column.type.withId(fieldId));
  }

  private static ParquetColumn of(String name, DataType type, boolean int96Timestamps) {
    switch (type.logicalType()) {
      case BOOLEAN:
        return new ParquetColumn(
            Storage.BOOLEAN, Types.optional(PrimitiveTypeName.BOOLEAN).named(name));
      case BYTE:
        return int32(name, LogicalTypeAnnotation.intType(8, true));
      case SHORT:
        return int32(name, LogicalTypeAnnotation.intType(16, true));
      case INT:
        return int32(name, null);
      case LONG:
        return int64(name, null);
      case FLOAT:
        return new ParquetColumn(
            Storage.FLOAT, Types.optional(PrimitiveTypeName.FLOAT).named(name));
      case DOUBLE:
        return new ParquetColumn(
            Storage.DOUBLE, Types.optional(PrimitiveTypeName.DOUBLE).named(name));
      case DECIMAL:
        if (type.precision() > 18) {
          return null;
        }

        LogicalTypeAnnotation decimal =
            LogicalTypeAnnotation.decimalType(type.scale(), type.precision());
        return type.precision() <= 9 ? int32(name, decimal) : int64(name, decimal);
      case STRING:
        return new ParquetColumn(
            Storage.STRING,
            Types.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(name));
      case DATE:
        return int32(name, LogicalTypeAnnotation.dateType());
      case TIMESTAMP:
        return int96Timestamps
            ? new ParquetColumn(Storage.INT96, Types.optional(PrimitiveTypeName.INT96).named(name))
            : int64(name, LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
      default:
        return int64(name, LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS));
    }
  }

  private static ParquetColumn int32(String name, LogicalTypeAnnotation annotation) {
    return new ParquetColumn(
        Storage.INT32, Types.optional(PrimitiveTypeName.INT32).as(annotation).named(name));
  }

  private static ParquetColumn int64(String name, LogicalTypeAnnotation annotation) {
    return new ParquetColumn(
        Storage.INT64, Types.optional(PrimitiveTypeName.INT64).as(annotation).named(name));
  }

  /** Whether values are floating point (kept as doubles in a buffer) rather than longs. */
  boolean floating() {
    return storage == Storage.FLOAT || storage == Storage.DOUBLE;
  }

  PrimitiveType type() {
    return type;
  }

  /**
   * Writes rows 0 to {@code rows - 1} of {@code block} in order; definition level 1 is a value, 0 a
   * null.
   */
  void write(ColumnBuffer block, int rows, ColumnWriter writer, Binary[] dictionary) {
    boolean[] nulls = block.anyNull ? block.nulls : null;
    switch (storage) {
      case BOOLEAN:
        for (int r = 0; r < rows; r++) {
          if (nulls != null && nulls[r]) writer.writeNull(0, 0);
          else writer.write(block.booleans[r], 0, 1);
        }
        break;
      case INT32:
        for (int r = 0; r < rows; r++) {
          if (nulls != null && nulls[r]) writer.writeNull(0, 0);
          else writer.write((int) block.longs[r], 0, 1);
        }
        break;
      case INT64:
        for (int r = 0; r < rows; r++) {
          if (nulls != null && nulls[r]) writer.writeNull(0, 0);
          else writer.write(block.longs[r], 0, 1);
        }
        break;
      case FLOAT:
        for (int r = 0; r < rows; r++) {
          if (nulls != null && nulls[r]) writer.writeNull(0, 0);
          else writer.write((float) block.doubles[r], 0, 1);
        }
        break;
      case DOUBLE:
        for (int r = 0; r < rows; r++) {
          if (nulls != null && nulls[r]) writer.writeNull(0, 0);
          else writer.write(block.doubles[r], 0, 1);
        }
        break;
      case INT96:
        for (int r = 0; r < rows; r++) {
          if (nulls != null && nulls[r]) writer.writeNull(0, 0);
          else writer.write(int96(block.longs[r]), 0, 1);
        }
        break;
      default:
        for (int r = 0; r < rows; r++) {
          if (nulls != null && nulls[r]) {
            writer.writeNull(0, 0);
          } else {
            writer.write(
                dictionary != null
                    ? dictionary[block.codes[r]]
                    : Binary.fromReusedByteArray(block.bytes, block.offsets[r], block.lengths[r]),
                0,
                1);
          }
        }
    }
  }

  /** Spark's INT96 timestamp: nanoseconds of the day, then the Julian day, little-endian. */
  private Binary int96(long micros) {
    int96.clear();
    int96
        .putLong(Math.floorMod(micros, MICROS_PER_DAY) * 1000L)
        .putInt((int) (Math.floorDiv(micros, MICROS_PER_DAY) + JULIAN_DAY_OF_EPOCH));
    return Binary.fromReusedByteArray(int96.array());
  }
}
