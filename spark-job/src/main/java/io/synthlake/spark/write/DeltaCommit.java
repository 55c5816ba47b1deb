package io.synthlake.spark.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.spark.DeltaStatistics;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.source.GeneratedRows;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.Format;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes generated rows into a Delta table through {@link DirectWriter}'s files and one Delta
 * transaction, as Delta's own writer would: files first, then a commit that adds them (and, for an
 * overwrite, removes every current file) with per-file statistics on the table's statistics
 * columns, gathered while writing. Tables with features this path does not write for (partitions,
 * column mapping by id, constraints, NOT NULL columns, generated or identity columns, row tracking,
 * append-only, string statistics) are left to Delta's writer: {@link #write} then returns false
 * before writing anything.
 */
public final class DeltaCommit {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PHYSICAL_NAME = "delta.columnMapping.physicalName";
  private static final String COLUMN_ID = "delta.columnMapping.id";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Delta writes timestamp-without-zone statistics as wall-clock text with no offset. */
  private static final DateTimeFormatter TIMESTAMP_NTZ =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private DeltaCommit() {}

  /**
   * Writes {@code rows} to the Delta table at {@code path} and commits; false (nothing written)
   * when the table is one only Delta's writer may write.
   *
   * @param statistics the statistics columns of a new table; an existing table keeps its own
   */
  public static boolean write(
      SparkSession spark,
      GeneratedRows rows,
      String path,
      WriteMode mode,
      DeltaStatistics statistics) {
    if (DirectWriter.unsupported(spark, rows).isPresent() || statistics == DeltaStatistics.ALL) {
      return false;
    }

    DeltaLog log = DeltaLog.forTable(spark, path);
    OptimisticTransaction transaction = log.startTransaction();
    boolean exists = transaction.readVersion() >= 0;
    StructType schema = rows.schema();
    boolean[] statisticsColumns;
    if (!exists) {
      Map<String, String> properties = new LinkedHashMap<>();
      statistics
          .tableProperties(schema)
          .forEach(property -> properties.put(property[0], property[1]));
      // With column mapping on, Delta assigns each column a physical name, read back below.
      properties.putAll(columnMappingProperties(schema));
      transaction.updateMetadataForNewTable(
          new Metadata(
              UUID.randomUUID().toString(),
              null,
              null,
              new Format("parquet", scalaMap(Map.of())),
              schema.json(),
              scalaSeq(List.of()),
              scalaMap(properties),
              Option.apply(System.currentTimeMillis())));
      statisticsColumns = statisticsColumns(schema, properties);
    } else {
      Optional<boolean[]> existing = writableExisting(transaction.metadata(), schema);
      if (existing.isEmpty()) {
        return false;
      }

      statisticsColumns = existing.get();
    }

    // Under column mapping the files and the statistics use each column's physical name and id, as
    // Delta assigned them.
    StructType physical = physicalSchema(transaction.metadata().schema());
    List<WrittenFile> files =
        DirectWriter.writeParquet(spark, rows, physical, path, statisticsColumns);
    List<Action> actions = new ArrayList<>();
    if (exists && mode == WriteMode.APPEND && rows.hasKeyColumns()) {
      // An append of key columns continues after the rows the table held when the run started;
      // another append
      // committing meanwhile would take the same keys. Reading every file makes Delta's conflict
      // check refuse it.
      transaction.filterFiles();
    }

    if (exists && mode == WriteMode.OVERWRITE) {
      long now = System.currentTimeMillis();
      for (AddFile file : CollectionConverters.asJava(transaction.filterFiles())) {
        actions.add(file.removeWithTimestamp(now, true));
      }
    }

    List<DataType> types = rows.types();
    Path table = new Path(path);
    for (WrittenFile file : files) {
      String relative = table.toUri().relativize(new Path(file.path()).toUri()).toString();
      actions.add(
          new AddFile(
              relative,
              scalaMap(Map.of()),
              file.bytes(),
              file.modificationTime(),
              true,
              statisticsJson(file, physical, types),
              null,
              null,
              Option.empty(),
              Option.empty(),
              Option.empty()));
    }

    try {
      transaction.commit(
          scalaSeq(actions),
          new DeltaOperations.Write(
              mode.saveMode(),
              Option.apply(scalaSeq(List.<String>of())),
              Option.empty(),
              Option.empty(),
              Option.empty(),
              Option.empty(),
              Option.empty(),
              Option.empty(),
              Option.empty()));
    } catch (DeltaConcurrentModificationException e) {
      deleteQuietly(files, spark);
      throw concurrentChange(path, e);
    }

    return true;
  }

