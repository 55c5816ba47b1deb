package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.PairReport;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one evaluation of a set of related synthetic tables: each table's own evaluation,
 * and the figures of the relations between them (referential integrity, key uniqueness, fan-out
 * similarity, parent-child and co-parent pair accuracy), each beside its holdout ceiling.
 * Immutable; the JSON output and the HTML report are both written from it. docs/evaluation.md
 * defines each figure.
 *
 * @param headline the set's headline figures
 * @param relations one entry per relation, in the order given
 * @param keys the uniqueness of every key a relation references
 * @param tables each table's single-table evaluation, in the order given, with its foreign keys and
 *     referenced keys set aside
 * @param sequences the figures of each table of histories, in the order given
 * @param seconds the time the whole evaluation took
 */
public record TableSetEvaluationResult(
    Headline headline,
    List<RelationReport> relations,
    List<KeyReport> keys,
    Map<String, EvaluationResult> tables,
    List<SequenceReport> sequences,
    double seconds) {

  public TableSetEvaluationResult {
    relations = List.copyOf(relations);
    keys = List.copyOf(keys);
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    sequences = List.copyOf(sequences);
  }

  /** A set without tables of histories. */
  public TableSetEvaluationResult(
      Headline headline,
      List<RelationReport> relations,
      List<KeyReport> keys,
      Map<String, EvaluationResult> tables,
      double seconds) {
    this(headline, relations, keys, tables, List.of(), seconds);
  }

  /**
   * The set's headline figures.
   *
   * @param syntheticIntegrity the lowest referential integrity of the synthetic tables over every
   *     relation: 1.0 when every foreign key joins
   * @param cardinality fan-out similarity, the mean over parent relations
   * @param cardinalityByCategory fan-out similarity within the parents' categories, the mean over
   *     parent relations that have categorical parent columns
   * @param parentChildAccuracy parent-child pair accuracy, the mean over parent relations
   * @param furtherParentChildAccuracy the referenced table's columns × the child's columns, the
   *     mean over further relations; NaN when there are none
   * @param coParentAccuracy the child's parent's columns × the referenced table's columns, the mean
   *     over further relations; NaN when there are none
   */
  public record Headline(
      double syntheticIntegrity,
      Score cardinality,
      Score cardinalityByCategory,
      Score parentChildAccuracy,
      Score furtherParentChildAccuracy,
      Score coParentAccuracy) {}

  /**
   * One relation: {@code column} of table {@code child} holds values of key {@code key} of table
   * {@code parent}.
   *
   * @param relation the relation as written, {@code child.column=parent.key}
   * @param parentRelation whether this is the child's first relation, which names its parent (its
   *     rows belong to the parent's); a further relation only references a table
   * @param cardinality the fan-out figures; null unless a parent relation
   * @param accuracy the pair accuracy of the referenced table's columns × the child's columns over
   *     the join; for a further relation, the real sides join against the training and holdout rows
   *     of the referenced table together, since the holdout split follows parent relations only
   * @param coParentAccuracy for a further relation, the pair accuracy of the child's parent's
   *     columns × the referenced table's columns over the child rows (joined as {@code accuracy});
   *     null for a parent relation
   */
  public record RelationReport(
      String relation,
      String child,
      String column,
      String parent,
      String key,
      boolean parentRelation,
      Integrity trainIntegrity,
      Integrity holdoutIntegrity,
      Integrity syntheticIntegrity,
      Cardinality cardinality,
      ParentChildAccuracy accuracy,
      ParentChildAccuracy coParentAccuracy) {}

  /**
   * Referential integrity of one relation in one table set.
   *
   * @param childRows rows of the child table
   * @param nullKeys rows whose foreign key is null (they reference nothing, and are no orphans)
   * @param orphans rows whose foreign key is not null and matches no key of the parent table
   * @param share the share of rows with a foreign key that match a parent row: (childRows −
   *     nullKeys − orphans) / (childRows − nullKeys); NaN when every key is null
   */
  public record Integrity(long childRows, long nullKeys, long orphans, double share) {
    public static Integrity of(long childRows, long nullKeys, long orphans) {
      long keyed = childRows - nullKeys;
      return new Integrity(
          childRows,
          nullKeys,
          orphans,
          keyed == 0 ? Double.NaN : (double) (keyed - orphans) / keyed);
    }
  }

  /** Whether a referenced key is unique, in the training, holdout and synthetic tables. */
  public record KeyReport(
      String table, String key, KeyCount train, KeyCount holdout, KeyCount synthetic) {}

  /**
   * The rows of a key column, its nulls and its repeats.
   *
   * @param duplicates rows with a key value an earlier row has: non-null rows − distinct values
   * @param unique no nulls and no duplicates
   */
  public record KeyCount(long rows, long nullKeys, long duplicates, boolean unique) {
    public static KeyCount of(long rows, long nullKeys, long distinct) {
      long duplicates = rows - nullKeys - distinct;
      return new KeyCount(rows, nullKeys, duplicates, nullKeys == 0 && duplicates == 0);
    }
  }

  /**
   * How alike the numbers of children per parent are: 1 − KS between the training fan-out and the
   * synthetic one, the ceiling being the same for the holdout.
   *
   * @param similarity over all parents
   * @param byCategory within each category of the parent's categorical columns, weighted by the
   *     category's share of training parents, then the mean over those columns; NaN when the parent
   *     has none
   * @param columns the figure of each categorical parent column
   * @param chart the fan-out histograms the report draws
   */
  public record Cardinality(
      Score similarity,
      Score byCategory,
      List<CategoryCardinality> columns,
      FanOutSummary train,
      FanOutSummary holdout,
      FanOutSummary synthetic,
      FanOutChart chart) {
    public Cardinality {
      columns = List.copyOf(columns);
    }
  }

  /** Fan-out similarity within the categories of one parent column, and its weighted mean. */
  public record CategoryCardinality(
      String column, Score similarity, List<CategoryScore> categories) {
    public CategoryCardinality {
      categories = List.copyOf(categories);
    }
  }

  /**
   * Fan-out similarity among the parents of one category.
   *
   * @param weight the category's share of training parents
   */
  public record CategoryScore(String category, double weight, Score similarity) {}

  /** One side's fan-out in numbers. */
  public record FanOutSummary(
      long parents, long children, double mean, double zeroShare, long max) {
    public static FanOutSummary of(FanOut fanOut) {
      return new FanOutSummary(
          fanOut.parents(), fanOut.children(), fanOut.mean(), fanOut.zeroShare(), fanOut.max());
    }
  }

  /**
   * Histograms of children per parent over the same bins for the three sides: the share of parents
   * whose child count falls in each bin.
   */
  public record FanOutChart(
      List<String> bins,
      List<Double> trainShares,
      List<Double> holdoutShares,
      List<Double> syntheticShares) {
    public FanOutChart {
      bins = List.copyOf(bins);
      trainShares = List.copyOf(trainShares);
      holdoutShares = List.copyOf(holdoutShares);
      syntheticShares = List.copyOf(syntheticShares);
    }
  }

  /**
   * Pair accuracy over a join: for every column of one table and every column of the other, 1 − TVD
   * between the binned joint distributions over the joined child rows.
   *
   * @param accuracy the mean over pairs
   * @param pairs each pair, worst first: named {@code parent.column} and {@code child.column} for a
   *     parent relation; for a further relation each referenced row is named by the foreign key
   *     that reaches it ({@code destination.state} and {@code flights.count}; {@code origin.state}
   *     and {@code destination.state} for co-parent pairs), since both may be rows of one table
   */
  public record ParentChildAccuracy(Score accuracy, List<PairReport> pairs) {
    public ParentChildAccuracy {
      pairs = List.copyOf(pairs);
    }
  }
}
