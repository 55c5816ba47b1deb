package io.synthlake.spark.source;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.types.DataType;
import java.io.Serializable;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Generates the partitions of {@link GeneratedRows} on executors, block by block, into sinks of the
 * caller's choosing: the same rows as the scan's reader gives for the same partition. Serializable:
 * writers send it to their tasks.
 */
public interface PartitionGenerator extends Serializable {
  int partitions();

  /** The model types of the output columns (on an executor: read from the broadcast). */
  List<DataType> types();

  /** Rows in partition {@code partition}. */
  long rows(int partition);

  /**
   * Generates partition {@code partition}: for each block, fills {@code sinks} (one per output
   * column) and then calls {@code blockDone} with the block's row count, after which the sinks may
   * be drained and reused.
   */
  void generate(int partition, ColumnSink[] sinks, IntConsumer blockDone);
}
