package io.synthlake.spark.source;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Sent to executors with each task: it carries only the broadcast handle and the wanted column
 * indexes.
 */
final class BlockReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ModelBroadcast> model;
  private final int[] columns;

  BlockReaderFactory(Broadcast<ModelBroadcast> model, int[] columns) {
    this.model = model;
    this.columns = columns;
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return true;
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    return new BlockReader((GenerationPartition) partition, model.value().sampler(), columns);
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    throw new UnsupportedOperationException("synthlake generates columnar batches only");
  }
}
