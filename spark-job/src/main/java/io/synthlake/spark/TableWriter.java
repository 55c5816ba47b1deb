package io.synthlake.spark;

import io.delta.tables.DeltaTable;
import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.internal.OutputDirectory;
import io.synthlake.spark.internal.SparkJobErrors;
import io.synthlake.spark.source.GeneratedRows;
import io.synthlake.spark.write.DeltaCommit;
import io.synthlake.spark.write.DirectWriter;
import io.synthlake.spark.write.OutputPublisher;
import io.synthlake.spark.write.WrittenRows;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;

/**
 * Writes rows (generated or not) so that a failure leaves nothing half-written. Delta commits
 * atomically by itself. Parquet, CSV and JSON are written to a hidden staging directory beside the
 * target and moved into place only after the Spark job has succeeded; an overwritten target is
 * replaced only then. Rows that are purely generated columns are written to Parquet and Delta
 * straight from the generated blocks: the same files, without Spark's rows. Before a write is
 * published, its rows are counted against the rows asked for (the direct writers' own counts, the
 * rows Spark observed on their way into its writer); a Delta commit by Delta's writer is checked on
 * its {@code numOutputRows} metric. The output directory is checked before any job starts:
 * writable, and empty or a table of the format written. CSV and JSON files hold timestamps in the
 * plainest form that keeps a column's values exactly, {@code 2001-04-30 08:57:00}, in the session
 * time zone; a catalog table keeps Spark's typed form.
 *
 * <pre>{@code
 * TableWriter.toPath(rows, "s3a://bucket/fixtures/orders",
 *     WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.OVERWRITE).build());
 * TableWriter.toTable(rows, "fixtures.orders", WriteOptions.defaults());
 * }</pre>
 */
@PublicApi
public final class TableWriter {
  private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

  private TableWriter() {}

