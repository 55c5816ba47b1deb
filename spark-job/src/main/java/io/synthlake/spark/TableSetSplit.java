package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.spark.internal.SparkTypes;
import io.synthlake.spark.internal.evaluate.TableRelations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Splits a set of related real tables into a training set and a holdout set by root entity: a
 * seeded share of the root tables' rows is held out with all their descendants, each table
 * following its first relation (its parent), so that every family stays whole on one side and the
 * holdout is real unseen data for {@link Evaluation#evaluateTables}.
 *
 * <pre>{@code
 * TableSetSplit split = TableSetSplit.of(tables, relations, 0.2, 7);
 * TableSetModel model = Synthesizer.fitTables(split.train(), relations, FitOptions.defaults());
 * Map<String, Dataset<Row>> synthetic = model.generate(spark, "customers", rows, GenerateOptions.defaults());
 * TableSetEvaluationResult result =
 *     Evaluation.evaluateTables(split.train(), split.holdout(), synthetic, relations);
 * }</pre>
 *
 * <p>A root row is held out when a 64-bit hash of the seed and its referenced key (every column
 * when no child references it) falls in the held-out share, so the split does not depend on the
 * partitioning. A child row goes with its parent row (a semi-join on the parent's held-out keys);
 * one without a parent (an orphan, or a null key) stays in training. Further relations are not
 * followed: a held-out row may reference a training row through one of them.
 */
@PublicApi
public final class TableSetSplit {
  /** Hash bits kept as the uniform draw of a root row: a double's mantissa. */
  private static final int DRAW_BITS = 53;

  private final Map<String, Dataset<Row>> train;
  private final Map<String, Dataset<Row>> holdout;

  private TableSetSplit(Map<String, Dataset<Row>> train, Map<String, Dataset<Row>> holdout) {
    this.train = Collections.unmodifiableMap(train);
    this.holdout = Collections.unmodifiableMap(holdout);
  }

  /**
   * Splits {@code tables} by root entity.
   *
   * @param tables the real tables, by name
   * @param relations foreign keys as {@code child.column=parent.key}; a table's first names its
   *     parent, which its rows follow
   * @param holdoutShare the share of each root table's rows held out, between 0 and 1 (exclusive)
   * @param seed the split's seed
   * @return the training and holdout parts, each table's rows queries on its input (not cached)
   */
  public static TableSetSplit of(
      Map<String, Dataset<Row>> tables, List<String> relations, double holdoutShare, long seed) {
    return of(tables, relations, holdoutShare, seed, Map.of());
  }

  /**
   * Splits {@code tables} by root entity, and each single series of {@code series} (a root table,
   * by its order column) by time: its last {@code holdoutShare} of rows by order is held out, so
   * both parts stay series whose rows follow each other.
   *
   * @param series each single series' order column, by table
   */
  public static TableSetSplit of(
      Map<String, Dataset<Row>> tables,
      List<String> relations,
      double holdoutShare,
      long seed,
      Map<String, String> series) {
    SynthlakeException.check(
        holdoutShare > 0 && holdoutShare < 1,
        "split: the holdout share must be between 0 and 1 (exclusive), got %s",
        holdoutShare);
    SynthlakeException.check(!tables.isEmpty(), "split: no tables given");
    TableRelations checked =
        TableRelations.check(TableRelations.columns(tables), relations, "split");
    Map<String, Dataset<Row>> train = new LinkedHashMap<>();
    Map<String, Dataset<Row>> holdout = new LinkedHashMap<>();
    String key = "synthlake_held_out_key";
    for (String name : checked.order()) {
      Dataset<Row> table = tables.get(name);
      Relation parent = checked.parentOf(name);
      if (parent == null && series.containsKey(name)) {
        Column held = later(table, series.get(name), holdoutShare);
        holdout.put(name, table.where(held));
        train.put(name, table.where(functions.not(held)));
      } else if (parent == null) {
        Column held = draw(table, checked.keysOfChildren(name), seed).lt(holdoutShare);
        holdout.put(name, table.where(held));
        train.put(name, table.where(functions.not(held)));
      } else {
        Dataset<Row> heldParents =
            holdout
                .get(parent.parent())
                .select(functions.col(SparkTypes.quote(parent.key())).alias(key))
                .where(functions.col(key).isNotNull())
                .distinct();
        Column joins = functions.col(SparkTypes.quote(parent.column())).equalTo(functions.col(key));
        holdout.put(name, table.join(heldParents, joins, "left_semi"));
        train.put(name, table.join(heldParents, joins, "left_anti"));
      }
    }

    Map<String, Dataset<Row>> trainInOrder = new LinkedHashMap<>();
    Map<String, Dataset<Row>> holdoutInOrder = new LinkedHashMap<>();
    for (String name : tables.keySet()) {
      trainInOrder.put(name, train.get(name));
      holdoutInOrder.put(name, holdout.get(name));
    }

    return new TableSetSplit(trainInOrder, holdoutInOrder);
  }

  /**
   * Whether a row's order value is among the series' last {@code share} (an approximate quantile of
   * the order, within 0.1% of the rows); rows without one stay in training.
   */
  private static Column later(Dataset<Row> table, String order, double share) {
    Column column = functions.col(SparkTypes.quote(order));
    org.apache.spark.sql.types.DataType type = table.schema().apply(order).dataType();
    Column number =
        type instanceof DateType
            ? functions.unix_date(column)
            : type instanceof TimestampType || type instanceof TimestampNTZType
                ? functions.unix_micros(column.cast("timestamp"))
                : column.cast("double");
    double[] cut =
        table
            .select(number.cast("double").alias("order"))
            .stat()
            .approxQuantile("order", new double[] {1 - share}, 0.001);
    SynthlakeException.check(
        cut.length == 1 && !Double.isNaN(cut[0]),
        "split: series ordered by '%s' has no order values to split on",
        order);
    return number.cast("double").geq(cut[0]).and(column.isNotNull());
  }

  /** A uniform draw in [0, 1) per row from the seed and the key columns (all when none). */
  private static Column draw(Dataset<Row> table, List<String> keys, long seed) {
    List<Column> hashed = new ArrayList<>();
    hashed.add(functions.lit(seed));
    List<String> names = keys.isEmpty() ? Arrays.asList(table.columns()) : keys;
    names.forEach(name -> hashed.add(functions.col(SparkTypes.quote(name))));
    return functions
        .shiftrightunsigned(functions.xxhash64(hashed.toArray(new Column[0])), 64 - DRAW_BITS)
        .cast("double")
        .divide(Math.pow(2, DRAW_BITS));
  }

  /** The training part: every table, its held-out families removed. */
  public Map<String, Dataset<Row>> train() {
    return train;
  }

  /** The holdout part: the held-out root rows and all their descendants. */
  public Map<String, Dataset<Row>> holdout() {
    return holdout;
  }
}
