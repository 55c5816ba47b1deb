package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.NameMatch;
import io.synthlake.core.fit.RelationDetector;
import io.synthlake.core.fit.RelationDetector.Candidate;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.spark.internal.SparkTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.VarcharType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the foreign keys between tables: one aggregate pass per table counts each key-like column's
 * values exactly (text and whole numbers), the columns whose values are all distinct are the keys,
 * and each column pair that passes the name and value filters of {@link RelationDetector} is joined
 * (left semi) to count the column's rows whose value the key holds.
 */
final class RelationDetection {
  /** The most column pairs joined, one Spark job each; more is refused before the first. */
  static final int MAX_JOINS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(RelationDetection.class);

  private RelationDetection() {}

  /** Text or whole numbers: the two kinds of value a key may hold, which never match each other. */
  private enum Kind {
    TEXT,
    NUMBER
  }

  /** One key-like column's exact counts and range. */
  private record Stats(String name, Kind kind, long rows, long values, Object min, Object max) {
    boolean unique() {
      return rows > 0 && values == rows;
    }
  }

  private record Pair(String child, Stats column, String parent, Stats key, NameMatch match) {}

  static List<RelationProposal> detect(Map<String, Dataset<Row>> tables) {
    SynthlakeException.check(
        tables.size() >= 2,
        "detecting relations needs at least two tables, got %d: pass every table of the set",
        tables.size());
    Map<String, List<Stats>> stats = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
      TableSetFitting.checkTableName(table.getKey());
      stats.put(table.getKey(), stats(table.getValue()));
    }

    List<Pair> pairs = new ArrayList<>();
    for (String child : stats.keySet()) {
      for (Stats column : stats.get(child)) {
        for (String parent : stats.keySet()) {
          if (parent.equals(child) || column.rows() == 0) {
            continue;
          }

          for (Stats key : stats.get(parent)) {
            if (!key.unique() || key.kind() != column.kind()) {
              continue;
            }

            NameMatch match = NameMatch.of(column.name(), parent, key.name());
            // A column matched by values only must hold none but the key's, so its range must lie
            // within the key's: a cheap test that spares most joins.
            if (RelationDetector.worthJoining(match, column.values(), key.values())
                && (match != NameMatch.NONE || within(column, key))) {
              pairs.add(new Pair(child, column, parent, key, match));
            }
          }
        }
      }
    }

    SynthlakeException.check(
        pairs.size() <= MAX_JOINS,
        "detecting relations would join %d column pairs of tables %s, more than %d: detect them "
            + "on fewer tables at a time, or name the relations yourself",
        pairs.size(),
        String.join(", ", tables.keySet()),
        MAX_JOINS);
    long start = System.nanoTime();
    List<Candidate> candidates = new ArrayList<>();
    for (Pair pair : pairs) {
      long found =
          found(
              tables.get(pair.child()),
              pair.column().name(),
              tables.get(pair.parent()),
              pair.key().name());
      candidates.add(
          new Candidate(
              new Relation(pair.child(), pair.column().name(), pair.parent(), pair.key().name()),
              pair.match(),
              pair.column().rows(),
              found,
              pair.key().values()));
    }

    LOG.info(
        "Joined {} column pairs of {} tables in {} ms",
        pairs.size(),
        tables.size(),
        (System.nanoTime() - start) / 1_000_000);
    List<RelationProposal> proposals = new ArrayList<>();
    for (Candidate chosen : RelationDetector.choose(new ArrayList<>(tables.keySet()), candidates)) {
      Relation relation = chosen.relation();
      proposals.add(
          new RelationProposal(
              relation.child(),
              relation.column(),
              relation.parent(),
              relation.key(),
              chosen.nameMatch(),
              chosen.inclusion(),
              chosen.keyValues()));
    }

    return List.copyOf(proposals);
  }

  /** The key-like columns of {@code table}, counted in one aggregate pass. */
  private static List<Stats> stats(Dataset<Row> table) {
    List<StructField> fields = new ArrayList<>();
    List<Column> aggregates = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (kind(field.dataType()) != null) {
        Column column = functions.col(SparkTypes.quote(field.name()));
        fields.add(field);
        aggregates.add(functions.count(column));
        aggregates.add(functions.count_distinct(column));
        aggregates.add(functions.min(column));
        aggregates.add(functions.max(column));
      }
    }

    if (fields.isEmpty()) {
      return List.of();
    }

    Row counts =
        table
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
            .first();
    List<Stats> stats = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      stats.add(
          new Stats(
              fields.get(i).name(),
              kind(fields.get(i).dataType()),
              counts.getLong(4 * i),
              counts.getLong(4 * i + 1),
              counts.get(4 * i + 2),
              counts.get(4 * i + 3)));
    }

    return stats;
  }

  /** The kind of key a column of {@code type} may be, or null: text, or whole numbers. */
  private static Kind kind(DataType type) {
    if (type instanceof StringType || type instanceof CharType || type instanceof VarcharType) {
      return Kind.TEXT;
    }

    if (type.equals(DataTypes.ByteType)
        || type.equals(DataTypes.ShortType)
        || type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.LongType)
        || (type instanceof DecimalType decimal && decimal.scale() == 0)) {
      return Kind.NUMBER;
    }

    return null;
  }

  /** Whether {@code column}'s smallest and largest values lie within {@code key}'s. */
  private static boolean within(Stats column, Stats key) {
    return compare(column.min(), key.min()) >= 0 && compare(column.max(), key.max()) <= 0;
  }

  /** Spark's order: text by code point (as its UTF-8 bytes compare), numbers by value. */
  private static int compare(Object a, Object b) {
    if (a instanceof String left && b instanceof String right) {
      return compareCodePoints(left, right);
    }

    return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
  }

  private static int compareCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }

      i += Character.charCount(a);
      j += Character.charCount(b);
    }

    return Integer.compare(left.length() - i, right.length() - j);
  }

  /** The rows of {@code column} whose value {@code key} holds (nulls are never found). */
  private static long found(Dataset<Row> child, String column, Dataset<Row> parent, String key) {
    Dataset<Row> values =
        child.select(functions.col(SparkTypes.quote(column)).as("synthlake_value"));
    Dataset<Row> keys = parent.select(functions.col(SparkTypes.quote(key)).as("synthlake_key"));
    return values
        .join(keys, values.col("synthlake_value").equalTo(keys.col("synthlake_key")), "left_semi")
        .count();
  }
}
