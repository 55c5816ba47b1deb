package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.ColumnBinning;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.fit.KeyRule;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.spark.internal.SparkTypes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * How the evaluator reads one column of the training table: compared as numbers (numbers, dates and
 * timestamps with more than {@link EvaluationSettings#CATEGORICAL_MAX_DISTINCT} distinct values),
 * compared as categories, or set aside as a key (generated keys are fresh by design, so comparing
 * them says nothing). Whether a column is a key is decided by fitting's own rule, {@link KeyRule},
 * applied to the whole training table.
 */
record ColumnRole(String name, DataType type, boolean numeric, boolean key)
    implements Serializable {
  /** The relative standard deviation asked of Spark's distinct-count estimate. */
  static final double DISTINCT_RSD = 0.01;

  /**
   * The error allowed the estimate when a column's values must all be distinct: three standard
   * deviations.
   */
  static final double DISTINCT_ERROR = 3 * DISTINCT_RSD;

  ColumnBinning.Scale scale() {
    switch (type.logicalType()) {
      case DATE:
        return ColumnBinning.Scale.DATE;
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return ColumnBinning.Scale.TIMESTAMP;
      default:
        return ColumnBinning.Scale.NUMBER;
    }
  }

  /**
   * The value as the profile reads it: a double for numeric columns, a string for categorical ones.
   */
  Column projection() {
    if (numeric) {
      return SparkTypes.toSampleForm(name, type).alias(name);
    }

    LogicalType logical = type.logicalType();
    Column column = functions.col(SparkTypes.quote(name));
    boolean exact =
        logical == LogicalType.STRING
            || logical == LogicalType.BOOLEAN
            || logical.isIntegral()
            || logical.isTemporal();
    // Floats go through double so that 1.0f and 1.0d read alike; other types by their own string
    // form.
    return (exact ? column : column.cast(DataTypes.DoubleType))
        .cast(DataTypes.StringType)
        .alias(name);
  }

  /**
   * One pass over the training table decides every column's role; unsupported types (arrays, maps,
   * …) are left out.
   */
  static List<ColumnRole> decide(Dataset<Row> train) {
    return decide(train, null);
  }

  /**
   * @param local every row of {@code train}, collected, when it is small (else null): the
   *     statistics are then counted on the driver, exactly, instead of by one aggregation whose
   *     sixteen-thousand-register distinct sketches per column take Spark seconds to compile
   */
  static List<ColumnRole> decide(Dataset<Row> train, List<Row> local) {
    List<StructField> supported = new ArrayList<>();
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(functions.count(functions.lit(1)));
    for (StructField field : train.schema().fields()) {
      if (SparkTypes.toCore(field.dataType()) != null) {
        supported.add(field);
        Column column = functions.col(SparkTypes.quote(field.name()));
        aggregates.add(functions.approx_count_distinct(column, DISTINCT_RSD));
        aggregates.add(functions.count(column));
        // For strings, how many values are UUIDs and how many identifier-like tokens (KeyRule's
        // value shapes).
        boolean string = field.dataType() instanceof StringType;
        aggregates.add(
            string
                ? functions.count(
                    functions.when(column.rlike("^(?:" + KeyRule.UUID_REGEX + ")$"), 1))
                : functions.lit(0L));
        aggregates.add(
            string
                ? functions.count(
                    functions.when(column.rlike("^(?:" + KeyRule.IDENTIFIER_REGEX + ")$"), 1))
                : functions.lit(0L));
      }
    }

    SynthlakeException.check(
        !supported.isEmpty(),
        "evaluate: the training table has no column of a supported type (numbers, strings, booleans, dates, timestamps)");
    Row stats =
        local != null
            ? LocalStatistics.of(train, supported, local)
            : train
                .agg(
                    aggregates.get(0),
                    aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
                .first();
    List<ColumnRole> roles = new ArrayList<>();
    for (int i = 0; i < supported.size(); i++) {
      StructField field = supported.get(i);
      DataType type = SparkTypes.toCore(field.dataType());
      long distinct = Math.min(stats.getLong(1 + 4 * i), stats.getLong(2 + 4 * i));
      long present = stats.getLong(2 + 4 * i);
      long uuids = stats.getLong(3 + 4 * i);
      long identifiers = stats.getLong(4 + 4 * i);
      LogicalType logical = type.logicalType();
      KeyRule.Values values =
          logical != LogicalType.STRING
              ? KeyRule.Values.IDENTIFIERS
              : uuids == present
                  ? KeyRule.Values.UUIDS
                  : identifiers == present ? KeyRule.Values.IDENTIFIERS : KeyRule.Values.OTHER;
      boolean key = KeyRule.isKey(field.name(), logical, values, present, distinct, DISTINCT_ERROR);
      boolean numeric =
          logical.isNumeric() && distinct > EvaluationSettings.CATEGORICAL_MAX_DISTINCT;
      roles.add(new ColumnRole(field.name(), type, numeric, key));
    }

    return roles;
  }

  /**
   * Checks that {@code table} has every compared column in a type of the same family as training's.
   */
  static void checkCompatible(List<ColumnRole> roles, Dataset<Row> table, String which) {
    List<String> missing = new ArrayList<>();
    for (ColumnRole role : roles) {
      StructField field = find(table, role.name());
      if (field == null) {
        missing.add(role.name());
        continue;
      }

      DataType type = SparkTypes.toCore(field.dataType());
      SynthlakeException.check(
          type != null && family(type) == family(role.type()),
          "evaluate: column '%s' is %s in the training table but %s in the %s table; give the tables the same schema",
          role.name(),
          role.type(),
          field.dataType().simpleString(),
          which);
    }

    SynthlakeException.check(
        missing.isEmpty(),
        "evaluate: the %s table lacks the training column(s) %s; compare tables with the same columns",
        which,
        missing);
  }

  private static StructField find(Dataset<Row> table, String name) {
    for (StructField field : table.schema().fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }

    return null;
  }

  /** 0 strings, 1 numbers and booleans, 2 dates and timestamps. */
  private static int family(DataType type) {
    LogicalType logical = type.logicalType();
    return logical == LogicalType.STRING ? 0 : logical.isTemporal() ? 2 : 1;
  }
}
