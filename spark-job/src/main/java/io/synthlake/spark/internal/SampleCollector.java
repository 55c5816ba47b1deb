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
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Draws the fitting sample from a DataFrame and brings it to the driver column by column, converted
 * to core's number form by Spark expressions. Streams rows with {@code toLocalIterator}, so the
 * driver holds only the sample's arrays.
 *
 * <p>The sample is a uniform draw without replacement of exactly min(sample rows, input rows) rows,
 * whatever the input's order and file layout: each row gets a random key drawn from the seed and
 * its content, and the rows with the smallest keys are kept. The keys depend on the rows alone,
 * never on partitions, so for a seed the same input gives the same sample, in the same order,
 * however it is partitioned or ordered. An input of more than {@link #THINNED_ROWS} rows (and eight
 * samples) is first thinned by a Bernoulli draw of about four samples' rows, still uniform but
 * seeded per partition, so that the draw shuffles only those. When the input has no more rows than
 * the sample, it is taken whole in its own order (the series sample relies on it).
 */
public final class SampleCollector {
  /**
   * Inputs of more rows than this (and than eight samples) are thinned before the exact draw, so
   * the fit never shuffles a whole large table; their sample then depends on the partitioning.
   */
  static final long THINNED_ROWS = 5_000_000;

  private SampleCollector() {}

  /**
   * @param names the columns to sample, with their synthlake types
   * @param sampleRows at most this many rows, drawn uniformly without replacement
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
    Column[] projection = new Column[names.size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = SparkTypes.toSampleForm(names.get(i), types.get(i)).alias("c" + i);
    }

    Dataset<Row> sampled = input.select(projection);
    if (total > Math.max(THINNED_ROWS, 8L * sampleRows)) {
      // Counting identical rows shuffles every row: a large input is first thinned by a Bernoulli
      // draw of about four times the sample, which keeps the draw uniform.
      sampled = sampled.sample(false, Math.min(1.0, (4.0 * sampleRows + 1000) / total), seed);
    }

    if (total > sampleRows) {
      sampled = uniform(sampled, sampleRows, seed);
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
    Iterator<Row> iterator = sampled.toLocalIterator();
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
   * The {@code n} rows of {@code rows} with the smallest seeded keys, in key order. Every row's key
   * is an independent Exp(1) draw that depends only on the seed and the row's content: identical
   * rows are counted first (Spark combines them within each partition before the shuffle), and a
   * content with m copies gets the m smallest of m draws, made in increasing order from a generator
   * seeded by the content's hash (Rényi: the k-th smallest adds Exp(1) / (m - k + 1)). Only the
   * first min(m, n) of them can be among the n smallest, so no content costs more than n keys. A
   * content seen once, the usual case, gets -ln of its hash as a uniform, without the generator.
   * Spark runs the final order-and-limit as a top-n (a heap of n rows per partition), not a sort.
   */
  private static Dataset<Row> uniform(Dataset<Row> rows, int n, long seed) {
    String[] names = rows.columns();
    Column[] content = new Column[names.length];
    List<Column> hashed = new ArrayList<>();
    hashed.add(functions.lit(seed));
    for (int i = 0; i < names.length; i++) {
      content[i] = functions.col(names[i]);
      // Null flags too: a hash skips nulls, so (null, x) and (x, null) would otherwise collide.
      hashed.add(content[i]);
      hashed.add(content[i].isNull());
    }

    Column hash = functions.xxhash64(hashed.toArray(new Column[0]));
    Column copies = functions.col("synthlake_copies");
    // The hash's low 53 bits as a uniform in (0, 1].
    Column uniform =
        functions
            .pmod(hash, functions.lit(1L << 53))
            .plus(1)
            .cast(DataTypes.DoubleType)
            .divide((double) (1L << 53));
    UserDefinedFunction smallest =
        functions.udf(new SmallestKeys(), DataTypes.createArrayType(DataTypes.DoubleType, false));
    Column keys =
        functions
            .when(copies.equalTo(1), functions.array(functions.negate(functions.log(uniform))))
            .otherwise(smallest.apply(hash, copies, functions.lit(n)));
    List<Column> order = new ArrayList<>();
    order.add(functions.col("synthlake_key"));
    // Ties of the key between contents (about N²/2⁵⁴ pairs) are broken by the content, so the
    // order is total; ties within a content are identical rows.
    order.addAll(Arrays.asList(content));
    return rows.groupBy(content)
        .agg(functions.count(functions.lit(1)).alias("synthlake_copies"))
        .withColumn("synthlake_key", functions.explode(keys))
        .orderBy(order.toArray(new Column[0]))
        .limit(n)
        .select(content);
  }

  /** The min(m, n) smallest of m Exp(1) draws seeded by a content's hash, in increasing order. */
  private static final class SmallestKeys implements UDF3<Long, Long, Integer, double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public double[] call(Long hash, Long copies, Integer n) {
      SplittableRandom random = new SplittableRandom(hash);
      double[] keys = new double[(int) Math.min(copies, n)];
      double key = 0;
      for (int k = 0; k < keys.length; k++) {
        key += -Math.log1p(-random.nextDouble()) / (copies - k);
        keys[k] = key;
      }

      return keys;
    }
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
      // At most 18 digits always fit a long, so a plain cast of a match is safe. A try_cast of the
      // empty string (no match) costs an exception per row: 60 s of a 1M-row fit with two text
      // columns.
      Column digits = functions.regexp_extract(column, "([0-9]{1,18})$", 1);
      return List.of(
          functions.max(functions.length(column)),
          functions.max(functions.when(digits.notEqual(""), digits.cast(DataTypes.LongType))));
    }

    return List.of();
  }
}
