package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.spark.internal.BlockColumnVector;
import io.synthlake.spark.internal.ColumnBuffer;
import io.synthlake.spark.internal.SparkTypes;
import java.util.List;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Generates one partition as columnar batches of one block each, reusing the same buffers: memory
 * stays constant however many rows the partition holds. Spark reads the buffers through {@link
 * BlockColumnVector} views.
 */
final class BlockReader implements PartitionReader<ColumnarBatch> {
  private final GenerationPartition partition;
  private final TableSampler.BlockWriter writer;
  private final ColumnBuffer[] buffers;
  private final BlockColumnVector[] vectors;
  private final ColumnSink[] sinks;
  private final ColumnarBatch batch;
  private long nextBlock;

  BlockReader(GenerationPartition partition, TableSampler sampler, int[] columns) {
    this.partition = partition;
    this.writer = sampler.newBlockWriter();
    List<ColumnModel> models = sampler.model().columns();
    this.buffers = new ColumnBuffer[columns.length];
    this.vectors = new BlockColumnVector[columns.length];
    this.sinks = new ColumnSink[models.size()];
    for (int i = 0; i < columns.length; i++) {
      buffers[i] = new ColumnBuffer();
      vectors[i] =
          new BlockColumnVector(SparkTypes.toSpark(models.get(columns[i]).type()), buffers[i]);
      sinks[columns[i]] = buffers[i];
    }

    this.batch = new ColumnarBatch(vectors);
    this.nextBlock = partition.firstBlock;
  }

  @Override
  public boolean next() {
    if (nextBlock == partition.firstBlock + 1) {
      TaskFaults.afterFirstBlock();
    }

    if (nextBlock >= partition.endBlock) {
      return false;
    }

    int rows = partition.blockRows(nextBlock);
    for (ColumnBuffer buffer : buffers) {
      buffer.reset();
    }

    writer.write(nextBlock, partition.blockSkip(nextBlock), rows, sinks);
    for (BlockColumnVector vector : vectors) {
      vector.blockWritten();
    }

    batch.setNumRows(rows);
    nextBlock++;
    return true;
  }

  @Override
  public ColumnarBatch get() {
    return batch;
  }

  @Override
  public void close() {
    for (ColumnVector vector : vectors) {
      vector.close();
    }
  }
}