  /**
   * The one-line error for a commit that lost to another job's: nothing of this write is in the
   * table.
   */
  public static SynthlakeException concurrentChange(String path, Exception e) {
    String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").trim();
    return new SynthlakeException(
        "another job changed the Delta table "
            + path
            + " at the same time, so this write was "
            + "not committed and the table holds none of its rows ("
            + reason
            + "); rerun it",
        e);
  }

  private static void deleteQuietly(List<WrittenFile> files, SparkSession spark) {
    for (WrittenFile file : files) {
      try {
        Path written = new Path(file.path());
        written.getFileSystem(spark.sessionState().newHadoopConf()).delete(written, false);
      } catch (IOException ignored) {
        // An orphan file is in no version of the table; VACUUM removes it.
      }
    }
  }

  /**
   * The properties a new table of {@code schema} needs for its column names: Delta refuses spaces
   * and any of {@code ,;{}()=} (real tables have {@code Body Mass (g)}) unless column mapping by
   * name is on.
   */
  public static Map<String, String> columnMappingProperties(StructType schema) {
    if (Arrays.stream(schema.fieldNames())
        .noneMatch(name -> name.matches(".*[ ,;{}()\\n\\t=].*"))) {
      return Map.of();
    }

    return Map.of(
        "delta.columnMapping.mode",
        "name",
        "delta.minReaderVersion",
        "2",
        "delta.minWriterVersion",
        "5");
  }

