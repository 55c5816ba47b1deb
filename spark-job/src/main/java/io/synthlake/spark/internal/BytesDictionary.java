package io.synthlake.spark.internal;

import org.apache.spark.sql.execution.vectorized.Dictionary;

/** A string column's fixed values as a Spark column-vector dictionary: rows hold indices, reads decode to the bytes. */
final class BytesDictionary implements Dictionary {
  private final byte[][] values;

  BytesDictionary(byte[][] values) {
    this.values = values;
  }

  @Override
  public byte[] decodeToBinary(int id) {
    return values[id];
  }

  @Override
  public int decodeToInt(int id) {
    throw new UnsupportedOperationException("a string dictionary decodes to bytes only");
  }

  @Override
  public long decodeToLong(int id) {
    throw new UnsupportedOperationException("a string dictionary decodes to bytes only");
  }

  @Override
  public float decodeToFloat(int id) {
    throw new UnsupportedOperationException("a string dictionary decodes to bytes only");
  }

  @Override
  public double decodeToDouble(int id) {
    throw new UnsupportedOperationException("a string dictionary decodes to bytes only");
  }
}
