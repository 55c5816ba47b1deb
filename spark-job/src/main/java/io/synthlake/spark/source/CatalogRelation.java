package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
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

    SynthlakeException.check(
        !options.containsKey(SourceOptions.MODEL),
        "options 'model' and 'spec' contradict each other: a table is generated from a model "
            + "file or from a spec, keep one of them");
    SourceOptions parsed = SourceOptions.parse(options, spark.sparkContext().defaultParallelism());
    GenerateOptions generate =
        GenerateOptions.defaults()
            .withSeed(parsed.seed)
            .withFirstRow(parsed.firstRow)
            .withPartitions(options.containsKey(SourceOptions.PARTITIONS) ? parsed.partitions : 0)
            .where(options.get(SourceOptions.WHERE));
    return new CatalogRelation(context, SpecGenerator.generate(spark, spec, parsed.rows, generate));
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
