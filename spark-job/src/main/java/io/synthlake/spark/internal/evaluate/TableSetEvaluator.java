package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.ColumnBinning;
import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.FanOut;
import io.synthlake.core.evaluate.JointCounts;
import io.synthlake.core.evaluate.SequenceReport;
import io.synthlake.core.evaluate.SequenceSpec;
import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Cardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Integrity;
import io.synthlake.core.evaluate.TableSetEvaluationResult.KeyCount;
import io.synthlake.core.evaluate.TableSetEvaluationResult.KeyReport;
import io.synthlake.core.evaluate.TableSetEvaluationResult.ParentChildAccuracy;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import io.synthlake.core.evaluate.TableSetFidelity;
import io.synthlake.core.evaluate.TableSetFidelity.CategoryFanOuts;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.spark.internal.SparkTypes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Evaluates a set of related synthetic tables against the real training and holdout sets: each
 * table on its own (its foreign keys and referenced keys set aside), then every relation:
 * referential integrity, key uniqueness, fan-out (children per parent, overall and within the
 * parent's categories) and parent-child pair accuracy over the join; for a further relation, pair
 * accuracy of the referenced row with the child row and with the child's parent row (co-parent).
 * The Spark jobs only count: group-bys over keys and child counts, anti-joins for orphans, and one
 * pass over each join filling {@link JointCounts}; the figures come from core's {@link
 * TableSetFidelity}.
 *
 * <p>Internal: callers use {@link io.synthlake.spark.Evaluation}.
 */
public final class TableSetEvaluator {
  private static final String FOREIGN_KEY = "synthlake_foreign_key";
  private static final String KEY = "synthlake_key";
  private static final String CHILDREN = "synthlake_children";
  private static final String PARENT_FOREIGN_KEY = "synthlake_parent_foreign_key";
  private static final String PARENT = "synthlake_parent";
  private static final String REFERENCED = "synthlake_referenced";
  private static final String CHILD = "synthlake_child";
  private static final String OWN_KEY = "synthlake_own_key";
  private static final List<String> SIDES = List.of("training", "holdout", "synthetic");

  private TableSetEvaluator() {}

  public static TableSetEvaluationResult evaluate(
      Map<String, Dataset<Row>> train,
      Map<String, Dataset<Row>> holdout,
      Map<String, Dataset<Row>> synthetic,
      List<String> relationTexts,
      EvaluationSettings settings) {
    return evaluate(train, holdout, synthetic, relationTexts, List.of(), settings);
  }

  /**
   * As {@link #evaluate(Map, Map, Map, List, EvaluationSettings)}, and the figures of each table of
   * histories in {@code sequences} (its entity column set aside from its own figures).
   */
  public static TableSetEvaluationResult evaluate(
      Map<String, Dataset<Row>> train,
      Map<String, Dataset<Row>> holdout,
      Map<String, Dataset<Row>> synthetic,
      List<String> relationTexts,
      List<SequenceSpec> sequences,
      EvaluationSettings settings) {
    long start = System.nanoTime();
    List<Map<String, Dataset<Row>>> sides = List.of(train, holdout, synthetic);
    checkSides(sides);
    SynthlakeException.check(
        settings.target() == null,
        "evaluate: a target column (ML utility) is for one table; evaluate that table on its own "
            + "for ML utility");
    TableRelations relations =
        TableRelations.check(TableRelations.columns(train), relationTexts, "evaluate");
    for (Relation relation : relations.all()) {
      for (int side = 1; side < sides.size(); side++) {
        for (String column : relation.columns()) {
          hasColumn(sides.get(side), relation, relation.child(), column, side);
        }

        for (String key : relation.keys()) {
          hasColumn(sides.get(side), relation, relation.parent(), key, side);
        }
      }
    }

    Set<String> sequenceTables = new LinkedHashSet<>();
    for (SequenceSpec sequence : sequences) {
      SynthlakeException.check(
          train.containsKey(sequence.table()),
          "evaluate: sequence %s.%s names table '%s', which is not among the tables given (%s)",
          sequence.table(),
          sequence.entity(),
          sequence.table(),
          String.join(", ", train.keySet()));
      SynthlakeException.check(
          sequenceTables.add(sequence.table()),
          "evaluate: table '%s' is given as a sequence twice; give one sequence per table",
          sequence.table());
    }

    Map<String, Evaluator.Evaluated> evaluated = new LinkedHashMap<>();
    for (String name : train.keySet()) {
      Set<String> setAside = new LinkedHashSet<>(relations.keyColumns(name));
      sequences.stream()
          .filter(sequence -> sequence.table().equals(name) && !sequence.isSeries())
          .forEach(sequence -> setAside.add(sequence.entity()));
      try {
        evaluated.put(
            name,
            Evaluator.evaluate(
                train.get(name), holdout.get(name), synthetic.get(name), settings, setAside));
      } catch (SynthlakeException e) {
        throw e.within("table '" + name + "'");
      }
    }

    List<RelationReport> reports = new ArrayList<>();
    for (Relation relation : relations.all()) {
      reports.add(relation(relation, relations, sides, evaluated));
    }

    List<KeyReport> keys = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Relation relation : relations.all()) {
      String keyName = String.join(",", relation.keys());
      if (seen.add(relation.parent() + "." + keyName)) {
        KeyCount[] counts = new KeyCount[3];
        for (int side = 0; side < 3; side++) {
          counts[side] = keyCount(sides.get(side).get(relation.parent()), relation.keys());
        }

        keys.add(new KeyReport(relation.parent(), keyName, counts[0], counts[1], counts[2]));
      }
    }

