package io.synthlake.spark.source;

import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.spark.internal.SparkTypes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * One generated table of a set of related tables: its rows under every root block of its root, in
 * partitions of whole root blocks. Its foreign keys join the other tables of the same set, seed and
 * size. Supports column pruning. Columns of its ancestors' rows asked for ({@link AncestorColumns})
 * come after its own columns, under hidden names.
 */
final class TableSetTable implements SupportsRead {
  private final ModelCache.Entry entry;
  private final String table;
  private final String root;
  private final long seed;
  private final TableSetLayout layout;
  private final int partitions;
  private final StructType schema;
  private final List<AncestorColumns.Column> carried;

  /** The table's edge cases, or null: their marker is the last column. */
  private final EdgeCaseOptions.Settings edgeCases;

  TableSetTable(
      ModelCache.Entry entry,
      String table,
      long seed,
      TableSetLayout layout,
      int partitions,
      List<AncestorColumns.Column> carried) {
    this(entry, table, seed, layout, partitions, carried, null);
  }

  TableSetTable(
      ModelCache.Entry entry,
      String table,
      long seed,
      TableSetLayout layout,
      int partitions,
      List<AncestorColumns.Column> carried,
      EdgeCaseOptions.Settings edgeCases) {
    this.entry = entry;
    this.edgeCases = edgeCases;
    this.table = table;
    this.root = entry.tableSet().root(table).name();
    this.seed = seed;
    this.layout = layout;
    long blocks = TableSetSampler.rootBlocks(layout.rootRows(root));
    this.partitions = (int) Math.max(1, Math.min(partitions, blocks));
    this.carried = List.copyOf(carried);
    StructType own = schema(entry.tableSet(), table, this.carried);
    this.schema = edgeCases == null ? own : EdgeCaseOptions.withMarker(own);
  }

  /**
   * A table's output schema: its columns in order, then the ancestors' columns {@code carried},
   * every one nullable.
   */
  static StructType schema(TableSet set, String table, List<AncestorColumns.Column> carried) {
    List<String> columns = set.table(table).columns();
    StructField[] fields = new StructField[columns.size() + carried.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] =
          i < columns.size()
              ? DataTypes.createStructField(
                  columns.get(i), SparkTypes.toSpark(set.type(table, columns.get(i))), true)
              : carriedField(set, carried.get(i - columns.size()));
    }

