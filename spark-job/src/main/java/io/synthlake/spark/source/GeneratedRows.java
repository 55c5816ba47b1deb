package io.synthlake.spark.source;

import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.ExprId;
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
  private final long rows;
  private final int partitions;
  private final List<DataType> types;
  private final boolean keyColumns;
  private final StructType schema;
  private final Function<SparkSession, PartitionGenerator> broadcaster;

  private GeneratedRows(
      long rows,
      int partitions,
      List<DataType> types,
      boolean keyColumns,
      StructType schema,
      Function<SparkSession, PartitionGenerator> broadcaster) {
    this.rows = rows;
    this.partitions = partitions;
    this.types = List.copyOf(types);
    this.keyColumns = keyColumns;
    this.schema = schema;
    this.broadcaster = broadcaster;
  }

  /**
   * Rows {@code firstRow} on of one table's model, its columns {@code modelColumns} (the index
   * after the last model column is the edge-case marker), with {@code edgeCases} or null.
   */
  static GeneratedRows ofModel(
      ModelCache.Entry entry,
      long firstRow,
      long rows,
      long seed,
      int partitions,
      int[] modelColumns,
      StructType schema,
      EdgeCaseOptions.Settings edgeCases) {
    TableModel model = entry.model();
    List<DataType> types = new ArrayList<>();
    boolean keys = false;
    for (int column : modelColumns) {
      types.add(EdgeCaseOptions.type(model, column));
      keys |= column < model.columns().size() && model.columns().get(column) instanceof KeyColumn;
    }

    return new GeneratedRows(
        rows,
        partitions,
        types,
        keys,
        schema,
        spark ->
            new ModelPartitions(
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .broadcast(new ModelBroadcast(entry, seed).withEdgeCases(edgeCases)),
                GenerationPartition.split(firstRow, rows, partitions),
                modelColumns));
  }

  /** One table of a set, its output columns {@code columns}, in the scan's partitions. */
  static GeneratedRows ofTableSet(
      long rows,
      List<DataType> types,
      StructType schema,
      Function<SparkSession, PartitionGenerator> broadcaster,
      int partitions) {
    return new GeneratedRows(rows, partitions, types, true, schema, broadcaster);
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

    if (!(plan instanceof DataSourceV2ScanRelation relation)
        || !(relation.scan() instanceof DirectScan scan)) {
      return Optional.empty();
    }

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

    return Optional.of(scan.describe(new StructType(fields), picked));
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

  /**
   * How the model rounds each output column of {@code query} that is a generated column passed on
   * unchanged (perhaps renamed), by output name; a column a projection computes, or a query that
   * reads anything but one generated table, has none.
   */
  public static Map<String, NumericFormat> formats(Dataset<?> query) {
    LogicalPlan plan = query.queryExecution().optimizedPlan();
    List<Attribute> top = CollectionConverters.asJava(plan.output());
    ExprId[] ids = new ExprId[top.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = top.get(i).exprId();
    }

    while (plan instanceof Project project) {
      Map<ExprId, ExprId> passed = new HashMap<>();
      for (NamedExpression named : CollectionConverters.asJava(project.projectList())) {
        Object source = named instanceof Alias alias ? alias.child() : named;
        if (source instanceof Attribute attribute) {
          passed.put(named.exprId(), attribute.exprId());
        }
      }

      for (int i = 0; i < ids.length; i++) {
        ids[i] = ids[i] == null ? null : passed.get(ids[i]);
      }

      plan = project.child();
    }

    Map<String, NumericFormat> formats = new HashMap<>();
    if (!(plan instanceof DataSourceV2ScanRelation relation)
        || !(relation.scan() instanceof DirectScan scan)) {
      return formats;
    }

    List<AttributeReference> output = CollectionConverters.asJava(relation.output());
    for (int i = 0; i < ids.length; i++) {
      for (int j = 0; ids[i] != null && j < output.size(); j++) {
        if (output.get(j).exprId().equals(ids[i])) {
          String name = top.get(i).name();
          scan.format(j).ifPresent(format -> formats.put(name, format));
        }
      }
    }

    return formats;
  }

  private static int indexOf(List<AttributeReference> output, Attribute attribute) {
    for (int i = 0; i < output.size(); i++) {
      if (output.get(i).exprId().equals(attribute.exprId())) {
        return i;
      }
    }

    return -1;
  }

  public long rows() {
    return rows;
  }

  /** The partitions the rows come in, as the scan plans them: one output file each. */
  public int partitions() {
    return partitions;
  }

  /** The model types of the output columns, in output order. */
  public List<DataType> types() {
    return types;
  }

  /**
   * Whether an output column is a key (or a foreign key): appends then check keys do not repeat.
   */
  public boolean hasKeyColumns() {
    return keyColumns;
  }

  /** The output schema: the query's column names and types. */
  public StructType schema() {
    return schema;
  }

  /** Broadcasts the model once; the result is what each task needs to generate its partition. */
  public PartitionGenerator broadcast(SparkSession spark) {
    return broadcaster.apply(spark);
  }
}