    List<SequenceReport> histories = new ArrayList<>();
    for (SequenceSpec sequence : sequences) {
      String name = sequence.table();
      histories.add(
          SequenceJob.evaluate(
              sequence,
              List.of(train.get(name), holdout.get(name), synthetic.get(name)),
              evaluated.get(name),
              settings));
    }

    Map<String, EvaluationResult> tables = new LinkedHashMap<>();
    evaluated.forEach(
        (name, table) -> {
          if (table.result() != null) {
            tables.put(name, table.result());
          }
        });
    return new TableSetEvaluationResult(
        TableSetFidelity.headline(reports),
        reports,
        keys,
        tables,
        histories,
        (System.nanoTime() - start) / 1e9);
  }

  /** The same tables on every side, and at least one. */
  private static void checkSides(List<Map<String, Dataset<Row>>> sides) {
    Set<String> names = new LinkedHashSet<>();
    sides.forEach(side -> names.addAll(side.keySet()));
    SynthlakeException.check(
        !names.isEmpty(),
        "evaluate: no tables given; give each table of the set as a training, a holdout and a "
            + "synthetic table");
    for (String name : names) {
      List<String> missing = new ArrayList<>();
      for (int side = 0; side < sides.size(); side++) {
        if (!sides.get(side).containsKey(name)) {
          missing.add(SIDES.get(side));
        }
      }

      SynthlakeException.check(
          missing.isEmpty(),
          "evaluate: table '%s' has no %s table; give every table of the set as a training, a "
              + "holdout and a synthetic table",
          name,
          String.join(" and no ", missing));
    }
  }

  private static void hasColumn(
      Map<String, Dataset<Row>> side, Relation relation, String table, String column, int index) {
    SynthlakeException.check(
        Arrays.asList(side.get(table).columns()).contains(column),
        "evaluate: relation %s names column '%s' of table '%s', which the %s table lacks; give "
            + "the tables the same columns",
        relation,
        column,
        table,
        SIDES.get(index));
  }

  private static RelationReport relation(
      Relation relation,
      TableRelations relations,
      List<Map<String, Dataset<Row>>> sides,
      Map<String, Evaluator.Evaluated> evaluated) {
    boolean parent = relations.isParent(relation);
    Integrity[] integrity = new Integrity[3];
    for (int side = 0; side < 3; side++) {
      integrity[side] =
          integrity(
              sides.get(side).get(relation.child()),
              relation.columns(),
              sides.get(side).get(relation.parent()),
              relation.keys());
    }

    Cardinality cardinality = null;
    ParentChildAccuracy accuracy;
    ParentChildAccuracy coParentAccuracy = null;
    if (parent) {
      cardinality = cardinality(relation, sides, evaluated.get(relation.parent()));
      JointCounts[] counts = new JointCounts[3];
      for (int side = 0; side < 3; side++) {
        counts[side] =
            jointCounts(
                relation,
                sides.get(side),
                evaluated.get(relation.parent()),
                evaluated.get(relation.child()));
      }

      accuracy =
          TableSetFidelity.pairs(
              relation.parent(), relation.child(), counts[0], counts[1], counts[2]);
    } else {
      // A further relation is never its child's first, so the child has a parent.
      Relation childParent = relations.parentOf(relation.child());
      FurtherCounts[] counts = new FurtherCounts[3];
      for (int side = 0; side < 3; side++) {
        counts[side] = furtherCounts(relation, childParent, sides, side, evaluated);
      }

      // Referenced rows are named by the foreign key that reaches them: the child's parent and
      // the referenced table may be one table (a route's origin and destination airports).
      accuracy =
          TableSetFidelity.pairs(
              relation.column(),
              relation.child(),
              counts[0].referencedChild(),
              counts[1].referencedChild(),
              counts[2].referencedChild());
      coParentAccuracy =
          TableSetFidelity.pairs(
              childParent.column(),
              relation.column(),
              counts[0].coParent(),
              counts[1].coParent(),
              counts[2].coParent());
    }

    return new RelationReport(
        relation.toString(),
        relation.child(),
        relation.column(),
        relation.parent(),
        relation.key(),
        parent,
        integrity[0],
        integrity[1],
        integrity[2],
        cardinality,
        accuracy,
        coParentAccuracy);
  }

  private static Column column(String name) {
    return functions.col(SparkTypes.quote(name));
  }

  /**
   * The key over {@code names}: the one column, or for a composite key a struct of them, null when
   * any of them is null, so that keys join on every column.
   */
  private static Column key(List<String> names) {
    if (names.size() == 1) {
      return column(names.get(0));
    }

    Column all = functions.lit(true);
    for (String name : names) {
      all = all.and(column(name).isNotNull());
    }

    return functions.when(
        all,
        functions.struct(names.stream().map(TableSetEvaluator::column).toArray(Column[]::new)));
  }

  private static Integrity integrity(
      Dataset<Row> child, List<String> columns, Dataset<Row> parent, List<String> key) {
    Row counts =
        child.agg(functions.count(functions.lit(1)), functions.count(key(columns))).first();
    long rows = counts.getLong(0);
    long keyed = counts.getLong(1);
    long orphans =
        child
            .select(key(columns).alias(FOREIGN_KEY))
            .where(functions.col(FOREIGN_KEY).isNotNull())
            .join(
                parentKeys(parent, key),
                functions.col(FOREIGN_KEY).equalTo(functions.col(KEY)),
                "left_anti")
            .count();
    return Integrity.of(rows, rows - keyed, orphans);
  }

  private static Dataset<Row> parentKeys(Dataset<Row> parent, List<String> key) {
    return parent.select(key(key).alias(KEY)).where(functions.col(KEY).isNotNull()).distinct();
  }

  private static KeyCount keyCount(Dataset<Row> table, List<String> key) {
    Row counts =
        table
            .agg(
                functions.count(functions.lit(1)),
                functions.count(key(key)),
                functions.countDistinct(key(key)))
            .first();
    return KeyCount.of(counts.getLong(0), counts.getLong(0) - counts.getLong(1), counts.getLong(2));
  }

  /**
   * The fan-out on each side, over every parent row (those without children count 0), and within
   * the categories of each of the parent's categorical columns with fewer than {@link
   * EvaluationSettings#FINE_CATEGORIES} distinct training values, binned as its evaluation bins it.
   */
  private static Cardinality cardinality(
      Relation relation, List<Map<String, Dataset<Row>>> sides, Evaluator.Evaluated parent) {
    List<Integer> categorical = new ArrayList<>();
    for (int c = 0; c < parent.roles().size(); c++) {
      ColumnBinning binning = parent.plan().columns().get(c);
      if (!parent.roles().get(c).numeric()
          && binning.values().size() < EvaluationSettings.FINE_CATEGORIES) {
        categorical.add(c);
      }
    }

    FanOut[] overall = new FanOut[3];
    List<List<List<FanOut>>> byColumn = new ArrayList<>(); // [side][column][category]
    for (int side = 0; side < 3; side++) {
      Map<String, Dataset<Row>> tables = sides.get(side);
      Dataset<Row> children =
          tables
              .get(relation.child())
              .select(key(relation.columns()).alias(FOREIGN_KEY))
              .where(functions.col(FOREIGN_KEY).isNotNull())
              .groupBy(FOREIGN_KEY)
              .agg(functions.count(functions.lit(1)).alias(CHILDREN));
      List<Column> parentColumns = new ArrayList<>();
      parentColumns.add(key(relation.keys()).alias(KEY));
      for (int c : categorical) {
        parentColumns.add(parent.roles().get(c).projection().alias("synthlake_category_" + c));
      }

      List<Column> fanOutColumns = new ArrayList<>();
      fanOutColumns.add(
          functions.coalesce(functions.col(CHILDREN), functions.lit(0L)).alias(CHILDREN));
      for (int c : categorical) {
        fanOutColumns.add(functions.col("synthlake_category_" + c));
      }

      Dataset<Row> parents =
          tables
              .get(relation.parent())
              .select(parentColumns.toArray(new Column[0]))
              .join(children, functions.col(KEY).equalTo(functions.col(FOREIGN_KEY)), "left")
              .select(fanOutColumns.toArray(new Column[0]));
      if (!categorical.isEmpty()) {
        parents = parents.persist(StorageLevel.MEMORY_AND_DISK());
      }

      Map<Long, Long> counts = new HashMap<>();
      for (Row row : parents.groupBy(CHILDREN).count().collectAsList()) {
        counts.put(row.getLong(0), row.getLong(1));
      }

      overall[side] = FanOut.of(counts);
      List<List<FanOut>> columns = new ArrayList<>();
      for (int c : categorical) {
        ColumnBinning binning = parent.plan().columns().get(c);
        List<Map<Long, Long>> categories = new ArrayList<>();
        for (int bin = 0; bin < binning.binCount(); bin++) {
          categories.add(new HashMap<>());
        }

        for (Row row :
            parents
                .groupBy(functions.col("synthlake_category_" + c), functions.col(CHILDREN))
                .count()
                .collectAsList()) {
          categories.get(binning.bin(row.get(0))).merge(row.getLong(1), row.getLong(2), Long::sum);
        }

        columns.add(categories.stream().map(FanOut::of).toList());
      }

      byColumn.add(columns);
      parents.unpersist();
    }

    List<CategoryFanOuts> categories = new ArrayList<>();
    for (int i = 0; i < categorical.size(); i++) {
      ColumnBinning binning = parent.plan().columns().get(categorical.get(i));
      categories.add(
          new CategoryFanOuts(
              binning.name(),
              binning.labels(),
              byColumn.get(0).get(i),
              byColumn.get(1).get(i),
              byColumn.get(2).get(i)));
    }

    return TableSetFidelity.cardinality(overall[0], overall[1], overall[2], categories);
  }

  /**
   * One pass over the child rows joined to their parents (an inner join: orphans have no parent to
   * pair with), counting every parent column × child column pair in the tables' evaluation bins.
   */
  private static JointCounts jointCounts(
      Relation relation,
      Map<String, Dataset<Row>> tables,
      Evaluator.Evaluated parent,
      Evaluator.Evaluated child) {
    int parentColumns = parent.roles().size();
    int childColumns = child.roles().size();
    JointCounts empty = JointCounts.of(parent.columns(), child.columns());
    if (parentColumns == 0 || childColumns == 0) {
      return empty;
    }

    List<Column> childView = new ArrayList<>();
    childView.add(key(relation.columns()).alias(FOREIGN_KEY));
    for (int c = 0; c < childColumns; c++) {
      childView.add(child.roles().get(c).projection().alias("synthlake_child_" + c));
    }

    List<Column> parentView = new ArrayList<>();
    parentView.add(key(relation.keys()).alias(KEY));
    for (int p = 0; p < parentColumns; p++) {
      parentView.add(parent.roles().get(p).projection().alias("synthlake_parent_" + p));
    }

    List<Column> joinedView = new ArrayList<>();
    for (int p = 0; p < parentColumns; p++) {
      joinedView.add(functions.col("synthlake_parent_" + p));
    }

    for (int c = 0; c < childColumns; c++) {
      joinedView.add(functions.col("synthlake_child_" + c));
    }

    Dataset<Row> joined =
        tables
            .get(relation.child())
            .select(childView.toArray(new Column[0]))
            .join(
                tables.get(relation.parent()).select(parentView.toArray(new Column[0])),
                functions.col(FOREIGN_KEY).equalTo(functions.col(KEY)),
                "inner")
            .select(joinedView.toArray(new Column[0]));
    return joined
        .javaRDD()
        .treeAggregate(
            empty,
            (JointCounts counts, Row row) -> {
              Object[] parentValues = new Object[parentColumns];
              Object[] childValues = new Object[childColumns];
              for (int p = 0; p < parentColumns; p++) {
                parentValues[p] = row.get(p);
              }

              for (int c = 0; c < childColumns; c++) {
                childValues[c] = row.get(parentColumns + c);
              }

              counts.add(parentValues, childValues);
              return counts;
            },
            JointCounts::merge,
            2);
  }

  /**
   * A further relation's counts on one side: the referenced row's columns × the child's columns,
   * and the child's parent's columns × the referenced row's columns.
   */
  private record FurtherCounts(JointCounts referencedChild, JointCounts coParent)
      implements Serializable {
    FurtherCounts merge(FurtherCounts other) {
      referencedChild.merge(other.referencedChild);
      coParent.merge(other.coParent);
      return this;
    }
  }

  /**
   * One pass over the child rows of one side joined to the rows their further key references (an
   * inner join) and, beside, to their parent rows (a left join, so that a child without a parent
   * still counts towards the referenced-child pairs). On the real sides both joins go to the
   * training and holdout rows together: the split follows parent relations only, so a held-out
   * child's further key often references a training row, and joining within the side would drop it.
   */
  private static FurtherCounts furtherCounts(
      Relation relation,
      Relation childParent,
      List<Map<String, Dataset<Row>>> sides,
      int side,
      Map<String, Evaluator.Evaluated> evaluated) {
    Evaluator.Evaluated referenced = evaluated.get(relation.parent());
    Evaluator.Evaluated parent = evaluated.get(childParent.parent());
    Evaluator.Evaluated child = evaluated.get(relation.child());
    int referencedColumns = referenced.roles().size();
    int parentColumns = parent.roles().size();
    int childColumns = child.roles().size();
    FurtherCounts empty =
        new FurtherCounts(
            JointCounts.of(referenced.columns(), child.columns()),
            JointCounts.of(parent.columns(), referenced.columns()));
    if (referencedColumns == 0 || childColumns + parentColumns == 0) {
      return empty;
    }

    List<Column> childView = new ArrayList<>();
    for (int k = 0; k < relation.columns().size(); k++) {
      childView.add(column(relation.columns().get(k)).alias(indexed(FOREIGN_KEY, k)));
    }

    for (int k = 0; k < childParent.columns().size(); k++) {
      childView.add(column(childParent.columns().get(k)).alias(indexed(PARENT_FOREIGN_KEY, k)));
    }

    for (int c = 0; c < childColumns; c++) {
      childView.add(child.roles().get(c).projection().alias(indexed(CHILD, c)));
    }

    Dataset<Row> referencedRows =
        realOrOwnRows(sides, side, relation.parent(), relation.keys(), referenced, REFERENCED);
    Dataset<Row> parentRows =
        realOrOwnRows(sides, side, childParent.parent(), childParent.keys(), parent, PARENT);
    List<Column> joinedView = new ArrayList<>();
    joinedView.add(functions.col(indexed(keyOf(PARENT), 0))); // null when no parent joined
    for (int p = 0; p < parentColumns; p++) {
      joinedView.add(functions.col(indexed(PARENT, p)));
    }

    for (int r = 0; r < referencedColumns; r++) {
      joinedView.add(functions.col(indexed(REFERENCED, r)));
    }

    for (int c = 0; c < childColumns; c++) {
      joinedView.add(functions.col(indexed(CHILD, c)));
    }

    Dataset<Row> joined =
        sides
            .get(side)
            .get(relation.child())
            .select(childView.toArray(new Column[0]))
            .join(
                referencedRows,
                keysMatch(FOREIGN_KEY, keyOf(REFERENCED), relation.columns().size()),
                "inner")
            .join(
                parentRows,
                keysMatch(PARENT_FOREIGN_KEY, keyOf(PARENT), childParent.columns().size()),
                "left")
            .select(joinedView.toArray(new Column[0]));
    return joined
        .javaRDD()
        .treeAggregate(
            empty,
            (FurtherCounts counts, Row row) -> {
              Object[] parentValues = new Object[parentColumns];
              Object[] referencedValues = new Object[referencedColumns];
              Object[] childValues = new Object[childColumns];
              for (int p = 0; p < parentColumns; p++) {
                parentValues[p] = row.get(1 + p);
              }

              for (int r = 0; r < referencedColumns; r++) {
                referencedValues[r] = row.get(1 + parentColumns + r);
              }

              for (int c = 0; c < childColumns; c++) {
                childValues[c] = row.get(1 + parentColumns + referencedColumns + c);
              }

              counts.referencedChild().add(referencedValues, childValues);
              if (!row.isNullAt(0)) {
                counts.coParent().add(parentValues, referencedValues);
              }

              return counts;
            },
            FurtherCounts::merge,
            2);
  }

  /**
   * The rows of {@code table} a foreign key may reach, as their keys ({@code prefix_key_k}) and
   * their compared values ({@code prefix_0, prefix_1, …}): the synthetic side's own rows; on a real
   * side its own rows plus the other real side's rows with a key it lacks (the two sides' keys are
   * disjoint after a split by root, so that is every real row, and a key both sides hold is not
   * joined twice).
   */
  private static Dataset<Row> realOrOwnRows(
      List<Map<String, Dataset<Row>>> sides,
      int side,
      String table,
      List<String> keys,
      Evaluator.Evaluated evaluated,
      String prefix) {
    Dataset<Row> own = keyedValues(sides.get(side).get(table), keys, evaluated, prefix);
    if (side == 2) {
      return own;
    }

    Dataset<Row> other = keyedValues(sides.get(1 - side).get(table), keys, evaluated, prefix);
    List<Column> ownKeys = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      ownKeys.add(functions.col(indexed(keyOf(prefix), k)).alias(indexed(OWN_KEY, k)));
    }

    Dataset<Row> otherOnly =
        other.join(
            own.select(ownKeys.toArray(new Column[0])),
            keysMatch(keyOf(prefix), OWN_KEY, keys.size()),
            "left_anti");
    return own.unionByName(otherOnly);
  }

  private static Dataset<Row> keyedValues(
      Dataset<Row> table, List<String> keys, Evaluator.Evaluated evaluated, String prefix) {
    List<Column> view = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      view.add(column(keys.get(k)).alias(indexed(keyOf(prefix), k)));
    }

    for (int v = 0; v < evaluated.roles().size(); v++) {
      view.add(evaluated.roles().get(v).projection().alias(indexed(prefix, v)));
    }

    return table.select(view.toArray(new Column[0]));
  }

  /** Every column {@code left_k} equals {@code right_k}, k below {@code count}. */
  private static Column keysMatch(String left, String right, int count) {
    Column match = functions.col(indexed(left, 0)).equalTo(functions.col(indexed(right, 0)));
    for (int k = 1; k < count; k++) {
      match = match.and(functions.col(indexed(left, k)).equalTo(functions.col(indexed(right, k))));
    }

    return match;
  }

  private static String indexed(String name, int index) {
    return name + "_" + index;
  }

  private static String keyOf(String prefix) {
    return prefix + "_key";
  }
}
