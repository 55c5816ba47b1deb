package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.PairReport;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Cardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.CategoryCardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.CategoryScore;
import io.synthlake.core.evaluate.TableSetEvaluationResult.FanOutChart;
import io.synthlake.core.evaluate.TableSetEvaluationResult.FanOutSummary;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Headline;
import io.synthlake.core.evaluate.TableSetEvaluationResult.ParentChildAccuracy;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The figures of the relations between tables, from counts: fan-out similarity (overall and within
 * the parents' categories), parent-child and co-parent pair accuracy, and the set's headline. Pure
 * arithmetic; docs/evaluation.md defines each figure.
 */
public final class TableSetFidelity {
  /** Up to this largest child count, the fan-out chart has one bar per count. */
  static final int SINGLE_BARS = 15;

  private TableSetFidelity() {}

  /**
   * The fan-outs of one parent categorical column's categories (the column's evaluation bins), on
   * each side; index i of each list is category i.
   */
  public record CategoryFanOuts(
      String column,
      List<String> categories,
      List<FanOut> train,
      List<FanOut> holdout,
      List<FanOut> synthetic) {
    public CategoryFanOuts {
      categories = List.copyOf(categories);
      train = List.copyOf(train);
      holdout = List.copyOf(holdout);
      synthetic = List.copyOf(synthetic);
    }
  }

  /** The fan-out figures of one parent relation. */
  public static Cardinality cardinality(
      FanOut train, FanOut holdout, FanOut synthetic, List<CategoryFanOuts> byColumn) {
    List<CategoryCardinality> columns = new ArrayList<>();
    for (CategoryFanOuts column : byColumn) {
      columns.add(byCategory(column));
    }

    return new Cardinality(
        new Score(FanOut.similarity(train, synthetic), FanOut.similarity(train, holdout)),
        Score.mean(columns.stream().map(CategoryCardinality::similarity).toList()),
        columns,
        FanOutSummary.of(train),
        FanOutSummary.of(holdout),
        FanOutSummary.of(synthetic),
        chart(train, holdout, synthetic));
  }

  /**
   * Σ over categories of (the category's share of training parents) × (1 − KS within it). A
   * category the other side has no parents in counts 0: its fan-out is missing entirely.
   */
  static CategoryCardinality byCategory(CategoryFanOuts column) {
    long total = column.train().stream().mapToLong(FanOut::parents).sum();
    List<CategoryScore> categories = new ArrayList<>();
    double synthetic = 0;
    double ceiling = 0;
    for (int i = 0; i < column.categories().size(); i++) {
      FanOut train = column.train().get(i);
      if (train.parents() == 0) {
        continue;
      }

      double weight = (double) train.parents() / total;
      Score score =
          new Score(
              withinCategory(train, column.synthetic().get(i)),
              withinCategory(train, column.holdout().get(i)));
      categories.add(new CategoryScore(column.categories().get(i), weight, score));
      synthetic += weight * score.synthetic();
      ceiling += weight * score.ceiling();
    }

    return new CategoryCardinality(
        column.column(),
        total == 0 ? new Score(Double.NaN, Double.NaN) : new Score(synthetic, ceiling),
        categories);
  }

  private static double withinCategory(FanOut train, FanOut other) {
    return other.parents() == 0 ? 0 : FanOut.similarity(train, other);
  }

  /**
   * Pair accuracy from the joint counts of the three sides, over the same columns; pairs named
   * {@code parentName.column} and {@code childName.column}, worst first.
   *
   * @param parentName what names the counts' parent columns: their table, or the foreign key that
   *     reaches their row
   * @param childName the same for the counts' child columns
   */
  public static ParentChildAccuracy pairs(
      String parentName,
      String childName,
      JointCounts train,
      JointCounts holdout,
      JointCounts synthetic) {
    List<PairReport> pairs = new ArrayList<>();
    List<ColumnBinning> parent = train.parentColumns();
    List<ColumnBinning> child = train.childColumns();
    for (int p = 0; p < parent.size(); p++) {
      for (int c = 0; c < child.size(); c++) {
        long[] real = train.counts(p, c);
        pairs.add(
            new PairReport(
                parentName + "." + parent.get(p).name(),
                childName + "." + child.get(c).name(),
                new Score(
                    Fidelity.accuracy(real, synthetic.counts(p, c)),
                    Fidelity.accuracy(real, holdout.counts(p, c)))));
      }
    }

    Score mean = Score.mean(pairs.stream().map(PairReport::accuracy).toList());
    pairs.sort(Comparator.comparingDouble(pair -> pair.accuracy().synthetic()));
    return new ParentChildAccuracy(mean, pairs);
  }

  /**
   * The set's headline: the lowest synthetic integrity over all relations, the means of the parent
   * relations' fan-out and pair figures, and the means of the further relations' pair figures, kept
   * apart from the parent relations' so that each kind of link reads on its own.
   */
  public static Headline headline(List<RelationReport> relations) {
    double integrity =
        relations.stream()
            .mapToDouble(relation -> relation.syntheticIntegrity().share())
            .filter(Double::isFinite)
            .min()
            .orElse(Double.NaN);
    List<Cardinality> cardinalities =
        relations.stream().map(RelationReport::cardinality).filter(Objects::nonNull).toList();
    List<RelationReport> parents =
        relations.stream().filter(RelationReport::parentRelation).toList();
    List<RelationReport> further =
        relations.stream().filter(relation -> !relation.parentRelation()).toList();
    return new Headline(
        integrity,
        Score.mean(cardinalities.stream().map(Cardinality::similarity).toList()),
        Score.mean(cardinalities.stream().map(Cardinality::byCategory).toList()),
        meanAccuracy(parents, RelationReport::accuracy),
        meanAccuracy(further, RelationReport::accuracy),
        meanAccuracy(further, RelationReport::coParentAccuracy));
  }

  private static Score meanAccuracy(
      List<RelationReport> relations, Function<RelationReport, ParentChildAccuracy> figure) {
    return Score.mean(
        relations.stream()
            .map(figure)
            .filter(Objects::nonNull)
            .map(ParentChildAccuracy::accuracy)
            .toList());
  }

  /**
   * Histograms over the same bars: one per child count up to {@value #SINGLE_BARS}; beyond, one per
   * count up to 9, then ranges of a 1-2-5 series (10–19, 20–49, 50–99, 100–199, …).
   */
  static FanOutChart chart(FanOut train, FanOut holdout, FanOut synthetic) {
    long max = Stream.of(train, holdout, synthetic).mapToLong(FanOut::max).max().orElse(0);
    List<long[]> bars = bars(max);
    List<String> labels = new ArrayList<>();
    for (long[] bar : bars) {
      labels.add(bar[0] == bar[1] ? Long.toString(bar[0]) : bar[0] + "–" + bar[1]);
    }

    return new FanOutChart(
        labels, shares(train, bars), shares(holdout, bars), shares(synthetic, bars));
  }

  /** The bars covering 0 to {@code max}, each as {low, high}. */
  static List<long[]> bars(long max) {
    List<long[]> bars = new ArrayList<>();
    long singles = max <= SINGLE_BARS ? max : 9;
    for (long k = 0; k <= singles; k++) {
      bars.add(new long[] {k, k});
    }

    long low = singles + 1;
    long[] steps = {2, 5, 10};
    long decade = 10;
    int step = 0;
    while (low <= max) {
      long high = steps[step] * decade;
      bars.add(new long[] {low, high - 1});
      low = high;
      step++;
      if (step == steps.length) {
        step = 0;
        decade *= 10;
      }
    }

    return bars;
  }

  private static List<Double> shares(FanOut fanOut, List<long[]> bars) {
    List<Double> shares = new ArrayList<>();
    for (long[] bar : bars) {
      shares.add(
          fanOut.parents() == 0
              ? 0.0
              : (double) fanOut.parentsWith(bar[0], bar[1]) / fanOut.parents());
    }

    return shares;
  }
}
