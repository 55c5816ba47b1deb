package io.synthlake.spark.internal;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Spark's read-only view of a generated {@link ColumnBuffer}, in the Spark type of its column.
 * Nothing is copied into Spark's own vectors, and a string column with a fixed set of values hands
 * out one {@link UTF8String} per value for the whole partition: Spark 4.1 builds each {@code
 * UTF8String} with volatile writes, which made creating one per row the largest single cost of
 * reading generated rows. Strings that are not from a dictionary (keys, composed text) are still
 * built per row, and cost little only when Spark's generated code inlines {@link #getUTF8String}:
 * the JIT then sees that the string never leaves the row copy and drops its fences. So the row path
 * holds no map look-up, which made the compiled method too large to inline; {@link #blockWritten}
 * finds a block's dictionary strings once.
 */
public final class BlockColumnVector extends ColumnVector {
  private final ColumnBuffer buffer;
  private final Map<byte[][], UTF8String[]> stringsByDictionary = new IdentityHashMap<>();

  /**
   * The strings of the current block's dictionary, or null when the block's strings came as bytes.
   */
  private UTF8String[] dictionaryStrings;

  public BlockColumnVector(DataType type, ColumnBuffer buffer) {
    super(type);
    this.buffer = buffer;
  }

  @Override
  public void close() {
    stringsByDictionary.clear();
    dictionaryStrings = null;
  }

  /** Called once the generators have filled the buffer with a new block, before Spark reads it. */
  public void blockWritten() {
    byte[][] dictionary = buffer.dictionary;
    dictionaryStrings =
        dictionary == null
            ? null
            : stringsByDictionary.computeIfAbsent(dictionary, BlockColumnVector::strings);
  }

  private static UTF8String[] strings(byte[][] dictionary) {
    UTF8String[] strings = new UTF8String[dictionary.length];
    for (int code = 0; code < dictionary.length; code++) {
      strings[code] = UTF8String.fromBytes(dictionary[code]);
    }

    return strings;
  }

  /**
   * Spark calls this after each batch; the buffer and the string cache are reused for the next
   * block, as writable vectors are.
   */
  @Override
  public void closeIfFreeable() {}

  @Override
  public boolean hasNull() {
    return buffer.anyNull;
  }

  /**
   * Counts this block's nulls; Spark asks rarely (statistics, some vectorised paths), so nothing
   * keeps a count.
   */
  @Override
  public int numNulls() {
    if (!buffer.anyNull) {
      return 0;
    }

    int count = 0;
    for (boolean isNull : buffer.nulls) {
      if (isNull) {
        count++;
      }
    }

    return count;
  }

  @Override
  public boolean isNullAt(int rowId) {
    return buffer.anyNull && buffer.nulls[rowId];
  }

  @Override
  public boolean getBoolean(int rowId) {
    return buffer.booleans[rowId];
  }

  @Override
  public byte getByte(int rowId) {
    return (byte) buffer.longs[rowId];
  }

  @Override
  public short getShort(int rowId) {
    return (short) buffer.longs[rowId];
  }

  /** Integers, epoch days and decimals of up to 9 digits. */
  @Override
  public int getInt(int rowId) {
    return (int) buffer.longs[rowId];
  }

  /** Longs, epoch microseconds and decimals of up to 18 digits. */
  @Override
  public long getLong(int rowId) {
    return buffer.longs[rowId];
  }

  @Override
  public float getFloat(int rowId) {
    return (float) buffer.doubles[rowId];
  }

  @Override
  public double getDouble(int rowId) {
    return buffer.doubles[rowId];
  }

  /** Generated decimals are unscaled longs, whatever their precision. */
  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    if (isNullAt(rowId)) {
      return null;
    }

    long unscaled = buffer.longs[rowId];
    return precision <= Decimal.MAX_LONG_DIGITS()
        ? Decimal.createUnsafe(unscaled, precision, scale)
        : Decimal.apply(BigDecimal.valueOf(unscaled, scale), precision, scale);
  }

  /** Kept small (see the class comment): Spark's generated code must inline it. */
  @Override
  public UTF8String getUTF8String(int rowId) {
    if (isNullAt(rowId)) {
      return null;
    }

    UTF8String[] strings = dictionaryStrings;
    return strings != null
        ? strings[buffer.codes[rowId]]
        : UTF8String.fromBytes(buffer.bytes, buffer.offsets[rowId], buffer.lengths[rowId]);
  }

  @Override
  public byte[] getBinary(int rowId) {
    throw unsupported("binary");
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    throw unsupported("array");
  }

  @Override
  public ColumnarMap getMap(int rowId) {
    throw unsupported("map");
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    throw unsupported("struct");
  }

  private static UnsupportedOperationException unsupported(String kind) {
    return new UnsupportedOperationException("synthlake generates no " + kind + " columns");
  }
}
