package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.Samples;
import io.synthlake.core.marginal.ParametricMarginal;
import io.synthlake.core.marginal.ParametricMarginal.Family;
import io.synthlake.core.math.Normal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.RebalancedMixture;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Conditional generation against the model's own conditional law. Statistical checks are
 * Kolmogorov-Smirnov tests at level 0.001 (asymptotic critical value 1.95 / √n, or 1.95 √((n + m) /
 * nm) for two samples): each fails by chance for 0.1% of seeds when the law is right; at the fixed
 * seeds they are deterministic.
 */
class ConditionalModelTest {
  private static final double KS_001 = 1.9495;
  private static final double[] WEIGHTS = {0.6, 0.4};

  /** Copula correlation of (segment, amount) per component. */
  private static final double[] RHO = {0.6, -0.4};

  private static final List<String> SEGMENTS = List.of("basic", "premium", "vip");
  private static final double[][] SEGMENT_SHARES = {{0.7, 0.299, 0.001}, {0.2, 0.7, 0.1}};
  private static final double[] SEGMENT_NULLS = {0.0, 0.1};

  private static TableModel model() {
    return model(SEGMENT_SHARES);
  }

  private static TableModel model(double[][] segmentShares) {
    CategoricalColumn segment =
        CategoricalColumn.of(
            "segment",
            DataType.of(LogicalType.STRING),
            ColumnKind.CATEGORICAL,
            SEGMENTS,
            List.of(segmentShares[0], segmentShares[1]),
            SEGMENT_NULLS,
            null);
    ParametricMarginal standard =
        ParametricMarginal.of(
            Family.NORMAL,
            Map.of("mean", 0.0, "sd", 1.0),
            Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            "amount");
    NumericColumn amount =
        NumericColumn.of(
            "amount",
            DataType.of(LogicalType.DOUBLE),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(-1e9, 1e9, 0, -1),
            List.of(NumericDistribution.of(0, standard), NumericDistribution.of(0, standard)));
    NumericColumn other =
        NumericColumn.of(
            "other",
            DataType.of(LogicalType.DOUBLE),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(-1e9, 1e9, 0, -1),
            List.of(NumericDistribution.of(0, standard), NumericDistribution.of(0.05, standard)));
    ParametricMarginal visitsMarginal =
        ParametricMarginal.of(Family.NORMAL, Map.of("mean", 5.0, "sd", 2.0), 0, 20, "visits");
    NumericColumn visits =
        NumericColumn.of(
            "visits",
            DataType.of(LogicalType.INT),
            ColumnKind.INTEGER,
            NumericFormat.of(0, 20, 1, -1),
            List.of(
                NumericDistribution.of(0, visitsMarginal),
                NumericDistribution.of(0, visitsMarginal)));
    List<ColumnModel> columns =
        List.of(
            KeyColumn.code("id", DataType.of(LogicalType.STRING), "C-", "999999"),
            segment,
            amount,
            other,
            visits);
    double[][] first = {
      {1, RHO[0], 0.2, 0.1}, {RHO[0], 1, 0.5, 0.3}, {0.2, 0.5, 1, 0}, {0.1, 0.3, 0, 1}
    };
    double[][] second = {{1, RHO[1], 0, 0}, {RHO[1], 1, 0.7, 0}, {0, 0.7, 1, 0.2}, {0, 0, 0.2, 1}};
    return TableModel.of(
        columns, GaussianCopulaMixture.of(WEIGHTS, List.of(first, second)), Map.of());
  }

  @Test
  void oneCategoricalColumnGivesTheAnalyticConditionalOfTheOthers() {
    TableModel model = model();
    int n = 20_000;
    Generated rows = Generated.of(ConditionalModel.of(model, "segment = 'vip'"), 11, n);

    double[] amounts = new double[n];
    for (int r = 0; r < n; r++) {
      assertThat(rows.column("segment").value(r)).isEqualTo("vip");
      amounts[r] = rows.column("amount").number(r);
    }

    // Analytic: component k with weight w_k·P_k(vip); its segment score is a standard normal
    // truncated to vip's interval [a_k, b_k), and amount's score given it is N(ρ_k z, 1 - ρ_k²).
    double[] share = new double[2];
    double[] lo = new double[2];
    double[] hi = new double[2];
    double total = 0;
    for (int k = 0; k < 2; k++) {
      double[] ends = ((CategoricalColumn) model.column("segment")).intervalEnds(k);
      lo[k] = ends[2];
      hi[k] = ends[3];
      share[k] = WEIGHTS[k] * (hi[k] - lo[k]);
      total += share[k];
    }

    Arrays.sort(amounts);
    double distance = 0;
    for (int r = 0; r < n; r++) {
      double cdf = 0;
      for (int k = 0; k < 2; k++) {
        cdf += share[k] / total * conditionalCdf(amounts[r], RHO[k], lo[k], hi[k]);
      }

      distance =
          Math.max(
              distance,
              Math.max(Math.abs(cdf - r / (double) n), Math.abs(cdf - (r + 1) / (double) n)));
    }

    assertThat(distance).isLessThan(KS_001 / Math.sqrt(n));
    assertThat(ConditionalModel.probability(model, Condition.parse("segment = 'vip'")))
        .isCloseTo(total, org.assertj.core.data.Offset.offset(1e-15));
  }

