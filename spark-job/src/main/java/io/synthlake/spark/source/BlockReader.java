package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.spark.internal.SparkTypes;
import io.synthlake.spark.internal.VectorSink;
import java.util.List;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Generates one partition as columnar batches of one block each, reusing the same vectors: memory stays constant
 * however many rows the partition holds.
 */
final class BlockReader implements PartitionReader<ColumnarBatch> {
  private final GenerationPartition partition;
  private final TableSampler.BlockWriter writer;
  private final OnHeapColumnVector[] vectors;
  private final ColumnSink[] sinks;
  private final ColumnarBatch batch;
  private long nextBlock;

  BlockReader(GenerationPartition partition, TableSampler sampler, int[] columns) {
    this.partition = partition;
    this.writer = sampler.newBlockWriter();
    List<ColumnModel> models = sampler.model().columns();
    this.vectors = new OnHeapColumnVector[columns.length];
    this.sinks = new ColumnSink[models.size()];
    for (int i = 0; i < columns.length; i++) {
      ColumnModel column = models.get(columns[i]);
      vectors[i] = new OnHeapColumnVector(TableSampler.BLOCK_ROWS, SparkTypes.toSpark(column.type()));
      sinks[columns[i]] = new VectorSink(vectors[i], column.type());
    }

    this.batch = new ColumnarBatch(vectors.clone());
    this.nextBlock = partition.firstBlock;
  }

  @Override
  public boolean next() {
    if (nextBlock >= partition.endBlock) {
      return false;
    }

    int rows = partition.blockRows(nextBlock);
    for (OnHeapColumnVector vector : vectors) {
      vector.reset();
    }

    writer.write(nextBlock, rows, sinks);
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
