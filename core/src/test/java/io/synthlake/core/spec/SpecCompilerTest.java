package io.synthlake.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.marginal.ParametricMarginal;
import io.synthlake.core.math.Stats;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Specs read from inline YAML and generated with the table sampler. Statistical checks use a fixed
 * seed and state their false-failure rate (over seeds): chi-square and KS at α = 0.001; counts of a
 * share p among n rows within 4.5 binomial standard deviations, two-sided 6.8e-6; correlations
 * within 0.03, at least 6 standard errors (below 1e-8).
 */
class SpecCompilerTest {
  private static final String SOURCE = "test.yaml";
  private static final int N = 20_000;
  private static final String NORMAL = "{type: normal, mean: 0, sd: 1}";

  private static Spec read(String yaml) {
    return SpecCompiler.read(yaml, SOURCE, 7, 10_000);
  }

  private static Generated generate(String yaml, int rows) {
    return Generated.of(read(yaml).model(), 11, rows);
  }

  /**
   * The spec is rejected with a one-line message that starts with the source and contains the field
   * path and problem.
   */
  private static void rejects(String yaml, String expected) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageStartingWith(SOURCE)
        .hasMessageNotContaining(SOURCE + ": " + SOURCE)
        .hasMessageContaining(expected);
  }

  private static void assertBinomial(long count, int n, double p) {
    double sd = Math.sqrt(n * p * (1 - p));
    assertThat((double) count)
        .as("count of a share %s among %s rows", p, n)
        .isCloseTo(n * p, within(4.5 * sd));
  }

  private static void assertFits(long[] counts, double[] probabilities, double[] wrong) {
    Stats.ChiSquare fit = Stats.chiSquare(counts, probabilities);
    assertThat(fit.statistic()).as("%s", fit).isLessThan(fit.critical());
    if (wrong != null) {
      Stats.ChiSquare misfit = Stats.chiSquare(counts, wrong);
      assertThat(misfit.statistic()).as("power: %s", misfit).isGreaterThan(misfit.critical());
    }
  }

  private static double[] uniform(int cells) {
    double[] p = new double[cells];
    java.util.Arrays.fill(p, 1.0 / cells);
    return p;
  }

  private static double[] normalized(double... weights) {
    double total = java.util.Arrays.stream(weights).sum();
    return java.util.Arrays.stream(weights).map(w -> w / total).toArray();
  }

  private static long micros(String instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
  }

  // ---------------------------------------------------------------- categories and nulls

  @Test
  void categoryWeightsComeBack() {
    Generated rows =
        generate(
            """
        columns:
          - name: merchant
            type: string
            distribution: {type: categories, weights: {Grocery: 0.5, Travel: 0.3, Gas: 0.15, Online: 0.05}}
        """,
            N);
    List<String> categories = List.of("Grocery", "Travel", "Gas", "Online");

    long[] counts = new long[4];
    for (int r = 0; r < N; r++) {
      counts[categories.indexOf(rows.column("merchant").string(r))]++;
    }

    assertFits(counts, new double[] {0.5, 0.3, 0.15, 0.05}, uniform(4));
  }

  @Test
  void booleanCategoriesComeBackAsBooleans() {
    Spec spec =
        read(
            """
        columns:
          - {name: active, type: boolean, distribution: {type: categories, weights: {true: 0.3, false: 0.7}}}
        """);
    Generated rows = Generated.of(spec.model(), 11, N);

    long trues = 0;
    for (int r = 0; r < N; r++) {
      trues += rows.column("active").booleanValue(r) ? 1 : 0;
    }

    assertThat(spec.model().column("active").kind()).isEqualTo(ColumnKind.BOOLEAN);
    assertFits(new long[] {trues, N - trues}, new double[] {0.3, 0.7}, new double[] {0.5, 0.5});
  }

  @Test
  void nullSharesAreRespected() {
    Generated rows =
        generate(
            """
        columns:
          - {name: score, type: double, null-share: 0.2, distribution: %s}
          - {name: tier, type: string, null-share: 0.35, distribution: {type: categories, weights: {gold: 0.25, silver: 0.75}}}
        """
                .formatted(NORMAL),
            N);

    long scoreNulls = 0;
    long tierNulls = 0;
    long gold = 0;
    for (int r = 0; r < N; r++) {
      scoreNulls += rows.column("score").isNull(r) ? 1 : 0;
      if (rows.column("tier").isNull(r)) {
        tierNulls++;
      } else {
        gold += rows.column("tier").string(r).equals("gold") ? 1 : 0;
      }
    }

    assertBinomial(scoreNulls, N, 0.2);
    assertBinomial(tierNulls, N, 0.35);
    // The category weights hold among the non-null values.
    assertBinomial(gold, (int) (N - tierNulls), 0.25);
    // Non-null scores keep their normal distribution.
    double[] scores = rows.column("score").numbers();
    assertThat(Stats.ks(scores, new NormalDistribution(0, 1)::cumulativeProbability))
        .isLessThan(Stats.ksCritical(scores.length));
  }

  // ---------------------------------------------------------------- bounds, decimals, integers

  @Test
  void boundsAndDecimalsHoldOnEveryRow() {
    Spec spec =
        read(
            """
        columns:
          - name: amount
            type: decimal(12,2)
            min: 0.01
            max: 50000
            distribution: {type: log-normal, mu: 3.4, sigma: 1.0}
          - name: balance
            type: decimal(14,2)
            min: 20
            max: 100
            distribution: {type: log-normal, mu: 3.4, sigma: 1.0}
          - name: ratio
            type: double
            decimals: 2
            min: -1
            max: 1.5
            distribution: {type: normal, mean: 0.2, sd: 1}
        """);
    Generated rows = Generated.of(spec.model(), 11, N);

    CollectingSink amount = rows.column("amount");
    CollectingSink balance = rows.column("balance");
    CollectingSink ratio = rows.column("ratio");
    long balanceAtMinimum = 0;
    long ratioAtMinimum = 0;
    for (int r = 0; r < N; r++) {
      // Decimal columns emit unscaled longs: 0.01 is 1.
      assertThat(amount.form(r)).isEqualTo(CollectingSink.Form.LONG);
      assertThat(amount.longValue(r)).as("row %d", r).isBetween(1L, 5_000_000L);
      assertThat(balance.longValue(r)).as("row %d", r).isBetween(2000L, 10_000L);
      balanceAtMinimum += balance.longValue(r) == 2000 ? 1 : 0;
      double value = ratio.doubleValue(r);
      assertThat(value).as("row %d", r).isBetween(-1.0, 1.5);
      assertThat(value * 100)
          .as("row %d has two decimals", r)
          .isCloseTo(Math.rint(value * 100), within(1e-6));
      ratioAtMinimum += value == -1.0 ? 1 : 0;
    }

    // Bounds truncate (reshape) the distribution instead of clipping: clipping would put 34% of the
    // balances on 20.00
    // and 7% of the ratios on -1; truncation leaves about 0.03% and 0.2% in the first rounding
    // cell.
    assertThat(balanceAtMinimum).isLessThan(N / 100);
    assertThat(ratioAtMinimum).isLessThan(N / 100);
    assertThat(((NumericColumn) spec.model().column("amount")).format().decimals()).isEqualTo(2);
    // The truncated log-normals, up to rounding to cents (a CDF error below 1e-3 at these
    // densities).
    LogNormalDistribution logNormal = new LogNormalDistribution(3.4, 1.0);
    for (String column : List.of("amount", "balance")) {
      double low = column.equals("amount") ? 0.01 : 20;
      double high = column.equals("amount") ? 50000 : 100;
      double below = logNormal.cumulativeProbability(low);
      double kept = logNormal.cumulativeProbability(high) - below;
      double[] values =
          java.util.Arrays.stream(rows.column(column).numbers()).map(v -> v / 100).toArray();
      assertThat(
              Stats.ks(
                  values,
                  x ->
                      Math.max(
                          0, Math.min(1, (logNormal.cumulativeProbability(x) - below) / kept))))
          .as(column)
          .isLessThan(Stats.ksCritical(N));
    }
  }

  @Test
  void anIntegerNormalIsRoundedToTheNearestWholeNumber() {
    // The bounds of an unbounded normal lie between whole numbers; rounding must still go to the
    // nearest one.
    Generated rows =
        generate(
            "columns:\n  - {name: n, type: int, distribution: {type: normal, mean: 50, sd: 1.5}}\n",
            N);
    double sum = 0;
    for (int r = 0; r < N; r++) {
      sum += rows.column("n").longValue(r);
    }

    // The mean of 20,000 draws has sd 1.5 / sqrt(20000) = 0.011 (rounding adds about 0.002); ±0.05
    // is over 4 sigma.
    assertThat(sum / N).isCloseTo(50.0, within(0.05));
  }

  @Test
  void timestampsBeyondTheMicrosecondRangeAreRejected() {
    rejects(
        "columns:\n  - {name: t, type: timestamp, distribution: {type: time-range, start: '2025-01-01T00:00:00Z', "
            + "end: '2300-01-01T00:00:00Z'}}\n",
        "columns[0].distribution.end: '2300-01-01T00:00:00Z' is not a valid timestamp value");
  }

  @Test
  void rowsDividedByZeroIsRejected() {
    rejects(
        "columns:\n  - {name: x, type: long, distribution: {type: uniform, min: 1, max: rows / 0}}\n",
        "columns[0].distribution.max: 'rows / 0' divides by zero");
  }

  @Test
  void anIntegerUniformGivesEveryValueTheSameShareEndsIncluded() {
    // Rounding a continuous uniform on [1, 6] would give 1 and 6 half the share of 2..5; the end
    // values must get 1/6.
    Generated rows =
        generate(
            "columns:\n  - {name: die, type: int, distribution: {type: uniform, min: 1, max: 6}}\n",
            N);
    long[] counts = new long[6];
    for (int r = 0; r < N; r++) {
      counts[(int) rows.column("die").longValue(r) - 1]++;
    }

    assertFits(counts, uniform(6), normalized(0.5, 1, 1, 1, 1, 0.5));
  }

  @Test
  void anIntegerUniformGivesWholeNumbersUpToAShareOfTheRows() {
    String yaml =
        """
        columns:
          - {name: customer_id, type: int, distribution: {type: uniform, min: 1, max: rows / 10}}
          - {name: bucket, type: long, distribution: {type: uniform, min: 0, max: rows * 0.001}}
        """;
    Spec spec = SpecCompiler.read(yaml, SOURCE, 7, 50_000);
    Generated rows = Generated.of(spec.model(), 11, N);

    NumericColumn customer = (NumericColumn) spec.model().column("customer_id");
    assertThat(customer.kind()).isEqualTo(ColumnKind.INTEGER);
    assertThat(customer.format().max()).isEqualTo(5000.0);
    assertThat(((NumericColumn) spec.model().column("bucket")).format().max()).isEqualTo(50.0);
    Set<Long> seen = new HashSet<>();
    for (int r = 0; r < N; r++) {
      long id = rows.column("customer_id").longValue(r);
      assertThat(id).isBetween(1L, 5000L);
      assertThat(rows.column("bucket").longValue(r)).isBetween(0L, 50L);
      seen.add(id);
    }

    // 20,000 draws over 5,000 ids leave about 5000 * e^-4 = 92 unseen.
    assertThat(seen.size()).isGreaterThan(4800);
    assertThatThrownBy(() -> SpecCompiler.read(yaml, SOURCE, 7, 0))
        .hasMessage(
            "test.yaml: columns[0].distribution.max: 'rows / 10' depends on the row count, which is known only when generating");
  }

  // ---------------------------------------------------------------- time ranges

  @Test
  void aTimeRangeStaysInsideItsRangeAndFollowsTheHourWeights() {
    double[] hourWeights = new double[24];
    for (int h = 0; h < 24; h++) {
      hourWeights[h] = h < 6 ? 0.2 : 1 + h % 5;
    }

    Generated rows =
        generate(
            """
        columns:
          - name: at
            type: timestamp
            distribution:
              type: time-range
              start: 2025-03-03T00:00:00Z
              end: 2025-03-17T00:00:00Z
              hour-weights: %s
        """
                .formatted(java.util.Arrays.toString(hourWeights)),
            N);
    long start = micros("2025-03-03T00:00:00Z");
    long end = micros("2025-03-17T00:00:00Z");

    long[] hours = new long[24];
    for (int r = 0; r < N; r++) {
      long value = rows.column("at").longValue(r);
      assertThat(value).as("row %d", r).isGreaterThanOrEqualTo(start).isLessThan(end);
      assertThat(value % 1_000_000).as("whole seconds").isZero();
      hours[Instant.EPOCH.plus(value, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).getHour()]++;
    }

    // Fourteen whole days: each hour of day's share is its weight over the sum.
    assertFits(hours, normalized(hourWeights), uniform(24));
  }

  @Test
  void aDateRangeFollowsTheDayOfWeekWeightsAndExcludesItsEnd() {
    // 2025-01-06 is a Monday; four whole weeks.
    Generated rows =
        generate(
            """
        columns:
          - name: day
            type: date
            distribution: {type: time-range, start: 2025-01-06, end: 2025-02-03, day-of-week-weights: [1, 2, 3, 4, 5, 6, 7]}
        """,
            N);
    long start = LocalDate.parse("2025-01-06").toEpochDay();
    long end = LocalDate.parse("2025-02-03").toEpochDay();

    long[] days = new long[7];
    for (int r = 0; r < N; r++) {
      long day = rows.column("day").longValue(r);
      assertThat(day).as("row %d", r).isGreaterThanOrEqualTo(start).isLessThan(end);
      days[LocalDate.ofEpochDay(day).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()]++;
    }

    // Against the weights rounded half a day late (each day taking half of the day before):
    // rejected.
    assertFits(days, normalized(1, 2, 3, 4, 5, 6, 7), normalized(4, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5));
  }

  // ---------------------------------------------------------------- keys

  @Test
  void sequenceKeysFollowTheirPattern() {
    Generated rows =
        generate(
            """
        columns:
          - {name: id, type: string, key: {style: sequence, pattern: TX-%010d}}
          - {name: n, type: long, key: {style: sequence, start: 100, step: 5}}
        """,
            N);

    assertThat(rows.column("id").string(0)).isEqualTo("TX-0000000001");
    assertThat(rows.column("id").string(1)).isEqualTo("TX-0000000002");
    assertThat(rows.column("id").string(N - 1)).isEqualTo("TX-0000020000");
    assertThat(rows.column("n").longValue(3)).isEqualTo(115);
    Set<String> ids = new HashSet<>();
    for (int r = 0; r < N; r++) {
      ids.add(rows.column("id").string(r));
    }

    assertThat(ids).hasSize(N);
  }

  @Test
  void uuidKeysAreUniqueVersion4Uuids() {
    Generated rows =
        generate(
            """
        columns:
          - {name: id, type: string, key: {style: uuid}}
        """,
            N);

    Set<String> ids = new HashSet<>();
    for (int r = 0; r < N; r++) {
      String id = rows.column("id").string(r);
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.toString()).isEqualTo(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      ids.add(id);
    }

    assertThat(ids).hasSize(N);
  }

  @Test
  void randomKeysAreUniqueNonNegativeLongs() {
    int rows = 100_000;
    Generated generated =
        generate(
            """
        columns:
          - {name: id, type: long, key: {style: random}}
        """,
            rows);

    Set<Long> ids = new HashSet<>();
    long aboveHalf = 0;
    for (int r = 0; r < rows; r++) {
      long id = generated.column("id").longValue(r);
      assertThat(id).isNotNegative();
      ids.add(id);
      aboveHalf += id > Long.MAX_VALUE / 2 ? 1 : 0;
    }

    assertThat(ids).hasSize(rows);
    // Spread over [0, 2^63), not a sequence.
    assertBinomial(aboveHalf, rows, 0.5);
    rejects(
        """
        columns:
          - {name: id, type: int, key: {style: random}}
        """,
        "columns[0].key: column 'id': a random key needs the type long, not int");
  }

  @Test
  void invalidKeysNameTheField() {
    rejects(
        "columns:\n  - {name: id, type: long, key: {style: serial}}\n",
        "columns[0].key.style: unknown key style 'serial'; use sequence, uuid, code or random");
    rejects(
        "columns:\n  - {name: id, type: string, key: {style: sequence, pattern: 'TX-%s'}}\n",
        "columns[0].key.pattern: must be a prefix followed by %d or %0Nd");
    rejects(
        "columns:\n  - {name: id, type: long, key: {style: uuid}}\n",
        "columns[0].key: column 'id': a uuid key needs a string type");
    rejects(
        "columns:\n  - {name: id, type: long, key: {style: sequence, stride: 2}}\n",
        "columns[0].key.stride: is not a known field here");
    rejects(
        "columns:\n  - {name: id, type: long, key: {style: sequence}, distribution: "
            + NORMAL
            + "}\n",
        "columns[0].distribution: is not a known field here");
  }

  // ---------------------------------------------------------------- correlations

  @Test
  void correlationsHoldInTheGeneratedColumns() {
    Generated rows =
        generate(
            """
        columns:
          - {name: x, type: double, distribution: %1$s}
          - {name: id, type: long, key: {style: sequence}}
          - {name: y, type: double, distribution: {type: normal, mean: 50, sd: 10}}
          - {name: z, type: double, distribution: %1$s}
        dependence:
          correlations:
            - {columns: [x, y], value: 0.6}
            - {columns: [z, y], value: -0.3}
        """
                .formatted(NORMAL),
            N);

    double[] x = rows.column("x").numbers();
    double[] y = rows.column("y").numbers();
    double[] z = rows.column("z").numbers();
    // Normal marginals keep the copula correlation; its standard error here is below 0.0065.
    assertThat(Stats.pearson(x, y)).isCloseTo(0.6, within(0.03));
    assertThat(Stats.pearson(z, y)).isCloseTo(-0.3, within(0.03));
    // x and z meet only through y: 0.6 * -0.3 is not implied, the matrix entry is 0.
    assertThat(Stats.pearson(x, z)).isCloseTo(0.0, within(0.03));
  }

  @Test
  void impossibleOrUnknownCorrelationsAreRejected() {
    String columns =
        """
        columns:
          - {name: a, type: double, distribution: %1$s}
          - {name: b, type: double, distribution: %1$s}
          - {name: c, type: double, distribution: %1$s}
          - {name: k, type: long, key: {style: sequence}}
        """
            .formatted(NORMAL);
    rejects(
        columns
            + """
        dependence:
          correlations:
            - {columns: [a, b], value: 0.9}
            - {columns: [b, c], value: 0.9}
            - {columns: [a, c], value: -0.9}
        """,
        "dependence.correlations: these correlations cannot hold together (the matrix is not positive definite)");
    rejects(
        columns + "dependence:\n  correlations:\n    - {columns: [a, nope], value: 0.5}\n",
        "dependence.correlations[0].columns: 'nope' is not a generated column of the spec");
    rejects(
        columns + "dependence:\n  correlations:\n    - {columns: [a, k], value: 0.5}\n",
        "dependence.correlations[0].columns: 'k' is not a generated column of the spec (keys and expressions have no correlation)");
    rejects(
        columns + "dependence:\n  correlations:\n    - {columns: [a, a], value: 0.5}\n",
        "dependence.correlations[0].columns: must name two different columns, got [a, a]");
    rejects(
        columns + "dependence:\n  correlations:\n    - {columns: [a, b], value: 1}\n",
        "dependence.correlations[0].value: must lie strictly between -1 and 1, got 1.0");
    rejects(
        columns + "dependence:\n  correlations:\n    - {columns: [a, b], rho: 0.5}\n",
        "dependence.correlations[0].rho: is not a known field here");
  }

  // ---------------------------------------------------------------- components

  @Test
  void componentsOverrideDistributionsWithTheirShares() {
    Spec spec =
        read(
            """
        columns:
          - name: flag
            type: boolean
            distribution: {type: categories, weights: {"false": 1.0}}
          - name: amount
            type: double
            distribution: {type: normal, mean: 10, sd: 1}
          - name: channel
            type: string
            distribution: {type: categories, weights: {web: 0.4, shop: 0.6}}
        components:
          - {name: usual, weight: 0.9}
          - name: rare
            weight: 0.1
            distributions:
              flag: {type: categories, weights: {"true": 1.0}}
              amount: {type: normal, mean: 100, sd: 1}
        """);
    Generated rows = Generated.of(spec.model(), 11, N);

    assertThat(((GaussianCopulaMixture) spec.model().dependence()).weights())
        .containsExactly(0.9, 0.1);
    List<Double> usual = new ArrayList<>();
    List<Double> rare = new ArrayList<>();
    long web = 0;
    for (int r = 0; r < N; r++) {
      double amount = rows.column("amount").doubleValue(r);
      // The flag is true exactly in the rare component, whose amounts lie beyond 100 - 8.2 sd.
      if (rows.column("flag").booleanValue(r)) {
        assertThat(amount).as("row %d", r).isGreaterThan(90);
        rare.add(amount);
      } else {
        assertThat(amount).as("row %d", r).isLessThan(20);
        usual.add(amount);
      }

      web += rows.column("channel").string(r).equals("web") ? 1 : 0;
    }

    assertBinomial(rare.size(), N, 0.1);
    double[] rareAmounts = rare.stream().mapToDouble(Double::doubleValue).toArray();
    double[] usualAmounts = usual.stream().mapToDouble(Double::doubleValue).toArray();
    assertThat(Stats.ks(rareAmounts, new NormalDistribution(100, 1)::cumulativeProbability))
        .isLessThan(Stats.ksCritical(rare.size()));
    assertThat(Stats.ks(usualAmounts, new NormalDistribution(10, 1)::cumulativeProbability))
        .isLessThan(Stats.ksCritical(usual.size()));
    // A column without overrides has the same distribution in both components.
    assertBinomial(web, N, 0.4);
  }

  @Test
  void invalidComponentsAreRejected() {
    String columns =
        """
        columns:
          - {name: amount, type: double, distribution: %s}
          - {name: flag, type: boolean, distribution: {type: categories, weights: {"false": 1.0}}}
        """
            .formatted(NORMAL);
    rejects(
        columns + "components:\n  - {weight: 0.5}\n  - {weight: 0.4}\n",
        "components: weights must sum to 1, got 0.9");
    rejects(
        columns + "components:\n  - {weight: 1.0}\n  - {weight: 0}\n",
        "components[1].weight: must be > 0, got 0.0");
    rejects(
        columns + "components: []\n",
        "components: must be a non-empty list of {weight, distributions}");
    rejects(
        columns + "components:\n  - {weight: 1.0, share: 2}\n",
        "components[0].share: is not a known field here");
    rejects(
        columns
            + """
        components:
          - {weight: 0.5}
          - weight: 0.5
            distributions:
              nope: {type: normal, mean: 0, sd: 1}
        """,
        "components[1].distributions.nope: names no column of the spec");
    rejects(
        columns
            + """
        components:
          - {weight: 0.5}
          - weight: 0.5
            distributions:
              amount: {type: categories, weights: {a: 1.0}}
        """,
        "components[1].distributions.amount: mixes categories and numbers with columns[0].distribution");
    rejects(
        columns
            + """
        components:
          - {weight: 0.5}
          - weight: 0.5
            distributions:
              amount: {type: normal, mean: 0, sd: -1}
        """,
        "components[1].distributions.amount.sd: must be > 0, got -1.0");
  }

  // ---------------------------------------------------------------- faker

  private static final String FAKER =
      """
      columns:
        - {name: first_name, type: string, distribution: {type: faker, provider: Name.firstName, pool: 500}}
      """;

  private static List<Object> firstValues(Spec spec, int count) {
    Generated rows = Generated.of(spec.model(), 11, count);
    List<Object> values = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      values.add(rows.column("first_name").value(r));
    }

    return values;
  }

  @Test
  void fakerColumnsDrawFromASeededPool() {
    Spec spec = SpecCompiler.read(FAKER, SOURCE, 1, 0);
    CategoricalColumn column = (CategoricalColumn) spec.model().column("first_name");
    Generated rows = Generated.of(spec.model(), 11, N);

    // 500 draws of first names hold repeats, and every pool value is a name.
    assertThat(column.categories())
        .hasSizeBetween(100, 499)
        .allMatch(name -> name.matches("\\p{Lu}[\\p{L}' -]+"));
    Set<String> pool = new HashSet<>(column.categories());
    for (int r = 0; r < N; r++) {
      assertThat(pool).contains(rows.column("first_name").string(r));
    }

    Spec again = SpecCompiler.read(FAKER, SOURCE, 1, 0);
    Spec other = SpecCompiler.read(FAKER, SOURCE, 2, 0);
    assertThat(((CategoricalColumn) again.model().column("first_name")).categories())
        .isEqualTo(column.categories());
    assertThat(firstValues(again, 100)).isEqualTo(firstValues(spec, 100));
    assertThat(((CategoricalColumn) other.model().column("first_name")).categories())
        .isNotEqualTo(column.categories());
    assertThat(firstValues(other, 100)).isNotEqualTo(firstValues(spec, 100));
  }

  @Test
  void invalidFakerColumnsNameTheField() {
    rejects(
        "columns:\n  - {name: x, type: string, distribution: {type: faker, provider: Nope.nothing}}\n",
        "test.yaml: columns[0].distribution.provider: Datafaker");
    rejects(
        "columns:\n  - {name: x, type: long, distribution: {type: faker, provider: Name.firstName}}\n",
        "columns[0].distribution: faker values need a string column, not long");
    rejects(
        "columns:\n  - {name: x, type: string, distribution: {type: faker, provider: Name.firstName, pool: 0}}\n",
        "columns[0].distribution.pool: must be 1 to 1000000, got 0");
    rejects(
        "columns:\n  - {name: x, type: string, distribution: {type: faker}}\n",
        "columns[0].distribution.provider: is missing");
  }

  // ---------------------------------------------------------------- derived columns

  @Test
  void derivedColumnsKeepTheirExpressionAndPlace() {
    Spec spec =
        read(
            """
        columns:
          - {name: amount, type: double, distribution: {type: uniform, min: 0, max: 1}}
          - {name: doubled, type: double, expression: "amount * 2"}
          - {name: id, type: long, key: {style: sequence}}
        """);

    assertThat(spec.derived()).hasSize(1);
    DerivedColumn derived = spec.derived().get(0);
    assertThat(derived.name()).isEqualTo("doubled");
    assertThat(derived.type()).isEqualTo(DataType.of(LogicalType.DOUBLE));
    assertThat(derived.expression()).isEqualTo("amount * 2");
    assertThat(derived.where()).isEqualTo("test.yaml: columns[1].expression");
    assertThat(spec.columnOrder()).containsExactly("amount", "doubled", "id");
    assertThat(spec.model().columns())
        .extracting(ColumnModel::name)
        .containsExactly("amount", "id");
  }

  @Test
  void expressionsMayNotCallJava() {
    String head = "columns:\n  - {name: a, type: double, distribution: " + NORMAL + "}\n";
    rejects(
        head + "  - {name: b, type: double, expression: \"  \"}\n",
        "columns[1].expression: must not be empty");
    rejects(
        head + "  - {name: b, type: double, expression: \"a\", null-share: 0.1}\n",
        "columns[1].null-share: is not a known field here");
    rejects(
        "columns:\n  - {name: b, type: double, expression: \"1\"}\n",
        "columns: needs at least one column that is not an expression");
    // A column merely named like the functions is fine.
    assertThat(
            read(head + "  - {name: b, type: double, expression: \"a + reflected\"}\n").derived())
        .hasSize(1);
  }

  // ---------------------------------------------------------------- validation errors

  private static final String COLUMN =
      "  - {name: x, type: double, distribution: " + NORMAL + "}\n";

  @Test
  void documentLevelErrorsNameTheField() {
    rejects(
        "bogus: 1\ncolumns:\n" + COLUMN,
        "test.yaml: bogus: is not a known field here; known fields are format, format-version, properties, columns, dependence, components");
    rejects(
        "format-version: 3\ncolumns:\n" + COLUMN,
        "test.yaml: format-version: this synthlake reads versions 1 to 2, got 3");
    rejects(
        "format: other\ncolumns:\n" + COLUMN,
        "test.yaml: format: must be synthlake-model (or left out), got \"other\"");
    rejects("columns: []\n", "test.yaml: columns: must list at least one column");
    rejects("columns: {x: 1}\n", "test.yaml: columns: must be an array");
    rejects("rows: 5\n", "test.yaml: rows: is not a known field here");
    rejects("properties: {}\n", "test.yaml: columns: is missing");
    rejects("- a\n- b\n", "test.yaml: (document): must be a mapping with a 'columns' list");
    assertThatThrownBy(() -> read("columns: [\n  - {name: x"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageStartingWith("test.yaml is not valid YAML or JSON (")
        .hasMessageEndingWith("): fix the syntax");
  }

  @Test
  void columnLevelErrorsNameTheField() {
    rejects(
        "columns:\n  - {name: x, type: double, bogus: 1, distribution: " + NORMAL + "}\n",
        "test.yaml: columns[0].bogus: is not a known field here; known fields are name, type, kind, distribution");
    rejects(
        "columns:\n" + COLUMN + COLUMN,
        "test.yaml: columns[1].name: 'x' is used by two columns; column names must be unique");
    rejects(
        "columns:\n  - {type: double, distribution: " + NORMAL + "}\n",
        "columns[0].name: is missing");
    rejects(
        "columns:\n  - {name: 5, type: double, distribution: " + NORMAL + "}\n",
        "columns[0].name: must be a string, got number");
    rejects(
        "columns:\n  - {name: x, type: text, distribution: " + NORMAL + "}\n",
        "test.yaml: columns[0].type: unknown type 'text'");
    rejects(
        "columns:\n  - {name: x, type: double}\n",
        "test.yaml: columns[0].distribution: is missing; give the column a distribution, a key or an expression");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: normal}\n",
        "columns[0].distribution: must be a mapping with a 'type', such as {type: normal, mean: 0, sd: 1}");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: gamma, shape: 2}}\n",
        "test.yaml: columns[0].distribution.type: unknown distribution 'gamma'; use constant, uniform, normal");
    rejects(
        "columns:\n  - {name: x, type: string, distribution: " + NORMAL + "}\n",
        "columns[0].distribution: a numeric distribution cannot fill a string column; use categories or faker");
    rejects(
        "columns:\n  - {name: x, type: boolean, distribution: " + NORMAL + "}\n",
        "columns[0].distribution: a numeric distribution cannot fill a boolean column");
  }

  @Test
  void valueErrorsNameTheField() {
    rejects(
        "columns:\n  - {name: x, type: string, distribution: {type: categories, weights: {a: 0.5, b: 0.4}}}\n",
        "test.yaml: columns[0].distribution.weights: probabilities must sum to 1, got 0.9");
    rejects(
        "columns:\n  - {name: x, type: string, distribution: {type: categories, weights: {a: 1.1, b: -0.1}}}\n",
        "test.yaml: columns[0].distribution.weights.b: must be a probability >= 0, got -0.1");
    rejects(
        "columns:\n  - {name: x, type: string, distribution: {type: categories, weights: {a: \"half\", b: 0.5}}}\n",
        "columns[0].distribution.weights.a: must be a probability >= 0, got \"half\"");
    rejects(
        "columns:\n  - {name: x, type: string, distribution: {type: categories, weights: [a, b]}}\n",
        "columns[0].distribution.weights: must map each value to its probability");
    rejects(
        "columns:\n  - {name: x, type: boolean, distribution: {type: categories, weights: {maybe: 1.0}}}\n",
        "columns[0].distribution.weights.maybe: 'maybe' is not a valid boolean value");
    rejects(
        "columns:\n  - {name: x, type: double, min: abc, distribution: " + NORMAL + "}\n",
        "test.yaml: columns[0].min: must be a number (or rows, rows / k, rows * f), got \"abc\"");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: normal, mean: zero, sd: 1}}\n",
        "columns[0].distribution.mean: must be a number (or rows, rows / k, rows * f), got \"zero\"");
    rejects(
        "columns:\n  - {name: x, type: date, distribution: {type: time-range, start: 2025-13-01, end: 2026-01-01}}\n",
        "columns[0].distribution.start: '2025-13-01' is not a valid date value");
    rejects(
        "columns:\n  - {name: x, type: double, null-share: lots, distribution: " + NORMAL + "}\n",
        "columns[0].null-share: must be a number, got \"lots\"");
    rejects(
        "columns:\n  - {name: x, type: double, null-share: 1.5, distribution: " + NORMAL + "}\n",
        "columns[0].null-share: must be in [0, 1], got 1.5");
    rejects(
        "columns:\n  - {name: x, type: double, decimals: 2.5, distribution: " + NORMAL + "}\n",
        "columns[0].decimals: must be a whole number, got 2.5");
    rejects(
        "columns:\n  - {name: x, type: double, min: 5, max: 1, distribution: " + NORMAL + "}\n",
        "columns[0].max: must be >= min, got min 5 and max 1");
    rejects(
        "columns:\n  - {name: x, type: double, min: 50, max: 60, distribution: " + NORMAL + "}\n",
        "columns[0].distribution: the bounds [50.0, 60.0] leave no probability to this normal distribution");
  }

  @Test
  void distributionParameterErrorsNameTheField() {
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 0}}\n",
        "test.yaml: columns[0].distribution.sd: must be > 0, got 0.0");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 1, sdev: 1}}\n",
        "columns[0].distribution.sdev: is not a parameter of normal; it takes mean, sd");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: normal, mean: 0}}\n",
        "columns[0].distribution.sd: is missing; a normal distribution needs mean, sd");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: uniform, min: 3, max: 3}}\n",
        "columns[0].distribution.max: must be > min (3.0), got 3.0");
    rejects(
        "columns:\n  - {name: x, type: long, distribution: {type: poisson, mean: -2}}\n",
        "columns[0].distribution.mean: must be > 0 and at most 100000, got -2.0");
    rejects(
        "columns:\n  - {name: x, type: long, distribution: {type: zipf, n: 10.5, exponent: 1}}\n",
        "columns[0].distribution.n: must be a whole number from 1 to 10000000, got 10.5");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: histogram, edges: [0, 2, 1], weights: [1, 1]}}\n",
        "columns[0].distribution.edges[2]: edges must be finite and increasing, got 1.0");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: histogram, edges: [0, 1], weights: [1, 1]}}\n",
        "columns[0].distribution: a histogram needs n + 1 edges for n weights, got 2 edges and 2 weights");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: histogram, edges: [0, 1, 2], weights: [1, -1]}}\n",
        "columns[0].distribution.weights[1]: must be a finite number >= 0, got -1.0");
    rejects(
        "columns:\n  - {name: x, type: double, distribution: {type: time-range, start: 0, end: 1}}\n",
        "columns[0].distribution: a time-range fills date and timestamp columns, not double");
    rejects(
        "columns:\n  - {name: x, type: date, distribution: {type: time-range, start: 2025-02-01, end: 2025-01-01}}\n",
        "columns[0].distribution.end: must be after start");
    rejects(
        "columns:\n  - {name: x, type: timestamp, distribution: {type: time-range, start: 2025-01-01T00:00:00Z, "
            + "end: 2025-01-02T00:00:00Z, hour-weights: [1, 2, 3]}}\n",
        "columns[0].distribution.hour-weights: needs 24 weights (hour 0 to 23), got 3");
    rejects(
        "columns:\n  - {name: x, type: date, distribution: {type: time-range, start: 2025-01-01, end: 2025-02-01, "
            + "day-of-week-weights: [1, 2]}}\n",
        "columns[0].distribution.day-of-week-weights: needs 7 weights (Monday to Sunday), got 2");
  }

  @Test
  void theIssuesExampleMessageIsExact() {
    String yaml =
        """
        columns:
          - {name: a, type: long, key: {style: sequence}}
          - {name: b, type: double, distribution: {type: normal, mean: 0, sd: 1}}
          - {name: c, type: string, distribution: {type: categories, weights: {x: 1.0}}}
          - name: amount
            type: "decimal(12,2)"
            distribution: {type: log-normal, mu: 3.4, sigma: -1}
        """;

    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(SynthlakeException.class)
        .hasMessage("test.yaml: columns[3].distribution.sigma: must be > 0, got -1.0");
  }

  @Test
  void jsonSpecsReadLikeYaml() {
    Spec spec =
        SpecCompiler.read(
            "{\"columns\": [{\"name\": \"x\", \"type\": \"double\", "
                + "\"distribution\": {\"type\": \"exponential\", \"rate\": 2}}]}",
            "test.json",
            7,
            0);

    NumericColumn column = (NumericColumn) spec.model().column("x");
    ParametricMarginal marginal = (ParametricMarginal) column.components().get(0).marginal();
    assertThat(marginal.family()).isEqualTo(ParametricMarginal.Family.EXPONENTIAL);
    assertThat(marginal.parameters()).containsExactly(2.0);
    // An unbounded exponential still gets finite format bounds.
    assertThat(column.format().min()).isEqualTo(0.0);
    assertThat(column.format().max()).isFinite().isGreaterThan(15);
    assertThat(spec.model().properties()).containsEntry("created-by", "synthlake spec test.json");
    assertThatThrownBy(() -> SpecCompiler.read("{\"columns\": [}", "test.json", 7, 0))
        .hasMessageStartingWith("test.json is not valid YAML or JSON");
  }

  @Test
  void anOrderConstraintThatNoRowCanMeetIsAnError() {
    String columns =
        "columns:\n"
            + "  - {name: a, type: double, distribution: {type: uniform, min: 100, max: 200}}\n"
            + "  - {name: b, type: double, distribution: {type: uniform, min: 1, max: 10}}\n"
            + "  - {name: c, type: double, distribution: {type: uniform, min: 5, max: 150}}\n";

    rejects(
        columns + "constraints: [{order: [a, b]}]\n",
        "test.yaml: constraints[0].order: 'a' is at least 100.0 in every row but 'b' at most 10.0, so the order can never hold");
    rejects(
        columns + "constraints: [{order: [c, a, b]}]\n",
        "constraints[0].order: 'a' is at least 100.0");
    assertThat(
            read(columns + "constraints: [{order: [b, a]}, {order: [c, a]}]\n").orderConstraints())
        .containsExactly(List.of("b", "a"), List.of("c", "a"));
  }

  @Test
  void anOrderConstraintBetweenDifferentSortsOfValuesIsAnError() {
    String columns =
        "columns:\n"
            + "  - {name: label, type: string, distribution: {type: categories, weights: {x: 1.0}}}\n"
            + "  - {name: amount, type: double, distribution: "
            + NORMAL
            + "}\n"
            + "  - {name: opened, type: date, distribution: {type: uniform, min: 2020-01-01, max: 2020-12-31}}\n"
            + "  - {name: count, type: int, distribution: {type: uniform, min: -5, max: 5}}\n";

    rejects(
        columns + "constraints: [{order: [label, amount]}]\n",
        "test.yaml: constraints[0].order: 'label' (string) and "
            + "'amount' (double) hold different sorts of values, which cannot be ordered");
    rejects(
        columns + "constraints: [{order: [count, opened]}]\n",
        "constraints[0].order: 'count' (int) and 'opened' (date)");
    assertThat(read(columns + "constraints: [{order: [count, amount]}]\n").orderConstraints())
        .containsExactly(List.of("count", "amount"));
  }

  @Test
  void combinationMembersAreDescribedAsTypedLookupsNotSql() {
    Spec spec =
        read(
            "columns:\n"
                + "  - combination:\n"
                + "      columns: [{name: country, type: string}, {name: since, type: date}, {name: rate, type: 'decimal(5,2)'}]\n"
                + "      values: [[\"O'Hara\\\\\", 2020-01-01, 1.5], [SE, 2021-06-30, 100]]\n"
                + "      weights: [0.4, 0.6]\n");

    assertThat(spec.derived())
        .extracting(DerivedColumn::name)
        .containsExactly("country", "since", "rate");
    for (DerivedColumn member : spec.derived()) {
      assertThat(member.expression()).isNull();
      assertThat(member.lookup().indexColumn()).isEqualTo("__combination_country");
    }

    assertThat(spec.derived().get(0).lookup().values()).containsExactly("O'Hara\\", "SE");
    assertThat(spec.derived().get(1).lookup().values())
        .containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30));
    assertThat(spec.derived().get(2).lookup().values())
        .containsExactly(new java.math.BigDecimal("1.5"), new java.math.BigDecimal("100"));
  }

  @Test
  void aCompiledSpecIsReadOnceAndBuiltForAnySeedAndSize() {
    CompiledSpec fixed =
        SpecCompiler.compile(
            "columns:\n  - {name: x, type: double, distribution: " + NORMAL + "}\n", SOURCE);
    assertThat(fixed.spec(1, 10)).isSameAs(fixed.spec(2, 1_000));

    CompiledSpec sized =
        SpecCompiler.compile(
            "columns:\n"
                + "  - {name: x, type: long, distribution: {type: uniform, min: 1, max: rows / 10}}\n",
            SOURCE);
    assertThat(((NumericColumn) sized.model(1, 1_000).columns().get(0)).format().max())
        .isEqualTo(100);
    assertThat(((NumericColumn) sized.model(1, 50_000).columns().get(0)).format().max())
        .isEqualTo(5_000);
    assertThatThrownBy(() -> sized.spec(1, 0)).hasMessageContaining("depends on the row count");
  }
}