    return DataTypes.createStructType(fields);
  }

  private static StructField carriedField(TableSet set, AncestorColumns.Column column) {
    return DataTypes.createStructField(
        column.hiddenName(), SparkTypes.toSpark(set.type(column.table(), column.column())), true);
  }

  /**
   * The type of output column {@code index}: the table's own, an ancestor's carried, or after them
   * the edge-case marker's.
   */
  static DataType type(
      TableSet set, String table, List<AncestorColumns.Column> carried, int index) {
    List<String> columns = set.table(table).columns();
    if (index == columns.size() + carried.size()) {
      return DataType.of(LogicalType.BOOLEAN);
    }

    if (index < columns.size()) {
      return set.type(table, columns.get(index));
    }

    AncestorColumns.Column column = carried.get(index - columns.size());
    return set.type(column.table(), column.column());
  }

  /**
   * How the model rounds output column {@code index} (the table's own, or an ancestor's carried)
   * when it draws it from a distribution; empty for keys, ordinals, a sequence's order and
   * balances, which are computed (as {@link TableSet#type} tells them apart).
   */
  static Optional<NumericFormat> format(
      TableSet set, String table, List<AncestorColumns.Column> carried, int index) {
    List<String> columns = set.table(table).columns();
    if (index == columns.size() + carried.size()) {
      // The edge-case marker.
      return Optional.empty();
    }

    TableSet.Table owner =
        set.table(index < columns.size() ? table : carried.get(index - columns.size()).table());
    String column =
        index < columns.size() ? columns.get(index) : carried.get(index - columns.size()).column();
    boolean computed =
        owner.foreignKey(column) != null
            || owner.ordinal() != null && owner.ordinal().column().equals(column)
            || owner.sequence() != null
                && (owner.sequence().order().equals(column)
                    || owner.sequence().balances().stream()
                        .map(RunningBalance::column)
                        .anyMatch(column::equals));
    if (computed || !owner.model().columnNames().contains(column)) {
      return Optional.empty();
    }

    return owner.model().column(column) instanceof NumericColumn numeric
        ? Optional.of(numeric.format())
        : Optional.empty();
  }

  @Override
  public String name() {
    return "synthlake(" + table + ": " + layout.rows(table) + " rows, seed " + seed + ")";
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new PruningScanBuilder(schema, TableSetScan::new);
  }

  private final class TableSetScan implements Scan, Batch, DirectScan {
    private final StructType readSchema;
    private final int[] columns;

    TableSetScan(StructType readSchema, int[] columns) {
      this.readSchema = readSchema;
      this.columns = columns;
    }

    @Override
    public StructType readSchema() {
      return readSchema;
    }

    @Override
    public long rows() {
      return layout.rows(table);
    }

    @Override
    public String description() {
      return name() + " in " + partitions + " partitions";
    }

    @Override
    public Batch toBatch() {
      return this;
    }

    @Override
    public GeneratedRows describe(StructType outputSchema, int[] outputColumns) {
      int[] tableColumns = new int[outputColumns.length];
      List<DataType> types = new ArrayList<>();
      for (int i = 0; i < outputColumns.length; i++) {
        tableColumns[i] = columns[outputColumns[i]];
        types.add(type(entry.tableSet(), table, carried, tableColumns[i]));
      }

      TableSetPartition[] split = split();
      long[] partitionRows = new long[split.length];
      int index = entry.tableSet().indexOf(table);
      long[] total = layout.tableRows();
      for (int i = 0; i < split.length; i++) {
        long end =
            split[i].endBlock < TableSetSampler.rootBlocks(layout.rootRows(root))
                ? layout.rowsBefore(root, split[i].endBlock)[index]
                : total[index];
        partitionRows[i] = end - layout.rowsBefore(root, split[i].firstBlock)[index];
      }

      return GeneratedRows.ofTableSet(
          layout.rows(table),
          types,
          outputSchema,
          spark ->
              new TableSetPartitions(
                  JavaSparkContext.fromSparkContext(spark.sparkContext())
                      .broadcast(new TableSetBroadcast(entry, seed, table, edgeCases)),
                  split,
                  table,
                  layout.rootRows(root),
                  layout.tableRows(),
                  partitionRows,
                  tableColumns,
                  carried),
          partitions);
    }

    @Override
    public Optional<NumericFormat> format(int readColumn) {
      return TableSetTable.format(entry.tableSet(), table, carried, columns[readColumn]);
    }

    @Override
    public InputPartition[] planInputPartitions() {
      return split();
    }

    private TableSetPartition[] split() {
      long blocks = TableSetSampler.rootBlocks(layout.rootRows(root));
      TableSetPartition[] split = new TableSetPartition[partitions];
      for (int i = 0; i < partitions; i++) {
        long first = blocks * i / partitions;
        long end = blocks * (i + 1) / partitions;
        long[][] before = new long[(int) (end - first)][];
        for (long b = first; b < end; b++) {
          before[(int) (b - first)] = layout.rowsBefore(root, b);
        }

        split[i] = new TableSetPartition(first, end, before, layout.cut());
      }

      return split;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      JavaSparkContext context =
          JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
      return new ReaderFactory(
          context.broadcast(new TableSetBroadcast(entry, seed, table, edgeCases)),
          table,
          layout.rootRows(root),
          layout.tableRows(),
          readSchema,
          columns,
          schema.size(),
          carried);
    }
  }

  /**
   * Sent to executors with each task: the broadcast handle and what the reader needs. A stream of
   * the table ({@link TableSetStream}) shares it.
   */
  static final class ReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final Broadcast<TableSetBroadcast> set;
    private final String table;
    private final long rootRows;
    private final long[] tableRows;
    private final StructType readSchema;
    private final int[] columns;
    private final int width;
    private final List<AncestorColumns.Column> carried;

    ReaderFactory(
        Broadcast<TableSetBroadcast> set,
        String table,
        long rootRows,
        long[] tableRows,
        StructType readSchema,
        int[] columns,
        int width,
        List<AncestorColumns.Column> carried) {
      this.set = set;
      this.table = table;
      this.rootRows = rootRows;
      this.tableRows = tableRows;
      this.readSchema = readSchema;
      this.columns = columns;
      this.width = width;
      this.carried = carried;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
      return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
      return new TableSetReader(
          new TableSetCursor(
              (TableSetPartition) partition,
              set.value().sampler(),
              table,
              rootRows,
              tableRows,
              carried),
          readSchema,
          columns,
          width);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      throw new UnsupportedOperationException("synthlake generates columnar batches only");
    }
  }
}
