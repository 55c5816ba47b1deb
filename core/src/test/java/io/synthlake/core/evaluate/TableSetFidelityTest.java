package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Cardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.CategoryCardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Headline;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Integrity;
import io.synthlake.core.evaluate.TableSetEvaluationResult.KeyCount;
import io.synthlake.core.evaluate.TableSetEvaluationResult.ParentChildAccuracy;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import io.synthlake.core.evaluate.TableSetFidelity.CategoryFanOuts;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of relations from fixed counts, each against the number worked out by hand. */
class TableSetFidelityTest {
  private static FanOut fanOut(long... childrenOfEachParent) {
    long[] ones = new long[childrenOfEachParent.length];
    Arrays.fill(ones, 1);
    return FanOut.of(childrenOfEachParent, ones);
  }

  @Test
  void integrityCountsOnlyRowsWithAKey() {
    Integrity integrity = Integrity.of(10, 2, 2);
    assertThat(integrity.share()).isEqualTo(0.75);
    assertThat(Integrity.of(5, 0, 0).share()).isEqualTo(1.0);
    assertThat(Integrity.of(3, 3, 0).share()).isNaN();
  }

  @Test
  void keysAreUniqueWithoutNullsOrRepeats() {
    KeyCount repeated = KeyCount.of(10, 1, 7);
    assertThat(repeated.duplicates()).isEqualTo(2);
    assertThat(repeated.unique()).isFalse();
    assertThat(KeyCount.of(10, 0, 10).unique()).isTrue();
    assertThat(KeyCount.of(10, 1, 9).unique()).isFalse();
  }

