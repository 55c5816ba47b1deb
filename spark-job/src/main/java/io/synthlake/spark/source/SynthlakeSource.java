package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.internal.SparkTypes;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.execution.streaming.Source;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import org.apache.spark.sql.sources.SchemaRelationProvider;
import org.apache.spark.sql.sources.StreamSourceProvider;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.Option;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code synthlake} data source: {@code spark.read().format("synthlake").option("model",
 * path).option("rows", n) .load()} generates n rows from a model file, with optional {@code seed},
 * {@code partitions} and {@code first-row} (the run gives rows first-row to first-row + n - 1 of
 * the seed's stream, default 0) and {@code where} (every row satisfies the condition, drawn from
 * the model's conditional distribution: see {@link io.synthlake.core.generate.ConditionalModel}).
 * The model is read on the driver and broadcast; executors generate their blocks independently,
 * with no shuffle. The option {@code spec} reads a spec instead ({@link SpecTables}); the option
 * {@code table} one table of a set. With {@code rowsPerSecond} or {@code rowsPerBatch} the source
 * is a stream: of a model's rows ({@link GenerationStream}), a spec's ({@link SpecStream}) or one
 * table of a set's, by root rows ({@link TableSetStream}).
 */
public final class SynthlakeSource
    implements TableProvider,
        DataSourceRegister,
        RelationProvider,
        SchemaRelationProvider,
        StreamSourceProvider {
  public static final String NAME = "synthlake";

  /**
   * The model this source last loaded and the options that named it, kept between inferSchema and
   * getTable.
   */
  private String loadedFrom;

  private ModelCache.Entry loaded;

  @Override
  public String shortName() {
    return NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    if (options.containsKey(SourceOptions.SPEC)) {
      // Read through the older interfaces (CatalogRelation, SpecStream), which hold the schema.
      return new StructType();
    }

    ModelCache.Entry entry = load(options);
    StructType schema =
        entry.isTableSet()
            ? TableSetTable.schema(
                entry.tableSet(), tableOf(entry, options), SourceOptions.ancestorColumns(options))
            : schema(entry.model());
    return EdgeCaseOptions.asked(options) ? EdgeCaseOptions.withMarker(schema) : schema;
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
    if (options.containsKey(SourceOptions.SPEC)) {
      return SpecTables.FALLBACK;
    }

    ModelCache.Entry entry = load(options);
    String where = options.get(SourceOptions.WHERE);
    if (where != null) {
      SynthlakeException.check(
          !EdgeCaseOptions.asked(options),
          "the options 'where' and 'edge-cases' cannot be combined: edge-case rows take "
              + "boundary values, which need not satisfy the condition; generate them in a run of "
              + "their own");
      SynthlakeException.check(
          !entry.isTableSet() || !StreamOptions.isStream(options),
          "the option 'where' is for batch reads of a set of related tables (spark.read()): a"
              + " stream of a set gives the set's rows unconditioned; leave it out of the stream");
      entry = entry.conditioned(where);
    }

    if (StreamOptions.isStream(options)) {
      return streamOf(entry, options);
    }

    if (entry.isTableSet()) {
      return tableOfSet(entry, options);
    }

    TableModel model = entry.model();
    SparkSession spark = SparkSession.active();
    SourceOptions parsed = SourceOptions.parse(options, spark.sparkContext().defaultParallelism());
    TableSampler.of(model, parsed.seed).checkCapacity(parsed.firstRow, parsed.rows);
    EdgeCaseOptions.Settings edgeCases = EdgeCaseOptions.parse(options);
    if (edgeCases == null) {
      return new SynthlakeTable(entry, parsed, schema(model), null);
    }

    edgeCases.edgeCases().check(model);
    return new SynthlakeTable(entry, parsed, EdgeCaseOptions.withMarker(schema(model)), edgeCases);
  }

  /** A stream of a table's rows, paced by the option 'rowsPerSecond' or 'rowsPerBatch'. */
  private static Table streamOf(ModelCache.Entry entry, CaseInsensitiveStringMap options) {
    SynthlakeException.check(
        !EdgeCaseOptions.asked(options),
        "the option 'edge-cases' is for batch reads (spark.read()): a synthlake stream gives the "
            + "model's rows only; leave it out of the stream");
    StreamOptions stream = StreamOptions.parse(options);
    if (entry.isTableSet()) {
      return streamOfSet(entry, options, stream);
    }

    TableModel model = entry.model();
    TableSampler.of(model, stream.seed).checkCapacity(stream.firstRow, 1);
    return new StreamTable(
        "synthlake stream (seed " + stream.seed + ")",
        schema(model),
        (readSchema, columns) ->
            new GenerationStream(new ModelRanges(entry, stream.seed, columns), stream));
  }

  /**
   * A stream of one table of a set ({@link TableSetStream}): its pace and {@code rows} count root
   * rows of the table's root, and the options that size or cut a batch read of the set do not
   * apply.
   */
  private static Table streamOfSet(
      ModelCache.Entry entry, CaseInsensitiveStringMap options, StreamOptions stream) {
    String table = tableOf(entry, options);
    for (String option :
        List.of(
            SourceOptions.ROWS_OF,
            SourceOptions.EXACT_ROWS,
            SourceOptions.FIRST_ROW,
            SourceOptions.ANCESTOR_COLUMNS)) {
      SynthlakeException.check(
          !options.containsKey(option),
          "the option '%s' is for batch reads of a set of related tables: a stream of table '%s' "
              + "counts root rows of '%s' from the first (its pace and 'rows' are root rows); "
              + "leave it out of the stream",
          option,
          table,
          entry.tableSet().root(table).name());
    }

    TableSetStream.check(entry.tableSet(), table);
    StructType schema = TableSetTable.schema(entry.tableSet(), table, List.of());
    return new StreamTable(
        "synthlake stream of " + table + " (seed " + stream.seed + ")",
        schema,
        (readSchema, columns) ->
            new TableSetStream(entry, table, stream, readSchema, columns, schema.size()));
  }

  /**
   * A catalog table {@code USING synthlake} read through a session catalog that hands over V1
   * tables (Delta's, for one): the same rows as {@code spark.read()}, or a spec's rows.
   */
  @Override
  public BaseRelation createRelation(
      SQLContext context, scala.collection.immutable.Map<String, String> parameters) {
    return CatalogRelation.of(context, CollectionConverters.asJava(parameters));
  }

  /** The same, for a catalog table that stores its schema. */
  @Override
  public BaseRelation createRelation(
      SQLContext context,
      scala.collection.immutable.Map<String, String> parameters,
      StructType schema) {
    CatalogRelation relation = CatalogRelation.of(context, CollectionConverters.asJava(parameters));
    SynthlakeException.check(
        relation.schema().asNullable().equals(schema.asNullable()),
        "the catalog table's columns (%s) are not those its model or spec now gives (%s): "
            + "drop and create the table again",
        schema.simpleString(),
        relation.schema().simpleString());
    return relation;
  }

  /**
   * A spec's stream's schema, checked before the query starts. Spark asks every stream for it, even
   * one it then reads through {@link #getTable}: a model's is the table's.
   */
  @Override
  public Tuple2<String, StructType> sourceSchema(
      SQLContext context,
      Option<StructType> schema,
      String provider,
      scala.collection.immutable.Map<String, String> parameters) {
    CaseInsensitiveStringMap options =
        new CaseInsensitiveStringMap(CollectionConverters.asJava(parameters));
    if (!options.containsKey(SourceOptions.SPEC)) {
      return new Tuple2<>(NAME, inferSchema(options));
    }

    return new Tuple2<>(NAME, SpecTables.stream(context.sparkSession(), parameters).schema());
  }

  /** A spec's stream ({@link SpecStream}); a model's is a {@link StreamTable}. */
  @Override
  public Source createSource(
      SQLContext context,
      String metadataPath,
      Option<StructType> schema,
      String provider,
      scala.collection.immutable.Map<String, String> parameters) {
    return SpecTables.stream(context.sparkSession(), parameters);
  }

  /** The table of a set that the option 'table' names. */
  private static String tableOf(ModelCache.Entry entry, CaseInsensitiveStringMap options) {
    String table = options.get(SourceOptions.TABLE);
    TableSet set = entry.tableSet();
    SynthlakeException.check(
        table != null,
        "the model holds a set of related tables (%s): name the one to read with the option "
            + "'table'",
        String.join(", ", set.names()));
    return set.table(table).name();
  }

  private static Table tableOfSet(ModelCache.Entry entry, CaseInsensitiveStringMap options) {
    TableSet set = entry.tableSet();
    String table = tableOf(entry, options);
    SourceOptions.SetRows asked = SourceOptions.parseSetRows(options, set.root(table).name());
    EdgeCaseOptions.Settings edgeCases = EdgeCaseOptions.parse(options);
    if (edgeCases != null) {
      // Fails in one line, before any job, on a column edge cases may not touch.
      TableSetSampler.of(set, asked.seed()).withEdgeCases(table, edgeCases.edgeCases());
    }

    SparkSession spark = SparkSession.active();
    TableSetLayout layout = TableSetLayouts.of(spark, entry, asked);
    int partitions =
        SourceOptions.partitions(
            options, layout.rows(table), spark.sparkContext().defaultParallelism());
    return new TableSetTable(
        entry,
        table,
        asked.seed(),
        layout,
        partitions,
        SourceOptions.ancestorColumns(options),
        edgeCases);
  }

  /** The output schema of a table of a set: its columns, in order, every one nullable. */
  public static StructType schema(TableSet set, String table) {
    return TableSetTable.schema(set, table, List.of());
  }

  /**
   * The option that asks a table of a set for columns of its ancestors' rows, written after its own
   * columns under their {@link AncestorColumns.Column#hiddenName}s.
   */
  public static Map.Entry<String, String> ancestorColumnsOption(
      List<AncestorColumns.Column> columns) {
    return Map.entry(SourceOptions.ANCESTOR_COLUMNS, SourceOptions.ancestorColumns(columns));
  }

  /** The output schema of a model: its columns, in order, every one nullable. */
  public static StructType schema(TableModel model) {
    StructField[] fields = new StructField[model.columns().size()];
    for (int i = 0; i < fields.length; i++) {
      ColumnModel column = model.columns().get(i);
      fields[i] =
          DataTypes.createStructField(column.name(), SparkTypes.toSpark(column.type()), true);
    }

    return DataTypes.createStructType(fields);
  }

  /**
   * The model the options name: a file ({@code model}), JSON text ({@code model-json}) or a model
   * handed over in this JVM ({@code model-key}). Models are cached on their content (the SHA-256 of
   * their JSON), so two different models never share an entry, and the same JSON is parsed once
   * while anything still uses it.
   */
  private ModelCache.Entry load(CaseInsensitiveStringMap options) {
    String path = options.get(SourceOptions.MODEL);
    String inline = options.get(SourceOptions.MODEL_JSON);
    String key = options.get(SourceOptions.MODEL_KEY);
    int given = (path != null ? 1 : 0) + (inline != null ? 1 : 0) + (key != null ? 1 : 0);
    SynthlakeException.check(
        given == 1,
        "the synthlake data source needs exactly one of the options 'model' (a model "
            + "file path) and 'model-json' (the model's JSON text)");
    if (key != null) {
      loaded = ModelCache.byKey(key);
      loadedFrom = null;
    } else if (inline != null) {
      loaded = ModelCache.fromJson(inline, "option model-json");
      loadedFrom = null;
    } else if (!path.equals(loadedFrom)) {
      // A file is read once per source (Spark asks for the schema, then the table); its content
      // keys the cache.
      loaded =
          ModelCache.fromJson(
              ModelFiles.read(path, SparkSession.active().sparkContext().hadoopConfiguration()),
              path);
      loadedFrom = path;
    }

    return loaded;
  }
}
