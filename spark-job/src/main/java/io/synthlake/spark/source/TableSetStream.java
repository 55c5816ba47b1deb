package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.model.TableSet;
import io.synthlake.spark.GenerateOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.types.StructType;

/**
 * A stream of one table of a set, whose offsets are root rows of the table's root ({@link
 * SetOffset}): micro-batch k holds every row of the table under root rows [a, b), the rows a batch
 * read of the set gives under those root rows, with the same key values. A child's rows are in the
 * batch of their root row, so a parent's stream and a child's stream with the same options put
 * every child in the same batch as its parent, and a history's rows in one batch, in order. Batches
 * hold whole root blocks ({@value TableSampler#BLOCK_ROWS} root rows), except the last of a bounded
 * stream: the offsets carry each table's rows before them, so that a batch counts its own blocks
 * only, with one job, and never the ones before. A further foreign key of a root block picks among
 * the rows its table has by the end of that block ({@link #visibleRows}), by the same popularity
 * draw as a batch read but in an order in which a parent keeps its rank as its table grows.
 */
final class TableSetStream implements PacedStream {
  private final ModelCache.Entry entry;
  private final String table;
  private final String root;
  private final long seed;
  private final StreamOptions options;
  private final StructType readSchema;
  private final int[] columns;
  private final int width;
  private final StreamPace pace;

  /** What the offsets name as the stream's model: the set's content key, or its spec's. */
  private final String identity;

  /** The ancestors' columns generated after the table's own. */
  private final List<AncestorColumns.Column> carried;

  /** Each table's rows per root block of the batches planned here, by their first root block. */
  private final Map<Long, long[][]> counted = new HashMap<>();

  private Broadcast<TableSetBroadcast> broadcast;
  private PartitionReaderFactory readers;

  TableSetStream(
      ModelCache.Entry entry,
      String table,
      StreamOptions options,
      StructType readSchema,
      int[] columns,
      int width) {
    this(entry, table, options, readSchema, columns, width, entry.key(), List.of());
  }

  /**
   * A stream whose offsets name {@code identity} as their model, generating the ancestors' columns
   * {@code carried} after the table's own (a set spec's stream, {@link SpecSetStream}).
   */
  TableSetStream(
      ModelCache.Entry entry,
      String table,
      StreamOptions options,
      StructType readSchema,
      int[] columns,
      int width,
      String identity,
      List<AncestorColumns.Column> carried) {
    this.entry = entry;
    this.identity = identity;
    this.carried = List.copyOf(carried);
    this.table = table;
    this.root = entry.tableSet().root(table).name();
    this.seed = options.seed;
    this.options = options;
    this.readSchema = readSchema;
    this.columns = columns;
    this.width = width;
    this.pace = new StreamPace(options);
  }

  /**
   * Fails in one line when {@code table} of {@code set} cannot be streamed: a further foreign key
   * to a child table of another tree, whose rows the stream's root rows do not count.
   */
  static void check(TableSet set, String table) {
    String root = set.root(table).name();
    for (TableSet.ForeignKey key : set.table(table).foreignKeys()) {
      TableSet.Table referenced = set.table(key.parentTable());
      SynthlakeException.check(
          key.isParent()
              || referenced.parent() == null
              || set.root(referenced.name()).name().equals(root),
          "table '%s' cannot be streamed: its foreign key to '%s' picks among the rows of a child "
              + "table of root '%s', which a stream of root '%s' does not count; read it with "
              + "spark.read() and the option 'table'",
          table,
          key.parentTable(),
          set.root(referenced.name()).name(),
          root);
    }
  }

  @Override
  public StreamPace pace() {
    return pace;
  }

  @Override
  public Offset initialOffset() {
    return new SetOffset(0, new long[entry.tableSet().tables().size()], identity, seed);
  }

  @Override
  public Offset deserializeOffset(String json) {
    return SetOffset.parse(json, entry.tableSet().tables().size(), identity, seed);
  }

  /**
   * The end of the next batch: the pace's root rows, in whole root blocks (rounded up when the pace
   * is a count, so that a batch of fewer rows than a block still moves; down when it is the clock,
   * so that a block comes once it is all due), or the stream's last root row.
   */
  @Override
  public Offset latestOffset(Offset startOffset, ReadLimit limit) {
    SetOffset start = (SetOffset) startOffset;
    long due = pace.next(start.rootRow);
    long block = TableSampler.BLOCK_ROWS;
    long end = due / block * block;
    if (pace.counted() && end < due) {
      end = Math.min(GenerateOptions.MAX_ROWS, end + block);
    }

    end = Math.min(end, options.endRow);
    if (end <= start.rootRow) {
      return start;
    }

    long first = start.rootRow / block;
    long[][] counts = count(first, TableSetSampler.rootBlocks(end));
    counted.put(first, counts);
    long[] before = start.rowsBefore();
    for (long[] blockRows : counts) {
      for (int t = 0; t < before.length; t++) {
        before[t] = Math.addExact(before[t], blockRows[t]);
      }
    }

    return new SetOffset(end, before, identity, seed);
  }

