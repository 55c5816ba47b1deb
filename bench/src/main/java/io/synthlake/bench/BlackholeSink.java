package io.synthlake.bench;

import io.synthlake.core.generate.ColumnSink;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A sink that hands every value to JMH's blackhole, so the JIT cannot drop the work that made it.
 */
final class BlackholeSink implements ColumnSink {
  private final Blackhole blackhole;

  BlackholeSink(Blackhole blackhole) {
    this.blackhole = blackhole;
  }

  @Override
  public void putNull(int row) {
    blackhole.consume(row);
  }

  @Override
  public void putLong(int row, long value) {
    blackhole.consume(value);
  }

  @Override
  public void putDouble(int row, double value) {
    blackhole.consume(value);
  }

  @Override
  public void putBoolean(int row, boolean value) {
    blackhole.consume(value);
  }

  @Override
  public void putUtf8(int row, byte[] bytes, int offset, int length) {
    blackhole.consume(bytes[offset + length - 1]);
  }

  // Bulk puts stand for a column vector's array copy: one hand-over per block, as in the Spark
  // reader.
  @Override
  public void putLongs(long[] values, int rows, int[] nullRows, int nullCount) {
    blackhole.consume(values);
  }

  @Override
  public void putDoubles(double[] values, int rows, int[] nullRows, int nullCount) {
    blackhole.consume(values);
  }
}
