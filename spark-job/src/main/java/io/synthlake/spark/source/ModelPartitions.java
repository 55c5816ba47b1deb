package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.broadcast.Broadcast;

/** The partitions of one table's model: blocks of rows, as the scan's reader gives them. */
final class ModelPartitions implements PartitionGenerator {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ModelBroadcast> model;
  private final GenerationPartition[] partitions;
  private final int[] modelColumns;

  ModelPartitions(
      Broadcast<ModelBroadcast> model, GenerationPartition[] partitions, int[] modelColumns) {
    this.model = model;
    this.partitions = partitions;
    this.modelColumns = modelColumns;
  }

  @Override
  public int partitions() {
    return partitions.length;
  }

  @Override
  public List<DataType> types() {
    TableModel tableModel = model.value().sampler().model();
    List<DataType> types = new ArrayList<>();
    for (int column : modelColumns) {
      types.add(EdgeCaseOptions.type(tableModel, column));
    }

    return types;
  }

  @Override
  public long rows(int partition) {
    return partitions[partition].rows();
  }

  @Override
  public void generate(int partition, ColumnSink[] sinks, IntConsumer blockDone) {
    TableSampler sampler = model.value().sampler();
    TableSampler.BlockWriter writer = sampler.newBlockWriter();
    ColumnSink[] byModelColumn = new ColumnSink[sampler.model().columns().size()];
    for (int i = 0; i < modelColumns.length; i++) {
      if (modelColumns[i] == byModelColumn.length) {
        writer.markEdgeCases(sinks[i]);
      } else {
        byModelColumn[modelColumns[i]] = sinks[i];
      }
    }

    GenerationPartition range = partitions[partition];
    for (long block = range.firstBlock; block < range.endBlock; block++) {
      int rows = range.blockRows(block);
      writer.write(block, range.blockSkip(block), rows, byModelColumn);
      blockDone.accept(rows);
      if (block == range.firstBlock) {
        TaskFaults.afterFirstBlock();
      }
    }
  }
}
