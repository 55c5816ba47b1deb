package io.synthlake.spark.internal;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.KeyBounds;
import io.synthlake.core.fit.SampleColumn;
import io.synthlake.core.fit.SampleTable;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Draws the fitting sample from a DataFrame and brings it to the driver column by column, converted
 * to core's number form by Spark expressions. Streams rows with {@code toLocalIterator}, so the
 * driver holds only the sample's arrays.
 */
public final class SampleCollector {
  private SampleCollector() {}

  /**
   * @param names the columns to sample, with their synthlake types
   * @param sampleRows at most this many rows, drawn uniformly without replacement (Bernoulli, then
   *     a limit)
   */
  public static SampleTable collect(
      Dataset<Row> input, List<String> names, List<DataType> types, int sampleRows, long seed) {
    return collectCounted(input, names, types, sampleRows, seed).sample();
  }

  /** A sample and the rows of the whole input it was drawn from. */
  public record Counted(SampleTable sample, long inputRows) {}

  /** Like {@link #collect}, also giving the input's row count (counted in the same pass). */
  public static Counted collectCounted(
      Dataset<Row> input, List<String> names, List<DataType> types, int sampleRows, long seed) {
    // One pass over the whole input: the row count, and the key bounds that generated keys must
    // stay clear of.
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(functions.count(functions.lit(1)));
    int[] boundWidths = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      List<Column> bounds = keyBoundExpressions(names.get(i), types.get(i));
      boundWidths[i] = bounds.size();
      aggregates.addAll(bounds);
    }

    Row totals =
        input
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
            .first();
    long total = totals.getLong(0);
    SynthlakeException.check(
        total > 0,
        "the input has no rows, so there is nothing to fit: check the input path, format and filters");
    Dataset<Row> sampled = input;
    if (total > sampleRows) {
      // Oversample slightly so that the Bernoulli draw rarely falls short of sampleRows; the limit
      // trims the excess.
      double fraction = Math.min(1.0, 1.05 * sampleRows / total + 10.0 / total);
      sampled = input.sample(false, fraction, seed).limit(sampleRows);
    }

    Column[] projection = new Column[names.size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = SparkTypes.toSampleForm(names.get(i), types.get(i)).alias("c" + i);
    }

    int capacity = (int) Math.min(total, sampleRows);
    int columns = names.size();
    double[][] numbers = new double[columns][];
    boolean[][] nulls = new boolean[columns][];
    String[][] strings = new String[columns][];
    for (int c = 0; c < columns; c++) {
      if (types.get(c).logicalType() == LogicalType.STRING) {
        strings[c] = new String[capacity];
      } else {
        numbers[c] = new double[capacity];
        nulls[c] = new boolean[capacity];
      }
    }

    int rows = 0;
    Iterator<Row> iterator = sampled.select(projection).toLocalIterator();
    while (iterator.hasNext() && rows < capacity) {
      Row row = iterator.next();
      for (int c = 0; c < columns; c++) {
        if (strings[c] != null) {
          strings[c][rows] = row.isNullAt(c) ? null : row.getString(c);
        } else if (row.isNullAt(c)) {
          nulls[c][rows] = true;
        } else {
          numbers[c][rows] = row.getDouble(c);
        }
      }

      rows++;
    }

    List<SampleColumn> result = new ArrayList<>();
    int position = 1;
    for (int c = 0; c < columns; c++) {
      SampleColumn column =
          strings[c] != null
              ? SampleColumn.strings(names.get(c), Arrays.copyOf(strings[c], rows))
              : SampleColumn.numbers(
                  names.get(c),
                  types.get(c),
                  Arrays.copyOf(numbers[c], rows),
                  Arrays.copyOf(nulls[c], rows));
      int width = boundWidths[c];
      if (width > 0) {
        column =
            column.withKeyBounds(
                strings[c] != null
                    ? KeyBounds.of(
                        Long.MIN_VALUE,
                        totals.isNullAt(position) ? 0 : totals.getInt(position),
                        totals.isNullAt(position + 1)
                            ? Long.MIN_VALUE
                            : totals.getLong(position + 1))
                    : KeyBounds.of(
                        totals.isNullAt(position) ? Long.MIN_VALUE : totals.getLong(position),
                        0,
                        Long.MIN_VALUE));
      }

      position += width;
      result.add(column);
    }

    return new Counted(SampleTable.of(result), total);
  }

  /**
   * Whole-input maxima for columns that may become keys: integers' largest value; strings' length
   * and trailing number.
   */
  private static List<Column> keyBoundExpressions(String name, DataType type) {
    Column column = functions.col(SparkTypes.quote(name));
    LogicalType logical = type.logicalType();
    if (logical.isIntegral() || logical == LogicalType.DECIMAL) {
      return List.of(functions.max(functions.floor(column).cast(DataTypes.LongType)));
    }

    if (logical == LogicalType.STRING) {
      return List.of(
          functions.max(functions.length(column)),
          functions.max(
              functions.regexp_extract(column, "([0-9]{1,18})$", 1).try_cast(DataTypes.LongType)));
    }

    return List.of();
  }
}
