package io.synthlake.spark.source;

import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A generated table: a fixed number of rows of one model under one seed. Supports column pruning.
 */
final class SynthlakeTable implements SupportsRead {
  private final ModelCache.Entry entry;
  private final TableModel model;
  private final SourceOptions options;
  private final StructType schema;

  /** The read's edge cases, or null for none. */
  private final EdgeCaseOptions.Settings edgeCases;

  SynthlakeTable(
      ModelCache.Entry entry,
      SourceOptions options,
      StructType schema,
      EdgeCaseOptions.Settings edgeCases) {
    this.edgeCases = edgeCases;
    this.entry = entry;
    this.model = entry.model();
    this.options = options;
    this.schema = schema;
  }

  @Override
  public String name() {
    return "synthlake("
        + options.rows
        + " rows"
        + (options.firstRow == 0 ? "" : " from row " + options.firstRow)
        + ", seed "
        + options.seed
        + ")";
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    // A stream is declared only to fail with the options it needs: StreamTable is the stream.
    return EnumSet.of(TableCapability.BATCH_READ, TableCapability.MICRO_BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new PruningScanBuilder(schema, GenerationScan::new);
  }

  /** The scan over this table's {@code columns}, in the order a query reads them. */
  final class GenerationScan implements Scan, Batch, DirectScan {
    private final StructType readSchema;
    private final int[] columns;

    GenerationScan(StructType readSchema, int[] columns) {
      this.readSchema = readSchema;
      this.columns = columns;
    }

    @Override
    public StructType readSchema() {
      return readSchema;
    }

    @Override
    public String description() {
      return name()
          + " in "
          + options.partitions
          + " partitions, "
          + model.dependence().componentCount()
          + " components";
    }

    @Override
    public Batch toBatch() {
      return this;
    }

    @Override
    public MicroBatchStream toMicroBatchStream(String checkpointLocation) {
      throw StreamOptions.noPace();
    }

    @Override
    public InputPartition[] planInputPartitions() {
      return GenerationPartition.split(options.firstRow, options.rows, options.partitions);
    }

    @Override
    public long rows() {
      return options.rows;
    }

    /**
     * What this scan generates, for writers that consume the blocks directly instead of Spark rows.
     */
    @Override
    public GeneratedRows describe(StructType outputSchema, int[] outputColumns) {
      int[] modelColumns = new int[outputColumns.length];
      for (int i = 0; i < outputColumns.length; i++) {
        modelColumns[i] = columns[outputColumns[i]];
      }

      return GeneratedRows.ofModel(
          entry,
          options.firstRow,
          options.rows,
          options.seed,
          options.partitions,
          modelColumns,
          outputSchema,
          edgeCases);
    }

    @Override
    public Optional<NumericFormat> format(int readColumn) {
      // The edge-case marker comes after the model's columns.
      return columns[readColumn] < model.columns().size()
              && model.columns().get(columns[readColumn]) instanceof NumericColumn numeric
          ? Optional.of(numeric.format())
          : Optional.empty();
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      // Broadcast once per scan: every task then reads the model from its executor's block manager.
      JavaSparkContext context =
          JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
      Broadcast<ModelBroadcast> broadcast =
          context.broadcast(new ModelBroadcast(entry, options.seed).withEdgeCases(edgeCases));
      return new BlockReaderFactory(broadcast, columns);
    }
  }
}
