package io.synthlake.spark.write;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.types.DataType;
import io.synthlake.spark.source.GeneratedRows;
import io.synthlake.spark.source.PartitionGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Writes generated rows as Parquet files without Spark's rows: one task per partition generates its
 * blocks and writes them column by column into one file (see {@link ParquetFileWriter}). The files
 * are what Spark's Parquet writer would write for the same session settings (types, compression,
 * row groups, footer schema), and the caller commits them: by moving them into place, or by adding
 * them to a Delta log.
 */
public final class DirectWriter {
  private DirectWriter() {}

  /**
   * Why {@code rows} cannot be written this way under {@code spark}'s settings, or empty when they
   * can: settings Spark's writer honours that this one does not (legacy format, millisecond
   * timestamps) and decimals wider than 18 digits leave the write to Spark.
   */
  public static Optional<String> unsupported(SparkSession spark, GeneratedRows rows) {
    if (Boolean.parseBoolean(spark.conf().get("spark.sql.parquet.writeLegacyFormat", "false"))) {
      return Optional.of("spark.sql.parquet.writeLegacyFormat is on");
    }

    if (timestampType(spark).equals("TIMESTAMP_MILLIS")) {
      return Optional.of("timestamps are written in milliseconds");
    }

    String[] names = rows.schema().fieldNames();
    List<DataType> types = rows.types();
    for (int i = 0; i < names.length; i++) {
      if (ParquetColumn.of(names[i], -1, types.get(i), false) == null) {
        return Optional.of(
            "column '" + names[i] + "' is a " + types.get(i) + ", wider than this writer takes");
      }
    }

    return Optional.empty();
  }

  /**
   * Writes one Parquet file per partition of {@code rows} into {@code directory} (which need not
   * exist) and returns them in partition order, after checking that they hold the rows asked for.
   * The files of failed and speculative attempts, which no result names, are deleted before this
   * returns.
   *
   * @param statisticsColumns per output column, whether to gather {@link ColumnStatistics} for a
   *     Delta log
   */
  /**
   * How long a finished write waits for the attempts Spark is still killing before it removes their
   * files.
   */
  static final long ATTEMPT_WAIT_MILLIS = 60_000;

  public static List<WrittenFile> writeParquet(
      SparkSession spark, GeneratedRows rows, String directory, boolean[] statisticsColumns) {
    return writeParquet(spark, rows, rows.schema(), directory, statisticsColumns);
  }

  /**
   * Like {@link #writeParquet(SparkSession, GeneratedRows, String, boolean[])}, with the files' own
   * column names (and Parquet field ids, from {@code delta.columnMapping.id} metadata) taken from
   * {@code fileSchema}: a Delta table under column mapping names its files' columns by physical
   * name.
   */
  public static List<WrittenFile> writeParquet(
      SparkSession spark,
      GeneratedRows rows,
      StructType fileSchema,
      String directory,
      boolean[] statisticsColumns) {
    boolean int96 = timestampType(spark).equals("INT96");
    String codecName =
        spark.conf().get("spark.sql.parquet.compression.codec", "snappy").toUpperCase(Locale.ROOT);
    CompressionCodecName codec =
        codecName.equals("NONE")
            ? CompressionCodecName.UNCOMPRESSED
            : CompressionCodecName.valueOf(codecName);
    String[] names = fileSchema.fieldNames();
    int[] ids = new int[names.length];
    for (int i = 0; i < ids.length; i++) {
      Metadata metadata = fileSchema.fields()[i].metadata();
      ids[i] =
          metadata.contains("delta.columnMapping.id")
              ? (int) metadata.getLong("delta.columnMapping.id")
              : -1;
    }

    HashMap<String, String> footer = new HashMap<>();
    footer.put("org.apache.spark.version", spark.version());
    footer.put("org.apache.spark.sql.parquet.row.metadata", fileSchema.json());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        context.broadcast(new SerializableConfiguration(spark.sessionState().newHadoopConf()));
    PartitionGenerator generator = rows.broadcast(spark);
    String job = UUID.randomUUID().toString();
    List<Integer> partitions = new ArrayList<>();
    for (int i = 0; i < generator.partitions(); i++) {
      partitions.add(i);
    }

    boolean[] wanted = statisticsColumns.clone();
    // A job group of its own, with interruption: Spark then interrupts the attempts it no longer
    // needs (the losers of
    // speculation), and this job's attempts can be waited for by group.
    context.setJobGroup(
        job, "synthlake: generate " + rows.rows() + " rows into " + directory, true);
    try {
      List<WrittenFile> files =
          context
              .parallelize(partitions, Math.max(1, partitions.size()))
              .map(
                  partition ->
                      writePartition(
                          generator,
                          partition,
                          names,
                          ids,
                          int96,
                          codec,
                          footer,
                          wanted,
                          conf.value().value(),
                          directory,
                          job))
              .collect();
      removeOtherAttempts(context, job, files, directory, conf.value().value());
      WrittenRows.check(rows.rows(), files, directory);
      return files;
    } finally {
      context.clearJobGroup();
    }
  }

