package io.synthlake.spark.source;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds a generated table's scan for the columns a query reads: a pruned column is never
 * generated, and leaving it out changes no other column.
 */
final class PruningScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {
  private final StructType schema;
  private final BiFunction<StructType, int[], Scan> scan;
  private StructType required;

  /**
   * @param scan makes the scan from the read schema and, for each of its columns, the column's
   *     position in {@code schema}
   */
  PruningScanBuilder(StructType schema, BiFunction<StructType, int[], Scan> scan) {
    this.schema = schema;
    this.scan = scan;
    this.required = schema;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public Scan build() {
    List<String> names = Arrays.asList(schema.fieldNames());
    int[] wanted = new int[required.size()];
    StructField[] fields = required.fields();
    for (int i = 0; i < fields.length; i++) {
      wanted[i] = names.indexOf(fields[i].name());
    }

    return scan.apply(required, wanted);
  }
}
