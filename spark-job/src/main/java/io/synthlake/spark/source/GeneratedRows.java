package io.synthlake.spark.source;

import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2ScanRelation;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A query that is nothing but generated columns: a synthlake scan, its columns perhaps pruned,
 * reordered or renamed. Writers that recognise one fill their files straight from the generated
 * blocks, without Spark's rows in between; anything else (a filter, a derived column, a join) is a
 * query for Spark to run.
 */
public final class GeneratedRows {
  private final ModelCache.Entry entry;
  private final TableModel model;
  private final long firstRow;
  private final long rows;
  private final long seed;
  private final int partitions;
  private final int[] modelColumns;
  private final StructType schema;

  GeneratedRows(
      ModelCache.Entry entry,
      long firstRow,
      long rows,
      long seed,
      int partitions,
      int[] modelColumns,
      StructType schema) {
    this.entry = entry;
    this.model = entry.model();
    this.firstRow = firstRow;
    this.rows = rows;
    this.seed = seed;
    this.partitions = partitions;
    this.modelColumns = modelColumns;
    this.schema = schema;
  }

  /**
   * The generated rows {@code query} reads, or empty when the query does anything more than pick
   * columns.
   */
  public static Optional<GeneratedRows> of(Dataset<?> query) {
    LogicalPlan plan = query.queryExecution().optimizedPlan();
    List<NamedExpression> projection = null;
    if (plan instanceof Project) {
      projection = CollectionConverters.asJava(((Project) plan).projectList());
      plan = ((Project) plan).child();
    }

    if (!(plan instanceof DataSourceV2ScanRelation)
        || !(((DataSourceV2ScanRelation) plan).scan() instanceof SynthlakeTable.GenerationScan)) {
      return Optional.empty();
    }

    DataSourceV2ScanRelation relation = (DataSourceV2ScanRelation) plan;
    List<AttributeReference> output = CollectionConverters.asJava(relation.output());
    if (projection == null) {
      projection = List.copyOf(output);
    }

    StructField[] fields = new StructField[projection.size()];
    int[] picked = new int[projection.size()];
    for (int i = 0; i < fields.length; i++) {
      NamedExpression named = projection.get(i);
      Object source = named instanceof Alias ? ((Alias) named).child() : named;
      int index = source instanceof Attribute ? indexOf(output, (Attribute) source) : -1;
      if (index < 0) {
        return Optional.empty();
      }

      picked[i] = index;
      fields[i] =
          new StructField(named.name(), output.get(index).dataType(), true, Metadata.empty());
    }

    if (Arrays.stream(picked).distinct().count() != picked.length) {
      return Optional.empty(); // a column read twice: rare, and Spark's own writer handles it
    }

    return Optional.of(
        ((SynthlakeTable.GenerationScan) relation.scan()).describe(new StructType(fields), picked));
  }

  /**
   * The rows {@code query} yields when it is a generated table under projections only (which keep
   * every row, as a spec's derived columns do); empty when it filters, joins or reads anything
   * else, and so has no count to expect.
   */
  public static OptionalLong rowCount(Dataset<?> query) {
    LogicalPlan plan = query.queryExecution().optimizedPlan();
    while (plan instanceof Project) {
      plan = ((Project) plan).child();
    }

    if (plan instanceof DataSourceV2ScanRelation relation
        && relation.scan() instanceof CountedScan scan) {
      return OptionalLong.of(scan.rows());
    }

    return OptionalLong.empty();
  }

  private static int indexOf(List<AttributeReference> output, Attribute attribute) {
    for (int i = 0; i < output.size(); i++) {
      if (output.get(i).exprId().equals(attribute.exprId())) {
        return i;
      }
    }

    return -1;
  }

  public TableModel model() {
    return model;
  }

  public long rows() {
    return rows;
  }

  /** The row index of the first generated row (0 unless the run continues a stream). */
  public long firstRow() {
    return firstRow;
  }

  /** The partitions the rows come in, as the scan plans them: one output file each. */
  public int partitions() {
    return partitions;
  }

  /** For each output column, the index of the model column it holds. */
  public int[] modelColumns() {
    return modelColumns.clone();
  }

  /** The model types of the output columns, in output order. */
  public List<DataType> types() {
    List<DataType> types = new ArrayList<>();
    for (int column : modelColumns) {
      types.add(model.columns().get(column).type());
    }

    return types;
  }

  /** The output schema: the query's column names and types. */
  public StructType schema() {
    return schema;
  }

  /** Broadcasts the model once; the result is what each task needs to generate its partition. */
  public PartitionGenerator broadcast(SparkSession spark) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new PartitionGenerator(
        context.broadcast(new ModelBroadcast(entry, seed)),
        GenerationPartition.split(firstRow, rows, partitions),
        modelColumns);
  }
}