  @Test
  void fanOutWithinCategoriesIsWeightedByTrainingParents() {
    // Category A: 3 training parents (weight 0.75) with 0, 2, 2 children; B: 1 (weight 0.25) with
    // 1.
    // Synthetic A has 0 and 2 (KS 1/6); synthetic B has no parents, which counts 0.
    // Holdout A has 2 (KS 1/3); holdout B has 1 (KS 0).
    CategoryFanOuts column =
        new CategoryFanOuts(
            "size",
            List.of("A", "B", "(other)", "(null)"),
            List.of(fanOut(0, 2, 2), fanOut(1), FanOut.empty(), FanOut.empty()),
            List.of(fanOut(2), fanOut(1), fanOut(5), FanOut.empty()),
            List.of(fanOut(0, 2), FanOut.empty(), fanOut(3), FanOut.empty()));
    CategoryCardinality figure = TableSetFidelity.byCategory(column);
    assertThat(figure.similarity().synthetic()).isCloseTo(0.75 * 5 / 6, within(1e-12));
    assertThat(figure.similarity().ceiling()).isCloseTo(0.75 * 2 / 3 + 0.25, within(1e-12));
    // Categories without training parents have no weight and are not listed.
    assertThat(figure.categories()).hasSize(2);
    assertThat(figure.categories().get(0).weight()).isEqualTo(0.75);

    Cardinality cardinality =
        TableSetFidelity.cardinality(
            fanOut(0, 2, 2, 1), fanOut(2, 1, 5), fanOut(0, 2, 3), List.of(column));
    // Overall CDFs at 0, 1, 2, 3, 5: train .25 .5 1 1 1; synthetic 1/3 1/3 2/3 1 1; holdout 0 1/3
    // 2/3 2/3 1.
    assertThat(cardinality.similarity().synthetic()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cardinality.similarity().ceiling()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cardinality.byCategory().synthetic()).isCloseTo(0.625, within(1e-12));
    assertThat(cardinality.train().mean()).isEqualTo(1.25);
    assertThat(cardinality.synthetic().zeroShare()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void pairAccuracyComparesTheBinnedJointDistributions() {
    ColumnBinning size = ColumnBinning.categorical("size", Arrays.asList("big", "small"));
    ColumnBinning amount =
        ColumnBinning.numeric(
            "amount", ColumnBinning.Scale.NUMBER, new double[] {10}, new double[] {10});
    JointCounts train = JointCounts.of(List.of(size), List.of(amount));
    JointCounts holdout = train.newEmpty();
    JointCounts synthetic = train.newEmpty();
    // Training: (big, 5), (big, 7), (small, 20): shares 2/3 in (big, < 10), 1/3 in (small, ≥ 10).
    train.add(new Object[] {"big"}, new Object[] {5.0});
    train.add(new Object[] {"big"}, new Object[] {7.0});
    train.add(new Object[] {"small"}, new Object[] {20.0});
    // Synthetic: (big, 1), (small, 2): 1/2 each in (big, < 10) and (small, < 10); TVD 1/2.
    synthetic.add(new Object[] {"big"}, new Object[] {1.0});
    synthetic.add(new Object[] {"small"}, new Object[] {2.0});
    // Holdout: halves in the two training cells, TVD 1/6.
    holdout.add(new Object[] {"big"}, new Object[] {3.0});
    holdout.add(new Object[] {"small"}, new Object[] {30.0});
    JointCounts merged = holdout.newEmpty().merge(holdout);
    assertThat(merged.counts(0, 0)).isEqualTo(holdout.counts(0, 0));

    ParentChildAccuracy accuracy =
        TableSetFidelity.pairs("shops", "orders", train, holdout, synthetic);
    assertThat(accuracy.pairs()).hasSize(1);
    assertThat(accuracy.pairs().get(0).first()).isEqualTo("shops.size");
    assertThat(accuracy.pairs().get(0).second()).isEqualTo("orders.amount");
    assertThat(accuracy.accuracy().synthetic()).isCloseTo(0.5, within(1e-12));
    assertThat(accuracy.accuracy().ceiling()).isCloseTo(5.0 / 6, within(1e-12));

    JointCounts withNull = train.newEmpty();
    withNull.add(new Object[] {null}, new Object[] {null});
    // size has bins big, small, (other), (null); amount < 10, ≥ 10, (null): the last cell.
    assertThat(withNull.counts(0, 0)[3 * 3 + 2]).isEqualTo(1);
  }

  @Test
  void coParentPairsNameEachReferencedRowByItsForeignKey() {
    // Routes: the origin airport's region × the destination airport's region, both binned as
    // airports' region column.
    ColumnBinning region = ColumnBinning.categorical("region", Arrays.asList("east", "west"));
    JointCounts train = JointCounts.of(List.of(region), List.of(region));
    JointCounts holdout = train.newEmpty();
    JointCounts synthetic = train.newEmpty();
    // Training routes stay within their region: (east, east) ×3, (west, west) ×1.
    for (int i = 0; i < 3; i++) {
      train.add(new Object[] {"east"}, new Object[] {"east"});
    }

    train.add(new Object[] {"west"}, new Object[] {"west"});
    // Holdout: (east, east), (west, west): shares 1/2, 1/2 against 3/4, 1/4, TVD 1/4.
    holdout.add(new Object[] {"east"}, new Object[] {"east"});
    holdout.add(new Object[] {"west"}, new Object[] {"west"});
    // Synthetic destinations ignore the origin: (east, west) ×2, (east, east), (west, west).
    // Shares 1/4 (east, east), 1/2 (east, west), 1/4 (west, west): TVD ½(1/2 + 1/2 + 0) = 1/2.
    synthetic.add(new Object[] {"east"}, new Object[] {"west"});
    synthetic.add(new Object[] {"east"}, new Object[] {"west"});
    synthetic.add(new Object[] {"east"}, new Object[] {"east"});
    synthetic.add(new Object[] {"west"}, new Object[] {"west"});

    ParentChildAccuracy coParent =
        TableSetFidelity.pairs("origin", "destination", train, holdout, synthetic);
    assertThat(coParent.pairs()).hasSize(1);
    assertThat(coParent.pairs().get(0).first()).isEqualTo("origin.region");
    assertThat(coParent.pairs().get(0).second()).isEqualTo("destination.region");
    assertThat(coParent.accuracy().synthetic()).isCloseTo(0.5, within(1e-12));
    assertThat(coParent.accuracy().ceiling()).isCloseTo(0.75, within(1e-12));
    assertThat(coParent.accuracy().ratio()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void headlineTakesTheLowestIntegrityAndMeansOfParentRelations() {
    Cardinality cardinality =
        TableSetFidelity.cardinality(fanOut(1, 2), fanOut(1, 2), fanOut(1, 1), List.of());
    ParentChildAccuracy accuracy = new ParentChildAccuracy(new Score(0.8, 0.9), List.of());
    RelationReport parent =
        new RelationReport(
            "orders.shop=shops.id",
            "orders",
            "shop",
            "shops",
            "id",
            true,
            Integrity.of(4, 0, 0),
            Integrity.of(2, 0, 0),
            Integrity.of(4, 0, 0),
            cardinality,
            accuracy,
            null);
    RelationReport further =
        new RelationReport(
            "orders.courier=couriers.id",
            "orders",
            "courier",
            "couriers",
            "id",
            false,
            Integrity.of(4, 0, 0),
            Integrity.of(2, 0, 1),
            Integrity.of(4, 0, 1),
            null,
            new ParentChildAccuracy(new Score(0.6, 0.7), List.of()),
            new ParentChildAccuracy(new Score(0.5, 0.9), List.of()));
    RelationReport secondFurther =
        new RelationReport(
            "orders.packer=couriers.id",
            "orders",
            "packer",
            "couriers",
            "id",
            false,
            Integrity.of(4, 0, 0),
            Integrity.of(2, 0, 0),
            Integrity.of(4, 0, 0),
            null,
            new ParentChildAccuracy(new Score(0.4, 0.5), List.of()),
            new ParentChildAccuracy(new Score(0.7, 0.8), List.of()));
    Headline headline = TableSetFidelity.headline(List.of(parent, further, secondFurther));
    assertThat(headline.syntheticIntegrity()).isEqualTo(0.75);
    // CDFs at 1, 2: train 0.5, 1; synthetic 1, 1.
    assertThat(headline.cardinality().synthetic()).isEqualTo(0.5);
    assertThat(headline.cardinality().ceiling()).isEqualTo(1.0);
    assertThat(headline.cardinalityByCategory().synthetic()).isNaN();
    // Further relations' pairs stay out of the parent relations' mean, and have means of their
    // own.
    assertThat(headline.parentChildAccuracy()).isEqualTo(new Score(0.8, 0.9));
    assertThat(headline.furtherParentChildAccuracy().synthetic()).isCloseTo(0.5, within(1e-12));
    assertThat(headline.furtherParentChildAccuracy().ceiling()).isCloseTo(0.6, within(1e-12));
    assertThat(headline.coParentAccuracy().synthetic()).isCloseTo(0.6, within(1e-12));
    assertThat(headline.coParentAccuracy().ceiling()).isCloseTo(0.85, within(1e-12));

    Headline parentsOnly = TableSetFidelity.headline(List.of(parent));
    assertThat(parentsOnly.furtherParentChildAccuracy().synthetic()).isNaN();
    assertThat(parentsOnly.coParentAccuracy().ceiling()).isNaN();
  }
}