  /**
   * Writes {@code rows} to the directory {@code path} (any Hadoop file system) in the format, mode
   * and Delta statistics of {@code options}.
   *
   * @param rows the rows to write
   * @param path the output directory, on any Hadoop file system
   * @param options the format, the write mode and a new Delta table's statistics columns
   */
  public static void toPath(Dataset<Row> rows, String path, WriteOptions options) {
    OutputFormat format = options.format();
    WriteMode mode = options.mode();
    DeltaStatistics statistics = options.deltaStatistics();
    Path target = new Path(path);
    FileSystem fs = fileSystem(rows, target);
    OutputPublisher publisher = OutputPublisher.of(fs, target);
    recover(publisher, path).forEach(line -> LOG.warn("{}", line));
    boolean exists = exists(fs, target);
    if (exists && mode == WriteMode.ERROR) {
      throw SparkJobErrors.alreadyExists("output " + path, Setting.OUTPUT);
    }

    OutputDirectory directory = new OutputDirectory(fs, target, path);
    directory.checkHolds(format, mode);
    directory.checkWritable();
    OptionalLong asked = GeneratedRows.rowCount(rows);
    if (format == OutputFormat.DELTA) {
      Optional<GeneratedRows> generated = GeneratedRows.of(rows);
      boolean throughDelta;
      try {
        if (!exists) {
          publisher
              .markCreating(); // a kill before the first commit leaves a directory the next run
          // removes
        }

        throughDelta =
            generated.isEmpty()
                || !DeltaCommit.write(rows.sparkSession(), generated.get(), path, mode, statistics);
        if (throughDelta) {
          try {
            deltaWriter(rows, mode, exists, statistics).save(path);
          } catch (DeltaConcurrentModificationException e) {
            throw DeltaCommit.concurrentChange(path, e);
          }
        }

        if (!exists) {
          publisher.created();
        }
      } catch (IOException e) {
        throw new SynthlakeException(
            "cannot write the Delta table " + path + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        if (!exists) {
          deleteQuietly(
              fs,
              target); // a table that never committed: leave no directory of orphan files behind
        }

        throw e;
      }

      if (throughDelta && asked.isPresent()) {
        checkLastCommit(
            DeltaTable.forPath(rows.sparkSession(), path),
            asked.getAsLong(),
            "delta.`" + path + "`");
      }

      return;
    }

    Path staging = null;
    try {
      staging = publisher.newStaging();
      Optional<GeneratedRows> direct =
          format == OutputFormat.PARQUET ? directlyWritable(rows) : Optional.empty();
      if (direct.isPresent()) {
        // DirectWriter checks the rows its files hold against the rows asked for.
        DirectWriter.writeParquet(
            rows.sparkSession(),
            direct.get(),
            staging.toString(),
            new boolean[direct.get().schema().size()]);
        fs.create(new Path(staging, "_SUCCESS")).close();
      } else {
        Observation written = new Observation("synthlake-written-rows-" + UUID.randomUUID());
        TextForms text = format == OutputFormat.PARQUET ? null : TextForms.of(rows);
        Dataset<Row> out = text == null ? rows : text.rows();
        Dataset<Row> counted =
            asked.isPresent()
                ? out.observe(written, functions.count(functions.lit(1)).as("rows"))
                : out;
        DataFrameWriter<Row> writer =
            counted.write().format(format.sparkName()).option("header", "true");
        if (text != null && text.timestampFormat() != null) {
          writer = writer.option("timestampFormat", text.timestampFormat());
        }

        writer.mode(SaveMode.ErrorIfExists).save(staging.toString());
        if (asked.isPresent()) {
          WrittenRows.check(asked.getAsLong(), observedRows(written), path);
        }
      }

      if (mode == WriteMode.APPEND && exists) {
        publisher.append(staging);
      } else {
        publisher.overwrite(staging);
      }
    } catch (IOException e) {
      throw new SynthlakeException(
          "cannot move the written files into "
              + path
              + ": "
              + e.getMessage()
              + "; run synthlake recover "
              + path
              + " to complete or clean up",
          e);
    } finally {
      if (staging != null) {
        publisher.discard(staging);
      }
    }
  }

  /**
   * The rows Spark counted on their way into the writer; the count arrives when the write's query
   * finishes.
   */
  private static long observedRows(Observation written) {
    try {
      Row metrics = Await.result(written.future(), Duration.create(5, TimeUnit.MINUTES));
      return metrics.getLong(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SynthlakeException("interrupted while counting the rows written", e);
    } catch (
        Exception
            e) { // Await declares Exception; it throws TimeoutException when the count never comes
      throw new SynthlakeException(
          "generate: Spark did not report how many rows it wrote within 5 minutes, so nothing was "
              + "published: rerun, and report it if it happens again",
          e);
    }
  }

  /**
   * Checks the commit Delta's own writer just made: its {@code numOutputRows} metric against the
   * rows asked for. Delta records the metric unless {@code
   * spark.databricks.delta.history.metricsEnabled} is off; then there is nothing to check.
   */
  private static void checkLastCommit(DeltaTable table, long asked, String name) {
    Row last = table.history(1).first();
    Map<String, String> metrics = last.getJavaMap(last.fieldIndex("operationMetrics"));
    if (metrics == null || !metrics.containsKey("numOutputRows")) {
      LOG.info("Delta recorded no row count for {}; the rows written were not checked", name);
      return;
    }

    WrittenRows.checkCommitted(
        asked,
        Long.parseLong(metrics.get("numOutputRows")),
        name,
        last.getLong(last.fieldIndex("version")));
  }

  /**
   * The generated rows behind {@code rows} when they can skip Spark's row writer: a query that only
   * picks generated columns, under Parquet settings the direct writer honours. Anything else goes
   * through Spark.
   */
  private static Optional<GeneratedRows> directlyWritable(Dataset<Row> rows) {
    Optional<GeneratedRows> generated = GeneratedRows.of(rows);
    if (generated.isEmpty()) {
      return generated;
    }

    Optional<String> unsupported = DirectWriter.unsupported(rows.sparkSession(), generated.get());
    unsupported.ifPresent(reason -> LOG.info("Writing through Spark's Parquet writer: {}", reason));
    return unsupported.isPresent() ? Optional.empty() : generated;
  }

  /**
   * Writes {@code rows} to the catalog table {@code name} (Delta needs the Delta catalog
   * configured).
   *
   * @param rows the rows to write
   * @param name the catalog table name
   * @param options the format, the write mode and a new Delta table's statistics columns
   */
  public static void toTable(Dataset<Row> rows, String name, WriteOptions options) {
    OutputFormat format = options.format();
    WriteMode mode = options.mode();
    DeltaStatistics statistics = options.deltaStatistics();
    if (mode == WriteMode.ERROR && rows.sparkSession().catalog().tableExists(name)) {
      throw SparkJobErrors.alreadyExists("table " + name, Setting.TABLE);
    }

    boolean exists = rows.sparkSession().catalog().tableExists(name);
    OptionalLong asked = GeneratedRows.rowCount(rows);
    if (format == OutputFormat.DELTA) {
      deltaWriter(rows, mode, exists, statistics).saveAsTable(name);
      if (asked.isPresent()) {
        checkLastCommit(DeltaTable.forName(rows.sparkSession(), name), asked.getAsLong(), name);
      }

      return;
    }

    Observation written = new Observation("synthlake-written-rows-" + UUID.randomUUID());
    Dataset<Row> counted =
        asked.isPresent()
            ? rows.observe(written, functions.count(functions.lit(1)).as("rows"))
            : rows;
    counted.write().format(format.sparkName()).mode(mode.saveMode()).saveAsTable(name);
    if (asked.isPresent()) {
      // A catalog table's files are in place once Spark's writer returns: the check can only report
      // the loss.
      WrittenRows.check(asked.getAsLong(), observedRows(written), "table " + name);
    }
  }

  /**
   * Delta's own writer, with a new table's statistics columns and, where its names need it, column
   * mapping.
   */
  private static DataFrameWriter<Row> deltaWriter(
      Dataset<Row> rows, WriteMode mode, boolean exists, DeltaStatistics statistics) {
    DataFrameWriter<Row> writer = rows.write().format("delta").mode(mode.saveMode());
    boolean creates = !exists || mode == WriteMode.OVERWRITE;
    if (creates) {
      for (String[] property : statistics.tableProperties(rows.schema())) {
        writer = writer.option(property[0], property[1]);
      }

      for (Map.Entry<String, String> property :
          DeltaCommit.columnMappingProperties(rows.schema()).entrySet()) {
        writer = writer.option(property.getKey(), property.getValue());
      }
    }

    return writer;
  }

  /**
   * Completes or cleans up what a killed earlier write to {@code path} left; returns what it did.
   */
  private static List<String> recover(OutputPublisher publisher, String path) {
    try {
      return publisher.recover(false);
    } catch (IOException e) {
      throw SynthlakeException.of(
          "cannot recover what an earlier write left at %s: %s; run synthlake recover %s",
          path, e.getMessage(), path);
    }
  }

  /**
   * Completes an interrupted publication at {@code path}, removes the staging directories of killed
   * jobs (every one, with {@code force}: the caller knows no job writes there) and a Delta table
   * that never committed. Returns what it did, one line each.
   *
   * @param spark the Spark session (its Hadoop configuration reaches the file system)
   * @param path the output directory, on any Hadoop file system
   * @param force whether every staging directory may be removed (no job writes there)
   * @return what was done, one line each
   */
  public static List<String> recover(SparkSession spark, String path, boolean force) {
    Path target = new Path(path);
    try {
      return OutputPublisher.of(
              target.getFileSystem(spark.sparkContext().hadoopConfiguration()), target)
          .recover(force);
    } catch (IOException e) {
      throw SynthlakeException.of("cannot recover %s: %s", path, e.getMessage());
    }
  }

  private static FileSystem fileSystem(Dataset<Row> rows, Path path) {
    try {
      return path.getFileSystem(rows.sparkSession().sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new SynthlakeException(
          "cannot open the file system of " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(FileSystem fs, Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new SynthlakeException(
          "cannot check whether " + path + " exists: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(FileSystem fs, Path path) {
    try {
      fs.delete(path, true);
    } catch (IOException ignored) {
      // Best effort: a leftover hidden staging directory is ignored by readers.
    }
  }
}
