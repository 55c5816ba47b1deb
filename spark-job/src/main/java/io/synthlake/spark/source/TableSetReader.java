package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Generates one table of a set over a range of root blocks, as columnar batches of at most one
 * block of rows each, reusing the same buffers: memory stays that of one root block's ancestors
 * however many rows the partition holds.
 */
final class TableSetReader implements PartitionReader<ColumnarBatch> {
  private final TableSetCursor cursor;
  private final BatchBuffers buffers;
  private final ColumnSink[] sinks;

  /**
   * @param columns for each column read, its position among the table's output columns
   * @param width the table's output columns
   */
  TableSetReader(TableSetCursor cursor, StructType readSchema, int[] columns, int width) {
    this.cursor = cursor;
    DataType[] types = new DataType[columns.length];
    for (int i = 0; i < columns.length; i++) {
      types[i] = readSchema.fields()[i].dataType();
    }

    this.buffers = new BatchBuffers(types);
    this.sinks = new ColumnSink[width];
    for (int i = 0; i < columns.length; i++) {
      sinks[columns[i]] = buffers.sink(i);
    }
  }

  @Override
  public boolean next() {
    if (!cursor.next()) {
      return false;
    }

    buffers.reset();
    cursor.write(sinks);
    buffers.written(cursor.rows());
    return true;
  }

  @Override
  public ColumnarBatch get() {
    return buffers.batch();
  }

  @Override
  public void close() {
    buffers.close();
  }
}