  /**
   * P(X ≤ x | U ∈ [lo, hi)) for X = ρZ + √(1 - ρ²)E with Z = Φ⁻¹(U): Simpson's rule over Z's
   * truncated range.
   */
  private static double conditionalCdf(double x, double rho, double lo, double hi) {
    double a = Math.max(-9, Normal.quantile(lo));
    double b = hi >= 1 ? 9 : Normal.quantile(hi);
    int steps = 400;
    double h = (b - a) / steps;
    double sum = 0;
    double residual = Math.sqrt(1 - rho * rho);
    for (int i = 0; i <= steps; i++) {
      double z = a + i * h;
      double f = Normal.pdf(z) * Normal.cdf((x - rho * z) / residual);
      sum += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
    }

    return sum * h / 3 / (hi - lo);
  }

  @Test
  void aRareNumericTailIsDrawnWithinItWithItsTruncatedLaw() {
    int n = 20_000;
    // P(amount > 4) is 3.2e-5: rejection would need 600 million rows for these.
    Generated rows = Generated.of(ConditionalModel.of(model(), "amount > 4"), 3, n);

    double sum = 0;
    for (int r = 0; r < n; r++) {
      double amount = rows.column("amount").number(r);
      assertThat(amount).isGreaterThan(4);
      sum += amount;
    }

    // E[Z | Z > 4] = φ(4) / Φ(-4) = 4.2256; the sample mean's standard error is about 0.0016.
    assertThat(sum / n)
        .isCloseTo(Normal.pdf(4) / Normal.cdf(-4), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void everyOperatorHoldsOnEveryRow() {
    TableModel model = model();
    check(model, "visits = 7", r -> visits(r) == 7);
    check(model, "visits != 5 AND visits <> 4", r -> visits(r) != 5 && visits(r) != 4);
    check(model, "visits IN (0, 1, 19)", r -> Set.of(0L, 1L, 19L).contains((long) visits(r)));
    check(model, "visits NOT IN (4, 5, 6)", r -> visits(r) < 4 || visits(r) > 6);
    check(model, "visits BETWEEN 2 AND 3", r -> visits(r) >= 2 && visits(r) <= 3);
    check(model, "visits NOT BETWEEN 2 AND 8", r -> visits(r) < 2 || visits(r) > 8);
    check(model, "visits < 2", r -> visits(r) < 2);
    check(model, "visits <= 2", r -> visits(r) <= 2);
    check(model, "visits > 12", r -> visits(r) > 12);
    check(model, "visits >= 12", r -> visits(r) >= 12);
    check(model, "other IS NULL", r -> current.column("other").isNull(r));
    check(model, "other IS NOT NULL AND other < -1", r -> current.column("other").number(r) < -1);
    check(model, "segment IS NULL", r -> current.column("segment").isNull(r));
    check(
        model,
        "segment != 'basic'",
        r -> !current.column("segment").isNull(r) && !"basic".equals(segment(r)));
    check(model, "segment NOT IN ('basic', 'premium')", r -> "vip".equals(segment(r)));
  }

  private static Generated current;

  private static double visits(int r) {
    return current.column("visits").number(r);
  }

  private static String segment(int r) {
    return (String) current.column("segment").value(r);
  }

  private static void check(TableModel model, String where, IntPredicate holds) {
    current = Generated.of(ConditionalModel.of(model, where), 5, 6000);
    for (int r = 0; r < current.rows(); r++) {
      if (!holds.test(r)) {
        throw new AssertionError(where + " fails on row " + r + ": " + current.row(r));
      }
    }
  }

  @Test
  void severalColumnsMatchRejectionFromTheUnconditionedModel() {
    TableModel model = model();
    String where = "segment IN ('premium', 'vip') AND amount BETWEEN 0.5 AND 1.5 AND visits >= 5";
    int all = 600_000;
    Generated unconditioned = Generated.of(model, 1, all);
    List<Double> others = new ArrayList<>();
    List<Double> visits = new ArrayList<>();
    for (int r = 0; r < all; r++) {
      Object segment = unconditioned.column("segment").value(r);
      double amount = unconditioned.column("amount").number(r);
      double visit = unconditioned.column("visits").number(r);
      if (("premium".equals(segment) || "vip".equals(segment))
          && amount >= 0.5
          && amount <= 1.5
          && visit >= 5) {
        if (!unconditioned.column("other").isNull(r)) {
          others.add(unconditioned.column("other").number(r));
        }

        visits.add(visit);
      }
    }

    int n = 20_000;
    Generated rows = Generated.of(ConditionalModel.of(model, where), 2, n);
    List<Double> conditionedOthers = new ArrayList<>();
    List<Double> conditionedVisits = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      assertThat(rows.column("segment").value(r)).isIn("premium", "vip");
      assertThat(rows.column("amount").number(r)).isBetween(0.5, 1.5);
      assertThat(rows.column("visits").number(r)).isGreaterThanOrEqualTo(5);
      if (!rows.column("other").isNull(r)) {
        conditionedOthers.add(rows.column("other").number(r));
      }

      conditionedVisits.add(rows.column("visits").number(r));
    }

    assertSameLaw(others, conditionedOthers);
    assertSameLaw(visits, conditionedVisits);

    // Genz's estimate against the share of rows rejection keeps (binomial standard error 4e-4).
    double probability = ConditionalModel.probability(model, Condition.parse(where));
    assertThat(probability)
        .isCloseTo(visits.size() / (double) all, org.assertj.core.data.Offset.offset(0.002));
  }

  /** Two-sample Kolmogorov-Smirnov at level 0.001. */
  private static void assertSameLaw(List<Double> first, List<Double> second) {
    double[] a = first.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] b = second.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double distance = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      double x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= x) {
        i++;
      }