  @Override
  public InputPartition[] planInputPartitions(Offset startOffset, Offset endOffset) {
    SetOffset start = (SetOffset) startOffset;
    SetOffset end = (SetOffset) endOffset;
    if (end.rootRow <= start.rootRow) {
      return new InputPartition[0];
    }

    long first = start.rootRow / TableSampler.BLOCK_ROWS;
    long endBlock = TableSetSampler.rootBlocks(end.rootRow);
    // A batch planned before a restart is counted again: its blocks only.
    long[][] counts = counted.remove(first);
    if (counts == null || counts.length != endBlock - first) {
      counts = count(first, endBlock);
    }

    long[][] rowsBefore = new long[counts.length][];
    long[] running = start.rowsBefore();
    for (int b = 0; b < counts.length; b++) {
      rowsBefore[b] = running.clone();
      for (int t = 0; t < running.length; t++) {
        running[t] += counts[b][t];
      }
    }

    SynthlakeException.check(
        Arrays.equals(running, end.rowsBefore()),
        "the stream's checkpoint does not match the rows of its model (rows %s, now counted %s): "
            + "start the query with a new checkpoint location",
        Arrays.toString(end.rowsBefore()),
        Arrays.toString(running));
    long[][] visible = visibleRows(first, rowsBefore, counts);
    int index = entry.tableSet().indexOf(table);
    long rows = running[index] - start.rowsBefore()[index];
    long partitions =
        options.partitions.isPresent()
            ? options.partitions.getAsLong()
            : GenerateOptions.defaultPartitions(
                Math.max(1, rows), SparkSession.active().sparkContext().defaultParallelism());
    int count = (int) Math.max(1, Math.min(partitions, counts.length));
    InputPartition[] split = new InputPartition[count];
    for (int i = 0; i < count; i++) {
      int from = (int) ((long) counts.length * i / count);
      int to = (int) ((long) counts.length * (i + 1) / count);
      split[i] =
          new TableSetPartition(
              first + from,
              first + to,
              Arrays.copyOfRange(rowsBefore, from, to),
              null,
              Arrays.copyOfRange(visible, from, to));
    }

    return split;
  }

  /**
   * Each table's rows by the end of each root block from {@code first}, among which the block's
   * further foreign keys pick: those under its root rows so far for the tables of the stream's
   * tree, and for another root table its rows in proportion, as a batch read of that many root rows
   * sizes it ({@link TableSetLayout#rootRows}). So a row's keys depend on its root block only, not
   * on the batches' bounds, and a key points at a row its table's stream has by the same batch.
   */
  private long[][] visibleRows(long first, long[][] rowsBefore, long[][] counts) {
    TableSet set = entry.tableSet();
    long rootInput = set.table(root).inputRows();
    long[][] visible = new long[counts.length][];
    for (int b = 0; b < counts.length; b++) {
      long rootRows = Math.min((first + b + 1) * TableSampler.BLOCK_ROWS, options.endRow);
      visible[b] = new long[counts[b].length];
      for (int t = 0; t < visible[b].length; t++) {
        TableSet.Table other = set.tables().get(t);
        if (set.root(other.name()).name().equals(root)) {
          visible[b][t] = rowsBefore[b][t] + counts[b][t];
        } else if (other.parent() == null) {
          double scale = (double) other.inputRows() / rootInput;
          visible[b][t] = Math.max(1, Math.round(rootRows * scale));
        }
      }
    }

    return visible;
  }

  /**
   * The readers of the table's rows. The root's rows are those of a root table of the stream's
   * bound, as a batch read of that many root rows has them (its last block may be short), or all
   * full blocks when unbounded. The set's sizes are left at zero: a further foreign key picks among
   * the rows each partition gives for its blocks ({@link #visibleRows}).
   */
  @Override
  public PartitionReaderFactory createReaderFactory() {
    if (readers == null) {
      readers =
          new TableSetTable.ReaderFactory(
              broadcast(),
              table,
              options.endRow,
              new long[entry.tableSet().tables().size()],
              readSchema,
              columns,
              width,
              carried);
    }

    return readers;
  }

  @Override
  public void stop() {
    if (broadcast != null) {
      broadcast.destroy();
    }
  }

  /** Each table's rows in root blocks [first, end). */
  private long[][] count(long first, long end) {
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
    return TableSetLayouts.count(
        context, broadcast(), entry.tableSet(), root, options.endRow, first, end);
  }

  /** One broadcast of the set for the whole stream, not one per micro-batch. */
  private Broadcast<TableSetBroadcast> broadcast() {
    if (broadcast == null) {
      broadcast =
          JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext())
              .broadcast(new TableSetBroadcast(entry, seed));
    }

    return broadcast;
  }
}
