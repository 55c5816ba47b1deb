package io.synthlake.spark;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Which columns a new Delta table collects per-file statistics (min, max, null count) on.
 * Statistics are what make Delta writes slower than Parquet: on the banking table, writing 5M
 * cached rows took 1.61× Parquet's time with Delta's default (the first 32 columns) and 1.07× with
 * statistics on the non-string columns only; UUID, city and other string statistics cost the most
 * and help data skipping the least. Measured in docs/bench/results.md.
 */
@PublicApi
public enum DeltaStatistics {
  /** Delta's own default: the first 32 columns. */
  ALL,
  /**
   * Numbers, dates and timestamps: the columns range queries skip files on (Delta keeps no
   * statistics on booleans). The synthlake default.
   */
  NON_STRING,
  /** No statistics: the fastest write, no data skipping. */
  NONE;

  /**
   * The table properties that select these statistics for a new table of {@code schema}; empty for
   * {@link #ALL}. Used by the writers; not needed by callers.
   *
   * @param schema the schema of the new table
   * @return the properties, as name and value pairs
   */
  public List<String[]> tableProperties(StructType schema) {
    if (this == ALL) {
      return List.of();
    }

    String columns =
        this == NONE
            ? ""
            : Arrays.stream(schema.fields())
                .filter(
                    field ->
                        field.dataType() instanceof NumericType
                            || field.dataType() instanceof DateType
                            || field.dataType() instanceof TimestampType
                            || field.dataType() instanceof TimestampNTZType)
                .map(StructField::name)
                .map(name -> "`" + name.replace("`", "``") + "`")
                .collect(Collectors.joining(","));
    return columns.isEmpty()
        ? List.<String[]>of(new String[] {"delta.dataSkippingNumIndexedCols", "0"})
        : List.<String[]>of(new String[] {"delta.dataSkippingStatsColumns", columns});
  }
}