  /**
   * For an existing table this path may write: its statistics columns; empty when Delta's writer
   * must write it.
   */
  private static Optional<boolean[]> writableExisting(Metadata metadata, StructType schema) {
    Map<String, String> configuration = CollectionConverters.asJava(metadata.configuration());
    boolean plain =
        metadata.partitionColumns().isEmpty()
            && List.of("none", "name")
                .contains(configuration.getOrDefault("delta.columnMapping.mode", "none"))
            && !configuration.getOrDefault("delta.enableRowTracking", "false").equals("true")
            && !configuration.getOrDefault("delta.appendOnly", "false").equals("true")
            && configuration.keySet().stream()
                .noneMatch(key -> key.startsWith("delta.constraints."));
    StructType existing = metadata.schema();
    if (!plain || existing.size() != schema.size()) {
      return Optional.empty();
    }

    for (int i = 0; i < schema.size(); i++) {
      StructField field = existing.fields()[i];
      if (!field.name().equals(schema.fields()[i].name())
          || !field.dataType().equals(schema.fields()[i].dataType())
          || !field.nullable()
          || !onlyColumnMapping(field)) {
        return Optional.empty();
      }
    }

    boolean[] columns = statisticsColumns(schema, configuration);
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] && schema.fields()[i].dataType() instanceof StringType) {
        return Optional.empty(); // string statistics are truncated by rules of Delta's own
      }
    }

    return Optional.of(columns);
  }

  /**
   * The table's schema with each column named as its files name it: its physical name under column
   * mapping.
   */
  private static StructType physicalSchema(StructType table) {
    StructField[] fields = new StructField[table.size()];
    for (int i = 0; i < fields.length; i++) {
      StructField field = table.fields()[i];
      String name =
          field.metadata().contains(PHYSICAL_NAME)
              ? field.metadata().getString(PHYSICAL_NAME)
              : field.name();
      fields[i] = new StructField(name, field.dataType(), true, field.metadata());
    }

    return new StructType(fields);
  }

  /**
   * Whether a field's metadata has column mapping's keys only; any other marks a generated,
   * identity or invariant column.
   */
  private static boolean onlyColumnMapping(StructField field) {
    return new MetadataBuilder()
        .withMetadata(field.metadata())
        .remove(PHYSICAL_NAME)
        .remove(COLUMN_ID)
        .build()
        .json()
        .equals("{}");
  }

  /**
   * The columns Delta keeps statistics on under {@code configuration}: the named ones, or the first
   * N (32).
   */
  private static boolean[] statisticsColumns(StructType schema, Map<String, String> configuration) {
    boolean[] columns = new boolean[schema.size()];
    String named = configuration.get("delta.dataSkippingStatsColumns");
    if (named != null) {
      Set<String> names = new HashSet<>();
      for (String name : named.split(",")) {
        String trimmed = name.trim();
        names.add(
            trimmed.startsWith("`")
                ? trimmed.substring(1, trimmed.length() - 1).replace("``", "`")
                : trimmed);
      }

      for (int i = 0; i < columns.length; i++) {
        columns[i] = names.contains(schema.fields()[i].name());
      }

      return columns;
    }

    int first =
        Integer.parseInt(configuration.getOrDefault("delta.dataSkippingNumIndexedCols", "32"));
    for (int i = 0; i < columns.length; i++) {
      columns[i] = first < 0 || i < first;
    }

    return columns;
  }

  /**
   * Delta's per-file statistics: the row count, and per statistics column its null count and
   * (numbers, dates, timestamps) its range. Timestamps keep milliseconds, as Delta's do; the
   * maximum is rounded up rather than truncated, so that the range holds every value even for a
   * reader that does not widen it.
   */
  static String statisticsJson(WrittenFile file, StructType schema, List<DataType> types) {
    ObjectNode stats = JSON.createObjectNode();
    stats.put("numRecords", file.rows());
    ObjectNode minimums = JSON.createObjectNode();
    ObjectNode maximums = JSON.createObjectNode();
    ObjectNode nulls = JSON.createObjectNode();
    for (int i = 0; i < schema.size(); i++) {
      ColumnStatistics column = file.statistics(i);
      if (column == null) {
        continue;
      }

      String name = schema.fields()[i].name();
      nulls.put(name, column.nullCount());
      if (!column.hasRange()) {
        continue;
      }

      DataType type = types.get(i);
      LogicalType logical = type.logicalType();
      if (logical.isIntegral()) {
        minimums.put(name, column.minLong());
        maximums.put(name, column.maxLong());
      } else if (logical == LogicalType.FLOAT) {
        // The file holds floats: their range, printed as floats, as Delta does.
        minimums.put(name, (float) column.minDouble());
        maximums.put(name, (float) column.maxDouble());
      } else if (logical == LogicalType.DOUBLE) {
        minimums.put(name, column.minDouble());
        maximums.put(name, column.maxDouble());
      } else if (logical == LogicalType.DECIMAL) {
        minimums.put(name, BigDecimal.valueOf(column.minLong(), type.scale()));
        maximums.put(name, BigDecimal.valueOf(column.maxLong(), type.scale()));
      } else if (logical == LogicalType.DATE) {
        minimums.put(name, LocalDate.ofEpochDay(column.minLong()).toString());
        maximums.put(name, LocalDate.ofEpochDay(column.maxLong()).toString());
      } else if (logical == LogicalType.TIMESTAMP || logical == LogicalType.TIMESTAMP_NTZ) {
        DateTimeFormatter format = logical == LogicalType.TIMESTAMP ? TIMESTAMP : TIMESTAMP_NTZ;
        minimums.put(
            name, format.format(Instant.ofEpochMilli(Math.floorDiv(column.minLong(), 1000L))));
        maximums.put(
            name, format.format(Instant.ofEpochMilli(-Math.floorDiv(-column.maxLong(), 1000L))));
      }
    }

    stats.set("minValues", minimums);
    stats.set("maxValues", maximums);
    stats.set("nullCount", nulls);
    return stats.toString();
  }

  private static <T> Seq<T> scalaSeq(List<T> list) {
    return CollectionConverters.asScala(list).toSeq();
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
    scala.collection.immutable.Map<String, String> result =
        scala.collection.immutable.Map$.MODULE$.empty();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      result = result.updated(entry.getKey(), entry.getValue());
    }

    return result;
  }
}
