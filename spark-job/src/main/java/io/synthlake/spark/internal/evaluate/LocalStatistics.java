package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.fit.KeyRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * The statistics {@link ColumnRole#decide} reads, counted on the driver over a small table's
 * collected rows, in the layout of its Spark aggregation: the row count, then per column its
 * distinct values, non-null values, UUID strings and identifier-like strings. Distinct values are
 * counted exactly, where the aggregation estimates them within 1%.
 */
final class LocalStatistics {
  private static final Pattern UUID = Pattern.compile("^(?:" + KeyRule.UUID_REGEX + ")$");
  private static final Pattern IDENTIFIER =
      Pattern.compile("^(?:" + KeyRule.IDENTIFIER_REGEX + ")$");

  private LocalStatistics() {}

  static Row of(Dataset<Row> table, List<StructField> fields, List<Row> rows) {
    Object[] stats = new Object[1 + 4 * fields.size()];
    stats[0] = (long) rows.size();
    for (int i = 0; i < fields.size(); i++) {
      StructField field = fields.get(i);
      int index = table.schema().fieldIndex(field.name());
      boolean string = field.dataType() instanceof StringType;
      Set<Object> distinct = new HashSet<>();
      long present = 0;
      long uuids = 0;
      long identifiers = 0;
      for (Row row : rows) {
        Object value = row.get(index);
        if (value == null) {
          continue;
        }

        present++;
        distinct.add(value);
        if (string) {
          uuids += UUID.matcher((String) value).find() ? 1 : 0;
          identifiers += IDENTIFIER.matcher((String) value).find() ? 1 : 0;
        }
      }

      stats[1 + 4 * i] = (long) distinct.size();
      stats[2 + 4 * i] = present;
      stats[3 + 4 * i] = uuids;
      stats[4 + 4 * i] = identifiers;
    }

    return RowFactory.create(stats);
  }
}