  /**
   * Deletes the files of this job's failed, killed and speculative attempts, which no result names:
   * a retried task leaves its first attempt's partial file, and a directory moved into place must
   * hold only the files that count. Waits first (at most {@value #ATTEMPT_WAIT_MILLIS} ms) for
   * attempts Spark is still killing, so none writes after.
   */
  private static void removeOtherAttempts(
      JavaSparkContext context,
      String job,
      List<WrittenFile> files,
      String directory,
      Configuration conf) {
    long deadline = System.currentTimeMillis() + ATTEMPT_WAIT_MILLIS;
    while (activeTasks(context, job) > 0 && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }

    Set<String> kept = new HashSet<>();
    files.forEach(file -> kept.add(new Path(file.path()).getName()));
    Path dir = new Path(directory);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (name.contains("-" + job + "-c") && !kept.contains(name)) {
          fs.delete(status.getPath(), false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the files of failed task attempts from " + directory, e);
    }
  }

  private static int activeTasks(JavaSparkContext context, String job) {
    int active = 0;
    for (int id : context.statusTracker().getJobIdsForGroup(job)) {
      SparkJobInfo info = context.statusTracker().getJobInfo(id);
      for (int stage : info == null ? new int[0] : info.stageIds()) {
        SparkStageInfo stageInfo = context.statusTracker().getStageInfo(stage);
        active += stageInfo == null ? 0 : stageInfo.numActiveTasks();
      }
    }

    return active;
  }

  /**
   * Spark's setting for Parquet timestamps: INT96 (its default), TIMESTAMP_MICROS or
   * TIMESTAMP_MILLIS.
   */
  private static String timestampType(SparkSession spark) {
    return spark
        .conf()
        .get("spark.sql.parquet.outputTimestampType", "INT96")
        .toUpperCase(Locale.ROOT);
  }

  private static WrittenFile writePartition(
      PartitionGenerator generator,
      int partition,
      String[] names,
      int[] ids,
      boolean int96,
      CompressionCodecName codec,
      Map<String, String> footer,
      boolean[] statisticsColumns,
      Configuration conf,
      String directory,
      String job)
      throws IOException {
    List<DataType> types = generator.types();
    ParquetColumn[] columns = new ParquetColumn[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = ParquetColumn.of(names[i], ids[i], types.get(i), int96);
    }

    TaskContext task = TaskContext.get();
    int attempt = task == null ? 0 : task.attemptNumber();
    Path path =
        new Path(
            directory,
            String.format(
                Locale.ROOT,
                "part-%05d-%s-c%03d%s.parquet",
                partition,
                job,
                attempt,
                codec.getExtension()));
    try (ParquetFileWriter writer =
        new ParquetFileWriter(path, columns, codec, footer, statisticsColumns, conf)) {
      ColumnSink[] sinks = writer.sinks();
      generator.generate(
          partition,
          sinks,
          blockRows -> {
            try {
              writer.writeBlock(blockRows);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      writer.finish();
      FileStatus status = path.getFileSystem(conf).getFileStatus(path);
      return new WrittenFile(
          path.toString(),
          status.getLen(),
          status.getModificationTime(),
          writer.rows(),
          writer.statistics());
    }
  }
}
