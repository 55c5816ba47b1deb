package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.CompiledTableSet;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.internal.SparkTypes;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.PrunedScan;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A catalog table {@code USING synthlake} as Spark reads it when the session catalog hands over a
 * V1 table (as it does under a custom session catalog such as Delta's): the rows the data source
 * gives for the table's options, or, with the option {@code spec}, the rows {@link SpecGenerator}
 * gives for that spec. Spark's row conversion is skipped: the scan hands over the generated
 * internal rows as they are.
 */
final class CatalogRelation extends BaseRelation implements PrunedScan {
  private final SQLContext context;
  private final Dataset<Row> rows;

  private CatalogRelation(SQLContext context, Dataset<Row> rows) {
    this.context = context;
    this.rows = rows;
  }

  static CatalogRelation of(SQLContext context, Map<String, String> properties) {
    SparkSession spark = context.sparkSession();
    CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
    String spec = options.get(SourceOptions.SPEC);
    if (spec == null) {
      return new CatalogRelation(
          context, spark.read().format(SynthlakeSource.NAME).options(properties).load());
    }

    SpecTables.checkOneSource(options);
    String text = ModelFiles.readSpec(spec, spark.sparkContext().hadoopConfiguration());
    if (SpecCompiler.isTableSet(text, spec)) {
      return new CatalogRelation(context, tableOfSet(spark, spec, text, options));
    }

    SynthlakeException.check(
        !options.containsKey(SourceOptions.TABLE),
        "option 'table' names a table of a set, and spec %s describes one table: leave it out",
        spec);
    SourceOptions parsed = SourceOptions.parse(options, spark.sparkContext().defaultParallelism());
    GenerateOptions generate =
        GenerateOptions.defaults()
            .withSeed(parsed.seed)
            .withFirstRow(parsed.firstRow)
            .withPartitions(options.containsKey(SourceOptions.PARTITIONS) ? parsed.partitions : 0)
            .where(options.get(SourceOptions.WHERE));
    EdgeCaseOptions.Settings edgeCases = EdgeCaseOptions.parse(options);
    if (edgeCases != null) {
      // The options' share, and their columns if given, take the place of the spec's block's.
      generate = generate.withEdgeCases(edgeCases.share());
      generate =
          edgeCases.columns().isEmpty()
              ? generate
              : generate.withEdgeCaseColumns(edgeCases.columns());
      generate =
          edgeCases.notNull().isEmpty()
              ? generate
              : generate.withEdgeCaseNotNull(edgeCases.notNull());
    }

    return new CatalogRelation(
        context,
        SpecGenerator.generate(spark, SpecCompiler.compile(text, spec), parsed.rows, generate));
  }

  /**
   * The table of a table-set spec that the option 'table' names: {@code rows} rows of the table
   * 'rows-of' (by default the root of 'table'), as {@link SpecGenerator#generateTables} gives them.
   */
  private static Dataset<Row> tableOfSet(
      SparkSession spark, String path, String text, CaseInsensitiveStringMap options) {
    CompiledTableSet compiled = SpecCompiler.compileSet(text, path);
    String table = options.get(SourceOptions.TABLE);
    SynthlakeException.check(
        table != null,
        "spec %s describes a set of related tables (%s): name the one to read with the option "
            + "'table'",
        path,
        String.join(", ", compiled.tables()));
    SynthlakeException.check(
        options.get(SourceOptions.WHERE) == null && !EdgeCaseOptions.asked(options),
        "the options 'where' and 'edge-cases' are for one table's spec, and spec %s describes a "
            + "set of related tables: leave them out",
        path);
    SynthlakeException.check(
        !options.containsKey(SourceOptions.EXACT_ROWS),
        "the option 'exact-rows' is for a set's model, not its spec: leave it out");
    // The set's shape (which table is whose root, and the tables' names) is that of any size.
    TableSet shape = compiled.build(SourceOptions.DEFAULT_SEED, table, 1).set();
    String root = shape.root(table).name();
    SourceOptions.SetRows asked = SourceOptions.parseSetRows(options, root);
    GenerateOptions generate =
        GenerateOptions.defaults()
            .withSeed(asked.seed())
            .withPartitions(
                options.containsKey(SourceOptions.PARTITIONS)
                    ? SourceOptions.partitions(options, 1, 1)
                    : 0);
    Map<String, Dataset<Row>> tables =
        SpecGenerator.generateTables(spark, compiled, asked.table(), asked.rows(), generate);
    return tables.get(shape.table(table).name());
  }

  @Override
  public SQLContext sqlContext() {
    return context;
  }

  @Override
  public StructType schema() {
    return rows.schema();
  }

  @Override
  public boolean needConversion() {
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public RDD<Row> buildScan(String[] requiredColumns) {
    Column[] columns =
        Arrays.stream(requiredColumns)
            .map(name -> functions.col(SparkTypes.quote(name)))
            .toArray(Column[]::new);
    // needConversion() is false: Spark takes the RDD's elements as internal rows.
    @SuppressWarnings("rawtypes")
    RDD internal = rows.select(columns).queryExecution().toRdd();
    return (RDD<Row>) internal;
  }
}
