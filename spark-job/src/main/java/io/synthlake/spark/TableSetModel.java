package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.generate.ExactRows;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.model.TableSet;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.source.ModelCache;
import io.synthlake.spark.source.SynthlakeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted set of related tables: saved as versioned JSON (docs/model-format.md), loaded back, and
 * generating every table as a Spark DataFrame whose foreign keys all join. Immutable. Get one from
 * {@link Synthesizer#fitTables} or {@link #load}.
 *
 * <pre>{@code
 * TableSetModel shop = TableSetModel.load(spark, "s3a://bucket/models/shop.json");
 * Map<String, Dataset<Row>> tables = shop.generate(spark, "customers", 10_000_000L,
 *     GenerateOptions.defaults());
 * tables.forEach((name, rows) -> TableWriter.toPath(rows, "s3a://bucket/shop/" + name,
 *     WriteOptions.defaults()));
 * }</pre>
 */
@PublicApi
public final class TableSetModel {
  private final TableSet set;
  private final String json;

  /** The set as the data source knows it, handed over in-process by {@link #generate}. */
  private final ModelCache.Entry shared;

  TableSetModel(TableSet set) {
    this.set = set;
    this.json = TableSetJson.toJson(set);
    this.shared = ModelCache.share(set, json);
  }

  /**
   * Loads a table-set file from any Hadoop file system, with {@code spark}'s configuration.
   *
   * @param spark the Spark session (its Hadoop configuration reaches the file system)
   * @param path the file, written by {@link #save} or {@code synthlake fit} with several inputs
   * @return the set
   */
  public static TableSetModel load(SparkSession spark, String path) {
    return new TableSetModel(
        TableSetJson.fromJson(
            ModelFiles.read(path, spark.sparkContext().hadoopConfiguration()), path));
  }

  /**
   * Saves the set as versioned JSON to any Hadoop file system.
   *
   * @param spark the Spark session (its Hadoop configuration reaches the file system)
   * @param path the file to write
   */
  public void save(SparkSession spark, String path) {
    ModelFiles.write(path, json, spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Every table of the set, generated so that each foreign key joins: {@code rows} rows of table
   * {@code table} when it is a root (a table without parent), the other roots scaled as in the
   * fitted data, and every child table as many rows as its parents' drawn counts give (a child
   * named here sets its root's size from the fitted ratio, so its own count comes out close to
   * {@code rows}, or exactly {@code rows} with {@link GenerateOptions#withExactRows}). One cheap
   * Spark job counts each root block's rows (a few growing ones for an exact count); nothing else
   * runs until a query reads the tables. The same seed gives the same rows in every table, whatever
   * the partitioning.
   *
   * @param spark the Spark session
   * @param table the table whose size {@code rows} sets
   * @param rows how many rows it gets
   * @param options the seed, and optionally the partition count of every table, whether {@code
   *     table} gets exactly {@code rows} rows, and a condition ({@link GenerateOptions#where})
   *     every row of the one table it names satisfies (see docs/how-it-works.md, conditional
   *     generation on a set)
   * @return each table's rows, as lazy DataFrames, in set order
   */
  public Map<String, Dataset<Row>> generate(
      SparkSession spark, String table, long rows, GenerateOptions options) {
    return generate(spark, table, rows, options, Map.of());
  }

  /**
   * As {@link #generate(SparkSession, String, long, GenerateOptions)}, each table {@code carried}
   * names also giving the columns of its ancestors' rows listed for it, after its own columns under
   * their hidden names ({@link AncestorColumns.Column#hiddenName}), for a spec's derived columns.
   */
  Map<String, Dataset<Row>> generate(
      SparkSession spark,
      String table,
      long rows,
      GenerateOptions options,
      Map<String, List<AncestorColumns.Column>> carried) {
    set.table(table);
    SynthlakeException.check(
        options.firstRow() == 0,
        "a set of related tables is generated whole, so it has no first row: leave "
            + "GenerateOptions.withFirstRow out");
    SynthlakeException.check(
        options.edgeCaseColumns().isEmpty() && options.edgeCaseNotNull().isEmpty(),
        "GenerateOptions.withEdgeCaseColumns and withEdgeCaseNotNull name one table's columns;"
            + " for a set, read the table through the data source with the options"
            + " 'edge-case-columns' and 'edge-case-not-null', or leave them out");
    // Checks rows before any job.
    if (options.exactRows()) {
      ExactRows.check(set, table, rows);
    }

    TableSetLayout.rootRows(set, table, rows);
    if (options.where() != null) {
      // Fails in one line, before any job, on a condition the set cannot hold.
      shared.conditioned(options.where());
    }

    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (String name : set.names()) {
      DataFrameReader reader =
          spark
              .read()
              .format(SynthlakeSource.NAME)
              .option("model-key", shared.key())
              .option("table", name)
              .option("rows-of", table)
              .option("rows", Long.toString(rows))
              .option("seed", Long.toString(options.seed()))
              .option("exact-rows", Boolean.toString(options.exactRows()));
      if (options.partitions() > 0) {
        reader = reader.option("partitions", Integer.toString(options.partitions()));
      }

      if (options.where() != null) {
        // Every table reads the set conditioned alike, so that the keys join.
        reader = reader.option("where", options.where());
      }

      if (options.edgeCases().isPresent()) {
        // Each table's own columns, never its keys: the tables still join.
        reader = reader.option("edge-cases", Double.toString(options.edgeCases().getAsDouble()));
      }

      List<AncestorColumns.Column> columns = carried.getOrDefault(name, List.of());
      if (!columns.isEmpty()) {
        Map.Entry<String, String> option = SynthlakeSource.ancestorColumnsOption(columns);
        reader = reader.option(option.getKey(), option.getValue());
      }

      tables.put(name, reader.load());
    }

    return tables;
  }

  /**
   * The tables' names, every parent before its children.
   *
   * @return the names
   */
  public List<String> tables() {
    return set.names();
  }

  /**
   * The Spark schema of a generated table: its columns in order, foreign keys typed as their keys.
   *
   * @param table a table of the set
   * @return the schema
   */
  public StructType schema(String table) {
    return SynthlakeSource.schema(set, table);
  }

  /**
   * The table's parent (whose rows its rows are generated beside), or null for a root.
   *
   * @param table a table of the set
   * @return the parent's name, or null
   */
  public String parent(String table) {
    return set.table(table).parent();
  }

  /**
   * The set as versioned JSON, exactly what {@link #save} writes.
   *
   * @return the JSON text
   */
  public String toJson() {
    return json;
  }

  /**
   * A human-readable summary: the tables, their keys and how many children a parent row has.
   *
   * @return the description, several lines
   */
  public String describe() {
    return TableSetDescription.of(set);
  }

  /** The core set, for this package's classes. */
  TableSet set() {
    return set;
  }
}
