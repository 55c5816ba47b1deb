package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.spark.internal.BlockColumnVector;
import io.synthlake.spark.internal.ColumnBuffer;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * A reader's reusable column buffers and the batch Spark reads them through: each block is written
 * into the buffers, then handed over as one columnar batch. Memory stays that of one block.
 */
final class BatchBuffers {
  private final ColumnBuffer[] buffers;
  private final BlockColumnVector[] vectors;
  private final ColumnarBatch batch;

  /** One buffer per column read, of the given Spark types. */
  BatchBuffers(DataType[] types) {
    this.buffers = new ColumnBuffer[types.length];
    this.vectors = new BlockColumnVector[types.length];
    for (int i = 0; i < types.length; i++) {
      buffers[i] = new ColumnBuffer();
      vectors[i] = new BlockColumnVector(types[i], buffers[i]);
    }

    this.batch = new ColumnarBatch(vectors);
  }

  /** The sink of column {@code i} read. */
  ColumnSink sink(int i) {
    return buffers[i];
  }

  /** Empties the buffers for the next block. */
  void reset() {
    for (ColumnBuffer buffer : buffers) {
      buffer.reset();
    }
  }

  /** The batch of the block just written, of {@code rows} rows. */
  ColumnarBatch written(int rows) {
    for (BlockColumnVector vector : vectors) {
      vector.blockWritten();
    }

    batch.setNumRows(rows);
    return batch;
  }

  ColumnarBatch batch() {
    return batch;
  }

  void close() {
    for (ColumnVector vector : vectors) {
      vector.close();
    }
  }
}
