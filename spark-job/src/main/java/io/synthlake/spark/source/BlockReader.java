package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.TableModel;
import io.synthlake.spark.internal.SparkTypes;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Generates one partition as columnar batches of one block each, reusing the same buffers: memory
 * stays constant however many rows the partition holds. Spark reads the buffers through {@link
 * BlockColumnVector} views.
 */
final class BlockReader implements PartitionReader<ColumnarBatch> {
  private final GenerationPartition partition;
  private final TableSampler.BlockWriter writer;
  private final BatchBuffers buffers;
  private final ColumnSink[] sinks;
  private long nextBlock;

  BlockReader(GenerationPartition partition, TableSampler sampler, int[] columns) {
    this.partition = partition;
    this.writer = sampler.newBlockWriter();
    TableModel model = sampler.model();
    DataType[] types = new DataType[columns.length];
    for (int i = 0; i < columns.length; i++) {
      types[i] = SparkTypes.toSpark(EdgeCaseOptions.type(model, columns[i]));
    }

    this.buffers = new BatchBuffers(types);
    this.sinks = new ColumnSink[model.columns().size()];
    for (int i = 0; i < columns.length; i++) {
      // The index after the last model column is the edge-case marker.
      if (columns[i] == sinks.length) {
        writer.markEdgeCases(buffers.sink(i));
      } else {
        sinks[columns[i]] = buffers.sink(i);
      }
    }

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
    buffers.reset();
    writer.write(nextBlock, partition.blockSkip(nextBlock), rows, sinks);
    buffers.written(rows);
    nextBlock++;
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
