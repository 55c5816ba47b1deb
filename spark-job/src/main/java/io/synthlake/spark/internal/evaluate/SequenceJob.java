package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.ColumnBinning;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.FanOut;
import io.synthlake.core.evaluate.Histories;
import io.synthlake.core.evaluate.SequenceFidelity;
import io.synthlake.core.evaluate.SequenceReport;
import io.synthlake.core.evaluate.SequenceReport.Adherence;
import io.synthlake.core.evaluate.SequenceSpec;
import io.synthlake.core.types.DataType;
import io.synthlake.spark.internal.SparkTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark side of a table of histories' figures, on each side: the lengths of every history (a
 * group-by on the entity, then on the lengths), the rules over every row (one pass in the order the
 * rows are read, no shuffle), and a bounded sample of whole histories sorted by Spark within each
 * entity: the entities with the smallest seeded hashes of their keys, at most {@link
 * SequenceFidelity#SAMPLE_ENTITIES} of them and {@link SequenceFidelity#SAMPLE_ROWS} rows, taken by
 * a top-n (TakeOrderedAndProject) so the driver never holds more. Core's {@link SequenceFidelity}
 * does the arithmetic.
 */
final class SequenceJob {
  private static final String HASH = "synthlake_entity_hash";
  private static final String ENTITY = "synthlake_entity";
  private static final String ORDER = "synthlake_order";
  private static final String LENGTH = "synthlake_length";

  private SequenceJob() {}

  /**
   * The figures of one table of histories.
   *
   * @param sides the training, holdout and synthetic tables of the sequence
   * @param evaluated the table's own evaluation: its compared columns and their bins
   */
  static SequenceReport evaluate(
      SequenceSpec spec,
      List<Dataset<Row>> sides,
      Evaluator.Evaluated evaluated,
      EvaluationSettings settings) {
    List<String> names = List.of("training", "holdout", "synthetic");
    DataType orderType = null;
    for (int s = 0; s < 3; s++) {
      Dataset<Row> table = sides.get(s);
      if (!spec.isSeries()) {
        field(spec, table, spec.entity(), names.get(s));
      }

      StructField order = field(spec, table, spec.order(), names.get(s));
      DataType type = SparkTypes.toCore(order.dataType());
      SynthlakeException.check(
          type != null && type.logicalType().isNumeric(),
          "evaluate: sequence %s: its order column '%s' is %s in the %s table; order histories by "
              + "a number, a date or a timestamp",
          spec.table(),
          spec.order(),
          order.dataType().simpleString(),
          names.get(s));
      orderType = orderType == null ? type : orderType;
      for (SequenceSpec.Floor floor : spec.floors()) {
        DataType floorType =
            SparkTypes.toCore(field(spec, table, floor.column(), names.get(s)).dataType());
        SynthlakeException.check(
            floorType != null
                && floorType.logicalType().isNumeric()
                && !floorType.logicalType().isTemporal(),
            "evaluate: sequence %s: the floor rule's column '%s' is not a number in the %s table; "
                + "give a floor to a numeric column",
            spec.table(),
            floor.column(),
            names.get(s));
      }
    }

    ColumnRole order = new ColumnRole(spec.order(), orderType, true, false);
    List<ColumnRole> roles = new ArrayList<>();
    List<ColumnBinning> binnings = new ArrayList<>();
    for (int c = 0; c < evaluated.roles().size(); c++) {
      ColumnRole role = evaluated.roles().get(c);
      if (!role.name().equals(spec.order()) && !role.name().equals(spec.entity())) {
        roles.add(role);
        binnings.add(evaluated.plan().columns().get(c));
      }
    }

    List<SequenceFidelity.SideCounts> counts = new ArrayList<>();
    for (Dataset<Row> table : sides) {
      counts.add(side(spec, table, order, roles, settings.seed()));
    }

    return SequenceFidelity.report(
        spec, binnings, order.scale(), counts.get(0), counts.get(1), counts.get(2));
  }

  private static StructField field(
      SequenceSpec spec, Dataset<Row> table, String name, String side) {
    for (StructField field : table.schema().fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }

    throw SynthlakeException.of(
        "evaluate: sequence %s names column '%s', which the %s table lacks; its columns are %s",
        spec.table(), name, side, String.join(", ", table.columns()));
  }

  private static Column column(String name) {
    return functions.col(SparkTypes.quote(name));
  }

  /** The entity column: a single series' rows are all of one history. */
  private static Column entity(SequenceSpec spec) {
    return spec.isSeries() ? functions.lit("series") : column(spec.entity());
  }

  private static SequenceFidelity.SideCounts side(
      SequenceSpec spec, Dataset<Row> table, ColumnRole order, List<ColumnRole> roles, long seed) {
    Column entity = entity(spec);
    Dataset<Row> keyed = table.where(entity.isNotNull());
    Dataset<Row> perEntity =
        keyed
            .groupBy(entity.alias(ENTITY))
            .agg(functions.count(functions.lit(1)).alias(LENGTH))
            .withColumn(HASH, functions.xxhash64(functions.lit(seed), functions.col(ENTITY)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Map<Long, Long> lengths = new HashMap<>();
    for (Row row : perEntity.groupBy(LENGTH).count().collectAsList()) {
      lengths.put(row.getLong(0), row.getLong(1));
    }

    // The entities with the smallest hashes whose histories fit the row bound (at least one).
    List<Row> candidates =
        perEntity
            .select(HASH, LENGTH)
            .orderBy(HASH)
            .limit(SequenceFidelity.SAMPLE_ENTITIES)
            .collectAsList();
    perEntity.unpersist();
    Histories histories = Histories.builder(roles.size()).build();
    if (!candidates.isEmpty()) {
      long threshold = candidates.get(0).getLong(0);
      long rows = candidates.get(0).getLong(1);
      for (int i = 1; i < candidates.size(); i++) {
        rows += candidates.get(i).getLong(1);
        if (rows > SequenceFidelity.SAMPLE_ROWS) {
          break;
        }

        threshold = candidates.get(i).getLong(0);
      }

      histories = sample(spec, keyed, order, roles, seed, threshold);
    }

    Rules rules = rules(spec, table, order);
    List<Adherence> floors = new ArrayList<>();
    for (int f = 0; f < spec.floors().size(); f++) {
      floors.add(Adherence.of(rules.counts[2 + 2 * f], rules.counts[3 + 2 * f]));
    }

    return new SequenceFidelity.SideCounts(
        FanOut.of(lengths), Adherence.of(rules.counts[0], rules.counts[1]), floors, histories);
  }

  /**
   * The sampled entities' rows, without null order values, sorted by entity and order by Spark and
   * cut to the row bound by a top-n.
   */
  private static Histories sample(
      SequenceSpec spec,
      Dataset<Row> keyed,
      ColumnRole order,
      List<ColumnRole> roles,
      long seed,
      long threshold) {
    List<Column> view = new ArrayList<>();
    view.add(functions.xxhash64(functions.lit(seed), entity(spec)).alias(HASH));
    view.add(entity(spec).cast("string").alias(ENTITY));
    view.add(order.projection().alias(ORDER));
    for (int c = 0; c < roles.size(); c++) {
      view.add(roles.get(c).projection().alias("synthlake_value_" + c));
    }

    List<Row> rows =
        keyed
            .select(view.toArray(new Column[0]))
            .where(functions.col(HASH).leq(threshold).and(functions.col(ORDER).isNotNull()))
            .orderBy(functions.col(HASH), functions.col(ENTITY), functions.col(ORDER))
            .limit(SequenceFidelity.SAMPLE_ROWS)
            .collectAsList();
    Histories.Builder builder = Histories.builder(roles.size());
    for (Row row : rows) {
      Object[] values = new Object[roles.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = row.get(3 + c);
      }

      builder.add(row.getLong(0) + ":" + row.getString(1), row.getDouble(2), values);
    }

    return builder.build();
  }

  /**
   * Counts over every row: [rows with an earlier row of their entity, those whose order value is at
   * least that row's, then per floor rule: rows, rows that keep it].
   */
  private record Rules(long[] counts) {}

  /**
   * One pass in the order the rows are read (files, then rows within them), no shuffle: each task
   * remembers the last order value of every entity it has seen, so a row is compared with the
   * entity's previous row in its partition. A generated history is written by one task, so its rows
   * are in one file; a real table's rows are read in the order it is stored. A null order value
   * breaks the rule; so does a null or lower value of a floor column.
   */
  private static Rules rules(SequenceSpec spec, Dataset<Row> table, ColumnRole order) {
    List<Column> view = new ArrayList<>();
    view.add(entity(spec).alias(ENTITY));
    view.add(order.projection().alias(ORDER));
    double[] floors = new double[spec.floors().size()];
    for (int f = 0; f < floors.length; f++) {
      SequenceSpec.Floor floor = spec.floors().get(f);
      floors[f] = floor.floor();
      view.add(column(floor.column()).cast("double").alias("synthlake_floor_" + f));
    }

    int size = 2 + 2 * floors.length;
    FlatMapFunction<Iterator<Row>, long[]> count =
        rows -> {
          long[] counts = new long[size];
          Map<Object, Double> last = new HashMap<>();
          while (rows.hasNext()) {
            Row row = rows.next();
            Object entity = row.get(0);
            Double value = row.isNullAt(1) ? null : row.getDouble(1);
            if (entity != null) {
              if (last.containsKey(entity)) {
                counts[0]++;
                Double previous = last.get(entity);
                if (value != null && (previous == null || value >= previous)) {
                  counts[1]++;
                }
              }

              if (value != null || !last.containsKey(entity)) {
                last.put(entity, value);
              }
            }

            for (int f = 0; f < floors.length; f++) {
              counts[2 + 2 * f]++;
              if (!row.isNullAt(2 + f) && row.getDouble(2 + f) >= floors[f]) {
                counts[3 + 2 * f]++;
              }
            }
          }

          return Collections.singletonList(counts).iterator();
        };
    long[] total =
        table
            .select(view.toArray(new Column[0]))
            .javaRDD()
            .mapPartitions(count)
            .fold(
                new long[size],
                (a, b) -> {
                  long[] sum = new long[size];
                  for (int i = 0; i < size; i++) {
                    sum[i] = a[i] + b[i];
                  }

                  return sum;
                });
    return new Rules(total);
  }
}