      while (j < b.length && b[j] <= x) {
        j++;
      }

      distance = Math.max(distance, Math.abs(i / (double) a.length - j / (double) b.length));
    }

    double critical = KS_001 * Math.sqrt((a.length + b.length) / ((double) a.length * b.length));
    assertThat(distance).isLessThan(critical);
  }

  @Test
  void aComponentWhereOneColumnsTermsNeverHoldIsNeverDrawn() {
    // vip never occurs in the first component: only the second can give these rows.
    TableModel model = model(new double[][] {{0.7, 0.3, 0.0}, {0.2, 0.7, 0.1}});
    Generated rows =
        Generated.of(ConditionalModel.of(model, "segment = 'vip' AND amount > 1"), 4, 5000);

    for (int r = 0; r < rows.rows(); r++) {
      assertThat(rows.column("segment").value(r)).isEqualTo("vip");
      assertThat(rows.column("amount").number(r)).isGreaterThan(1);
    }
  }

  @Test
  void rowsAreAFunctionOfTheirIndexWhateverTheBlocksAndTheirOrder() {
    TableModel conditioned =
        ConditionalModel.of(model(), "segment = 'vip' AND amount > 0 AND visits < 6");
    int n = 3 * TableSampler.BLOCK_ROWS + 100;
    Generated whole = Generated.of(conditioned, 9, n);
    Generated reversed =
        Generated.of(
            conditioned,
            n,
            List.of(3L, 2L, 1L, 0L),
            block -> TableSampler.of(conditioned, 9).newBlockWriter());
    Generated slice = Generated.slice(conditioned, 9, 5000, 3000, false);
    Generated again =
        Generated.of(
            ConditionalModel.of(model(), "segment = 'vip' AND amount > 0 AND visits < 6"), 9, n);
    for (int r = 0; r < n; r++) {
      assertThat(reversed.row(r)).isEqualTo(whole.row(r));
      assertThat(again.row(r)).isEqualTo(whole.row(r));
    }

    for (int r = 0; r < 3000; r++) {
      assertThat(slice.row(r)).isEqualTo(whole.row(5000 + r));
    }

    Generated pruned = Generated.pruned(conditioned, 9, n, "other"::equals);
    for (int r = 0; r < n; r++) {
      assertThat(pruned.column("other").value(r)).isEqualTo(whole.column("other").value(r));
    }

    assertThat(Generated.of(conditioned, 10, 100).row(0)).isNotEqualTo(whole.row(0));
  }

  @Test
  void aConditionTheModelCannotMeetSaysWhyNamingTheColumn() {
    TableModel model = model();
    assertError(
        model,
        "segment = 'platinum'",
        "column 'segment'",
        "no category 'platinum'",
        "'basic', 'premium', 'vip'");
    assertError(model, "amount > 100", "column 'amount'", "amount > 100 never holds");
    assertError(model, "visits = 3.5", "column 'visits'", "probability 0", "[0, 20]");
    assertError(model, "visits > 20", "column 'visits'", "never holds", "[0, 20]");
    assertError(model, "visits IS NULL", "column 'visits'", "never makes it null");
    assertError(model, "amount > 1 AND amount < 0", "column 'amount'", "never hold together");
    assertError(model, "id = 'C-1'", "column 'id'", "key column");
    assertError(model, "nope = 1", "column 'nope'", "its columns are id, segment, amount");
    assertError(model, "segment < 'b'", "column 'segment'", "categories are text");
    assertError(
        model, "visits = 'many'", "column 'visits'", "'many' is not a value of its type, int");
    TableModel rebalanced =
        TableModel.of(
            model.columns(),
            RebalancedMixture.of(
                (GaussianCopulaMixture) model.dependence(),
                (CategoricalColumn) model.column("segment"),
                0,
                new double[] {0.4, 0.4, 0.2}),
            Map.of());
    assertError(rebalanced, "amount > 0", "RebalancedMixture", "condition the original model");
  }

  @Test
  void columnNamesMatchExactlyThenRegardlessOfCase() {
    Generated rows = Generated.of(ConditionalModel.of(model(), "SEGMENT = 'vip'"), 1, 100);
    for (int r = 0; r < 100; r++) {
      assertThat(rows.column("segment").value(r)).isEqualTo("vip");
    }
  }

  private static void assertError(TableModel model, String where, String... parts) {
    assertThatThrownBy(() -> ConditionalModel.of(model, where))
        .isInstanceOf(SynthlakeException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(parts));
  }

  /** Airports in states in regions, drawn as one group's tuples, and an unrelated number. */
  private static TableModel airports() {
    SplittableRandom random = new SplittableRandom(11);
    int rows = 6000;
    String[] airport = new String[rows];
    String[] state = new String[rows];
    String[] region = new String[rows];
    double[] x = new double[rows];
    for (int row = 0; row < rows; row++) {
      int a = random.nextInt(48);
      airport[row] = "airport" + a;
      state[row] = "state" + a / 4;
      region[row] = "region" + a / 12;
      x[row] = random.nextGaussian();
    }

    return Samples.fitSingle(
            Samples.strings("airport", airport),
            Samples.strings("state", state),
            Samples.strings("region", region),
            Samples.doubles("x", x))
        .model();
  }

  @Test
  void termsOnSeveralMembersOfAGroupSelectTheTuplesHoldingThemAll() {
    TableModel model = airports();
    assertThat(model.groups()).hasSize(1);
    assertThat(model.groups().get(0).members()).contains("airport", "state", "region");

    // Both terms hold in the same four tuples as the state's alone: the same rows.
    Generated both =
        Generated.of(
            ConditionalModel.of(model, "state = 'state1' AND region = 'region0'"), 3, 2000);
    Generated state = Generated.of(ConditionalModel.of(model, "state = 'state1'"), 3, 2000);
    Set<String> airports = new java.util.HashSet<>();
    for (int row = 0; row < 2000; row++) {
      assertThat(both.row(row)).isEqualTo(state.row(row));
      airports.add(both.column("airport").string(row));
    }

    assertThat(airports).containsExactlyInAnyOrder("airport4", "airport5", "airport6", "airport7");
    Generated one =
        Generated.of(
            ConditionalModel.of(model, "airport IN ('airport4', 'airport13') AND state = 'state1'"),
            3,
            500);
    for (int row = 0; row < 500; row++) {
      assertThat(one.column("airport").string(row)).isEqualTo("airport4");
      assertThat(one.column("region").string(row)).isEqualTo("region0");
    }

    assertThatThrownBy(() -> ConditionalModel.of(model, "state = 'state5' AND region = 'region0'"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("condition on columns 'state' and 'region'")
        .hasMessageContaining("no tuple holds all their terms")
        .hasMessageNotContaining("\n");
  }
}
