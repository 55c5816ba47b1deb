package io.synthlake.spark.source;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Generated rows read as a stream ({@code spark.readStream()} with {@code rowsPerSecond} or {@code
 * rowsPerBatch}); pruned columns are never generated.
 */
final class StreamTable implements SupportsRead {
  private final String name;
  private final StructType schema;

  /**
   * The stream of the columns a query reads: given the read schema and the columns' positions in
   * {@link #schema}.
   */
  private final BiFunction<StructType, int[], MicroBatchStream> streams;

  StreamTable(
      String name, StructType schema, BiFunction<StructType, int[], MicroBatchStream> streams) {
    this.name = name;
    this.schema = schema;
    this.streams = streams;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.MICRO_BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new PruningScanBuilder(schema, StreamScan::new);
  }

  private final class StreamScan implements Scan {
    private final StructType readSchema;
    private final int[] columns;

    StreamScan(StructType readSchema, int[] columns) {
      this.readSchema = readSchema;
      this.columns = columns;
    }

    @Override
    public StructType readSchema() {
      return readSchema;
    }

    @Override
    public String description() {
      return name;
    }

    @Override
    public MicroBatchStream toMicroBatchStream(String checkpointLocation) {
      return streams.apply(readSchema, columns);
    }
  }
}
