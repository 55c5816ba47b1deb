package io.synthlake.spark.internal;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.math.BigInteger;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/** Writes core's number forms into a Spark column vector of the matching type. */
public final class VectorSink implements ColumnSink {
  private final WritableColumnVector vector;
  private final LogicalType type;
  private final boolean wideDecimal;
  private final boolean intDecimal;
  /** The values of the dictionary the vector holds, if any, and the vector of their indices. */
  private byte[][] dictionary;
  private WritableColumnVector dictionaryIds;

  public VectorSink(WritableColumnVector vector, DataType type) {
    this.vector = vector;
    this.type = type.logicalType();
    // Spark stores decimals of up to 9 digits as ints, up to 18 as longs, wider ones as big-endian bytes.
    this.intDecimal = this.type == LogicalType.DECIMAL && type.precision() <= 9;
    this.wideDecimal = this.type == LogicalType.DECIMAL && type.precision() > 18;
  }

  @Override
  public void putNull(int row) {
    vector.putNull(row);
  }

  @Override
  public void putLong(int row, long value) {
    switch (type) {
      case BYTE: vector.putByte(row, (byte) value); break;
      case SHORT: vector.putShort(row, (short) value); break;
      case INT: case DATE: vector.putInt(row, (int) value); break;
      case DECIMAL:
        if (intDecimal) {
          vector.putInt(row, (int) value);
        } else if (wideDecimal) {
          vector.putByteArray(row, BigInteger.valueOf(value).toByteArray());
        } else {
          vector.putLong(row, value);
        }

        break;
      default: vector.putLong(row, value);
    }
  }

  @Override
  public void putLongs(long[] values, int rows, int[] nullRows, int nullCount) {
    boolean longStorage = type == LogicalType.DECIMAL ? !intDecimal && !wideDecimal
        : type != LogicalType.BYTE && type != LogicalType.SHORT && type != LogicalType.INT && type != LogicalType.DATE;
    if (!longStorage) {
      ColumnSink.super.putLongs(values, rows, nullRows, nullCount);
      return;
    }

    vector.putLongs(0, rows, values, 0);
    putNulls(nullRows, nullCount);
  }

  @Override
  public void putDoubles(double[] values, int rows, int[] nullRows, int nullCount) {
    if (type != LogicalType.DOUBLE) {
      ColumnSink.super.putDoubles(values, rows, nullRows, nullCount);
      return;
    }

    vector.putDoubles(0, rows, values, 0);
    putNulls(nullRows, nullCount);
  }

  private void putNulls(int[] nullRows, int nullCount) {
    for (int i = 0; i < nullCount; i++) {
      vector.putNull(nullRows[i]);
    }
  }

  @Override
  public void putDouble(int row, double value) {
    if (type == LogicalType.FLOAT) {
      vector.putFloat(row, (float) value);
    } else {
      vector.putDouble(row, value);
    }
  }

  @Override
  public void putBoolean(int row, boolean value) {
    vector.putBoolean(row, value);
  }

  @Override
  public boolean acceptsDictionary(byte[][] values) {
    if (type != LogicalType.STRING) {
      return false;
    }

    if (dictionary != values) {
      vector.setDictionary(new BytesDictionary(values));
      dictionaryIds = vector.reserveDictionaryIds(TableSampler.BLOCK_ROWS);
      dictionary = values;
    }

    return true;
  }

  @Override
  public void putCode(int row, int code) {
    dictionaryIds.putInt(row, code);
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    vector.putByteArray(row, bytes, offset, length);
  }
}
