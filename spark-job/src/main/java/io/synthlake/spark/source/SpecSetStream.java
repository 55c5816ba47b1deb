package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.CompiledTableSet;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.spec.TableSetSpec;
import io.synthlake.spark.SpecSetTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.execution.streaming.Offset;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.Option;

/**
 * A stream of one table of a table-set spec ({@code spark.readStream()} with the options {@code
 * spec} and {@code table}): the set the spec builds at the stream's size, streamed by root rows as
 * a fitted set's table is ({@link TableSetStream}: the same offsets, batches, keys and further
 * keys), each micro-batch then given the table's derived columns, ordering constraints and column
 * order as {@link io.synthlake.spark.SpecGenerator#generateTables} gives them ({@link
 * SpecSetTable}). Spark's older source interface, since derived columns are Spark expressions over
 * the batch, as for {@link SpecStream}.
 */
final class SpecSetStream implements PacedSource {
  private final TableSetStream rows;
  private final SpecSetTable table;

  /** The generated rows' schema: the table's own columns, then the ancestors' carried. */
  private final StructType generated;

  private final StructType schema;

  private SpecSetStream(
      TableSetStream rows, SpecSetTable table, StructType generated, StructType schema) {
    this.rows = rows;
    this.table = table;
    this.generated = generated;
    this.schema = schema;
  }

  /**
   * The stream of table {@code name} of the set spec {@code text} (read from {@code path}), built
   * at the stream's {@code rows} root rows, or without them at its root's declared rows; its
   * expressions and schema are checked here, before the query starts.
   */
  static SpecSetStream of(
      SparkSession spark, String path, String text, String name, StreamOptions options) {
    CompiledTableSet compiled = SpecCompiler.compileSet(text, path);
    SynthlakeException.check(
        name != null,
        "spec %s describes a set of related tables (%s): name the one to stream with the option "
            + "'table'",
        path,
        String.join(", ", compiled.tables()));
    // The set's shape (which table is whose root) is that of any size.
    TableSet shape = compiled.build(options.seed, name, 1).set();
    String root = shape.root(name).name();
    long rootRows = options.bounded ? options.endRow : shape.table(root).inputRows();
    TableSetSpec built = compiled.build(options.seed, root, rootRows);
    TableSet set = built.set();
    String table = set.table(name).name();
    TableSetStream.check(set, table);
    SpecSetTable finish = SpecSetTable.of(spark, built, table);
    StructType generated = TableSetTable.schema(set, table, finish.carried());
    int[] columns = IntStream.range(0, generated.size()).toArray();
    ModelCache.Entry entry = ModelCache.share(set, TableSetJson.toJson(set));
    // A checkpoint belongs to the spec's text at this size, derived columns included.
    String identity = SpecStream.keyOf(text + "\ntable " + table + "\nrows " + rootRows);
    TableSetStream rows =
        new TableSetStream(
            entry,
            table,
            options,
            generated,
            columns,
            generated.size(),
            identity,
            finish.carried());
    StructType schema = finish.finish(spark.createDataFrame(List.of(), generated)).schema();
    return new SpecSetStream(rows, finish, generated, schema);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public void prepareForTriggerAvailableNow() {
    rows.prepareForTriggerAvailableNow();
  }

  /** The end of the next batch ({@link TableSetStream}); Spark passes null before the first. */
  @Override
  public org.apache.spark.sql.connector.read.streaming.Offset latestOffset(
      org.apache.spark.sql.connector.read.streaming.Offset start, ReadLimit limit) {
    return rows.latestOffset(start == null ? rows.initialOffset() : offset(start), limit);
  }

  @Override
  public Dataset<Row> getBatch(Option<Offset> start, Offset end) {
    SetOffset from = start.isDefined() ? offset(start.get()) : (SetOffset) rows.initialOffset();
    InputPartition[] partitions = rows.planInputPartitions(from, offset(end));
    PartitionReaderFactory readers = rows.createReaderFactory();
    SparkSession spark = SparkSession.active();
    JavaRDD<InternalRow> generatedRows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(Arrays.asList(partitions), Math.max(1, partitions.length))
            .flatMap(partition -> new PartitionRows(readers.createColumnarReader(partition)));
    org.apache.spark.sql.classic.SparkSession classic =
        (org.apache.spark.sql.classic.SparkSession) spark;
    Dataset<Row> batch =
        table.finish(classic.internalCreateDataFrame(generatedRows.rdd(), generated, false));
    return PacedSource.streamingFrame(spark, batch, schema);
  }

  @Override
  public void stop() {
    rows.stop();
  }

  /** Our offset, from a checkpoint's JSON or as it is. */
  private SetOffset offset(org.apache.spark.sql.connector.read.streaming.Offset offset) {
    return offset instanceof SetOffset ours
        ? ours
        : (SetOffset) rows.deserializeOffset(offset.json());
  }

  /** A partition's rows, read one columnar batch at a time and copied out of its buffers. */
  private static final class PartitionRows implements Iterator<InternalRow> {
    private final PartitionReader<ColumnarBatch> reader;
    private Iterator<InternalRow> batch = Collections.emptyIterator();
    private boolean done;

    PartitionRows(PartitionReader<ColumnarBatch> reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      try {
        while (!done && !batch.hasNext()) {
          if (reader.next()) {
            batch = reader.get().rowIterator();
          } else {
            done = true;
            reader.close();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }

      return !done;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }

      return batch.next().copy();
    }
  }
}
