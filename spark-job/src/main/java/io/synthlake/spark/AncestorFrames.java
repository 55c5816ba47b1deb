package io.synthlake.spark;

import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.AncestorReads;
import io.synthlake.core.spec.DerivedColumn;
import io.synthlake.core.spec.Spec;
import io.synthlake.spark.internal.SparkTypes;
import io.synthlake.spark.internal.SqlExpressionPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The frame a table-set spec's derived columns are computed over when they read their ancestors'
 * columns ({@code customers.segment} in transactions).
 *
 * <p>A child table's rows are generated per root block, by a task that already generates again the
 * ancestor rows they hang from; so the data source writes each row's ancestor values beside it
 * ({@link AncestorColumns}: hidden columns, no join, no shuffle, memory of one root block). Here
 * the hidden columns of each ancestor are sorted as its order constraints sort them and become one
 * struct column named after the table, so that Spark resolves {@code customers.segment} as a field
 * of it, in the empty frame the expressions are checked on and in the generated one alike. The
 * spec's final projection of its own columns drops the structs.
 */
final class AncestorFrames {
  private AncestorFrames() {}

  /** Every name each expression of {@code spec} uses, split into its parts, by Spark's parser. */
  static Map<DerivedColumn, List<List<String>>> names(SparkSession spark, Spec spec) {
    Map<DerivedColumn, List<List<String>>> names = new LinkedHashMap<>();
    for (DerivedColumn column : spec.derived()) {
      if (column.lookup() == null) {
        List<List<String>> found = new ArrayList<>();
        collect(SqlExpressionPolicy.parse(spark, column.expression(), column.where()), found);
        names.put(column, found);
      }
    }

    return names;
  }

  private static void collect(Expression expression, List<List<String>> found) {
    if (expression instanceof UnresolvedAttribute attribute) {
      found.add(List.copyOf(CollectionConverters.asJava(attribute.nameParts())));
    }

    for (Expression child : CollectionConverters.asJava(expression.children())) {
      collect(child, found);
    }
  }

  /** The table's own columns {@code own}, then one struct per ancestor read. */
  static StructType schema(StructType own, AncestorReads reads, TableSet set) {
    Map<String, List<StructField>> byTable = new LinkedHashMap<>();
    for (AncestorColumns.Column column : reads.columns()) {
      byTable
          .computeIfAbsent(column.table(), table -> new ArrayList<>())
          .add(
              DataTypes.createStructField(
                  column.column(),
                  SparkTypes.toSpark(set.type(column.table(), column.column())),
                  true));
    }

    StructType schema = own;
    for (Map.Entry<String, List<StructField>> table : byTable.entrySet()) {
      schema = schema.add(table.getKey(), DataTypes.createStructType(table.getValue()), true);
    }

    return schema;
  }

  /**
   * The generated rows with the carried columns sorted by their tables' order constraints and
   * gathered into one struct per ancestor, in place of the hidden columns.
   */
  static Dataset<Row> attach(Dataset<Row> generated, AncestorReads reads) {
    if (reads.columns().isEmpty()) {
      return generated;
    }

    Dataset<Row> frame = generated;
    for (List<AncestorColumns.Column> order : reads.orders()) {
      frame =
          SpecGenerator.sortWithinRows(
              frame, order.stream().map(AncestorColumns.Column::hiddenName).toList());
    }

    Set<String> hidden = new HashSet<>();
    Map<String, List<Column>> byTable = new LinkedHashMap<>();
    for (AncestorColumns.Column column : reads.columns()) {
      hidden.add(column.hiddenName());
      byTable
          .computeIfAbsent(column.table(), table -> new ArrayList<>())
          .add(functions.col(SparkTypes.quote(column.hiddenName())).as(column.column()));
    }

    List<Column> projection = new ArrayList<>();
    for (String name : frame.columns()) {
      if (!hidden.contains(name)) {
        projection.add(functions.col(SparkTypes.quote(name)));
      }
    }

    byTable.forEach(
        (table, fields) ->
            projection.add(functions.struct(fields.toArray(Column[]::new)).as(table)));
    return frame.select(projection.toArray(Column[]::new));
  }
}
