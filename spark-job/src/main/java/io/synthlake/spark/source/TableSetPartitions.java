package io.synthlake.spark.source;

import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.broadcast.Broadcast;

/**
 * The partitions of one table of a set, generated chunk by chunk into a writer's sinks: the same
 * rows, in the same order, as {@link TableSetReader} gives Spark.
 */
final class TableSetPartitions implements PartitionGenerator {
  private static final long serialVersionUID = 1L;

  private final Broadcast<TableSetBroadcast> set;
  private final TableSetPartition[] partitions;
  private final String table;
  private final long rootRows;
  private final long[] tableRows;
  private final long[] partitionRows;

  /** For each output column, its position among the table's output columns, then the carried. */
  private final int[] columns;

  /** The ancestors' columns carried after the table's own. */
  private final List<AncestorColumns.Column> carried;

  TableSetPartitions(
      Broadcast<TableSetBroadcast> set,
      TableSetPartition[] partitions,
      String table,
      long rootRows,
      long[] tableRows,
      long[] partitionRows,
      int[] columns,
      List<AncestorColumns.Column> carried) {
    this.set = set;
    this.partitions = partitions;
    this.table = table;
    this.rootRows = rootRows;
    this.tableRows = tableRows;
    this.partitionRows = partitionRows;
    this.columns = columns;
    this.carried = carried;
  }

  @Override
  public int partitions() {
    return partitions.length;
  }

  @Override
  public List<DataType> types() {
    TableSet tables = set.value().sampler().set();
    List<DataType> types = new ArrayList<>();
    for (int column : columns) {
      types.add(TableSetTable.type(tables, table, carried, column));
    }

    return types;
  }

  @Override
  public long rows(int partition) {
    return partitionRows[partition];
  }

  @Override
  public void generate(int partition, ColumnSink[] sinks, IntConsumer blockDone) {
    TableSetSampler sampler = set.value().sampler();
    int marker = sampler.edgeCases(table) == null ? 0 : 1;
    ColumnSink[] byColumn =
        new ColumnSink[sampler.set().table(table).columns().size() + carried.size() + marker];
    for (int i = 0; i < columns.length; i++) {
      byColumn[columns[i]] = sinks[i];
    }

    TableSetCursor cursor =
        new TableSetCursor(partitions[partition], sampler, table, rootRows, tableRows, carried);
    boolean first = true;
    while (cursor.next()) {
      cursor.write(byColumn);
      blockDone.accept(cursor.rows());
      if (first) {
        TaskFaults.afterFirstBlock();
        first = false;
      }
    }
  }
}
