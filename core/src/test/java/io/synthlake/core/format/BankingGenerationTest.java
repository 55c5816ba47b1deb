package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.math.Stats;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200,000 rows of conf/banking.yaml through the table sampler. False-failure rates over seeds (the
 * seed is fixed): counts within 4.5 binomial standard deviations, 6.8e-6 two-sided; chi-square at α
 * = 0.001; the correlation within 0.03, over 10 standard errors. The fraud contrasts have margins
 * of many standard errors (fraud's expected mean amount is 10x the legitimate one, and its share of
 * hours 0-4 is 0.50 against 0.03).
 */
class BankingGenerationTest {
  private static final int ROWS = 200_000;
  private static final long SEED = 2025;
  private static final List<String> MERCHANTS =
      List.of("Grocery", "Restaurant", "Gas", "Online", "Entertainment", "Travel", "Healthcare");

  private static TableModel model;
  private static Generated rows;
  private static boolean[] fraud;
  private static int fraudRows;

  @BeforeAll
  static void generate() throws IOException {
    model =
        SpecCompiler.read(
                Files.readString(SpecRoundTripTest.BANKING), "conf/banking.yaml", SEED, ROWS)
            .model();
    rows = Generated.of(model, SEED, ROWS);
    fraud = new boolean[ROWS];
    for (int r = 0; r < ROWS; r++) {
      fraud[r] = rows.column("is_fraud").booleanValue(r);
      fraudRows += fraud[r] ? 1 : 0;
    }
  }

  private static int hour(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).getHour();
  }

  private static void check(boolean condition, String column, int row, Object value) {
    if (!condition) {
      throw new AssertionError(column + " row " + row + " breaks the spec: " + value);
    }
  }

  @Test
  void everyRowIsWrittenOnceAndHoldsItsConstraints() {
    // 200,000 rows end in a partial block: exactly ROWS rows, each written once (the sink fails on
    // a second write).
    assertThat(ROWS % TableSampler.BLOCK_ROWS).isNotZero();
    long start = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2025-01-01T00:00:00Z"));
    long end = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z"));
    Set<String> pool = new HashSet<>(((CategoricalColumn) model.column("city")).categories());
    Set<String> ids = new HashSet<>();
    List<String> columns =
        List.of(
            "customer_id",
            "transaction_id",
            "timestamp",
            "amount",
            "balance",
            "merchant_category",
            "city");
    for (int r = 0; r < ROWS; r++) {
      // Plain checks per row (AssertJ per value would take seconds), failing with the row on the
      // first violation.
      for (String column : columns) {
        CollectingSink.Form form = rows.column(column).form(r);
        check(
            form != CollectingSink.Form.MISSING && form != CollectingSink.Form.NULL,
            column,
            r,
            form);
      }

      // Decimals are unscaled: amount in [0.01, 50000], balance in [0, 5000000].
      long amount = rows.column("amount").longValue(r);
      check(amount >= 1 && amount <= 5_000_000, "amount", r, amount);
      long balance = rows.column("balance").longValue(r);
      check(balance >= 0 && balance <= 500_000_000, "balance", r, balance);
      long customer = rows.column("customer_id").longValue(r);
      check(customer >= 1 && customer <= ROWS / 10, "customer_id", r, customer);
      long timestamp = rows.column("timestamp").longValue(r);
      check(timestamp >= start && timestamp < end, "timestamp", r, timestamp);
      check(
          MERCHANTS.contains(rows.column("merchant_category").string(r)),
          "merchant_category",
          r,
          rows.column("merchant_category").string(r));
      check(pool.contains(rows.column("city").string(r)), "city", r, rows.column("city").string(r));
      ids.add(rows.column("transaction_id").string(r));
    }

    assertThat(ids).hasSize(ROWS);
  }

  @Test
  void onePercentIsFraudWithLargerAmountsAtNight() {
    assertThat((double) fraudRows)
        .isCloseTo(0.01 * ROWS, within(4.5 * Math.sqrt(ROWS * 0.01 * 0.99)));

    double fraudAmount = 0;
    double legitimateAmount = 0;
    int fraudNight = 0;
    int legitimateNight = 0;
    for (int r = 0; r < ROWS; r++) {
      double amount = rows.column("amount").longValue(r) / 100.0;
      boolean night = hour(rows.column("timestamp").longValue(r)) <= 4;
      if (fraud[r]) {
        fraudAmount += amount;
        fraudNight += night ? 1 : 0;
      } else {
        legitimateAmount += amount;
        legitimateNight += night ? 1 : 0;
      }
    }

    int legitimateRows = ROWS - fraudRows;
    assertThat(fraudAmount / fraudRows).isGreaterThan(5 * legitimateAmount / legitimateRows);
    assertThat((double) fraudNight / fraudRows).isGreaterThan(0.35);
    assertThat((double) legitimateNight / legitimateRows).isLessThan(0.08);
  }

  @Test
  void legitimateRowsFollowTheSpecsHoursMerchantsAndCorrelation() {
    double[] hourWeights = {
      0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 0.9, 1.2, 1.3, 1.4, 1.6, 1.9, 1.7, 1.4, 1.3, 1.4, 1.7,
      2.0, 2.1, 1.9, 1.4, 0.9, 0.5
    };
    double[] merchantWeights = {0.28, 0.18, 0.12, 0.22, 0.08, 0.07, 0.05};
    double[] fraudMerchantWeights = {0.05, 0.05, 0.05, 0.55, 0.1, 0.17, 0.03};
    long[] hours = new long[24];
    long[] merchants = new long[7];
    long[] fraudMerchants = new long[7];
    int legitimateRows = ROWS - fraudRows;
    double[] logAmount = new double[legitimateRows];
    double[] logBalance = new double[legitimateRows];
    int i = 0;
    for (int r = 0; r < ROWS; r++) {
      int merchant = MERCHANTS.indexOf(rows.column("merchant_category").string(r));
      if (fraud[r]) {
        fraudMerchants[merchant]++;
        continue;
      }

      merchants[merchant]++;
      hours[hour(rows.column("timestamp").longValue(r))]++;
      logAmount[i] = Math.log(rows.column("amount").longValue(r));
      logBalance[i] = Math.log(Math.max(1, rows.column("balance").longValue(r)));
      i++;
    }

    // A whole year of whole days: the day-of-week weights leave the hour-of-day shares at the hour
    // weights.
    double total = java.util.Arrays.stream(hourWeights).sum();
    Stats.ChiSquare hourFit =
        Stats.chiSquare(hours, java.util.Arrays.stream(hourWeights).map(w -> w / total).toArray());
    assertThat(hourFit.statistic()).as("%s", hourFit).isLessThan(hourFit.critical());
    Stats.ChiSquare merchantFit = Stats.chiSquare(merchants, merchantWeights);
    assertThat(merchantFit.statistic()).as("%s", merchantFit).isLessThan(merchantFit.critical());
    Stats.ChiSquare fraudMerchantFit = Stats.chiSquare(fraudMerchants, fraudMerchantWeights);
    assertThat(fraudMerchantFit.statistic())
        .as("%s", fraudMerchantFit)
        .isLessThan(fraudMerchantFit.critical());
    // log of a log-normal is normal, so the copula's 0.35 shows in the logs (the bounds cut under
    // 2e-6 of the mass).
    // Both columns take the copula's normal scores directly in every component, so this checks that
    // path.
    for (String column : List.of("amount", "balance")) {
      NumericColumn numeric = (NumericColumn) model.column(column);
      assertThat(numeric.components())
          .allMatch(component -> component.marginal().takesNormalScores());
    }

    assertThat(Stats.pearson(logAmount, logBalance)).isCloseTo(0.35, within(0.03));
  }

  @Test
  void rowsDoNotDependOnPartitioning() throws IOException {
    int rowCount = 2 * TableSampler.BLOCK_ROWS + 1000;
    // The spec read again with the same seed gives the same Datafaker pool, hence the same model.
    TableModel again =
        SpecCompiler.read(
                Files.readString(SpecRoundTripTest.BANKING), "conf/banking.yaml", SEED, ROWS)
            .model();
    assertThat(ModelJson.toJson(again)).isEqualTo(ModelJson.toJson(model));

    // Each block on its own task, in reverse order; and two partitions, the second written first.
    Generated perTask =
        Generated.of(
            again,
            rowCount,
            List.of(2L, 1L, 0L),
            block -> TableSampler.of(again, SEED).newBlockWriter());
    TableSampler.BlockWriter first = TableSampler.of(again, SEED).newBlockWriter();
    TableSampler.BlockWriter second = TableSampler.of(again, SEED).newBlockWriter();
    Generated twoPartitions =
        Generated.of(again, rowCount, List.of(2L, 0L, 1L), block -> block < 2 ? first : second);
    Generated otherSeed = Generated.of(again, 7, rowCount);

    int sameAsOtherSeed = 0;
    for (int r = 0; r < rowCount; r++) {
      assertThat(perTask.row(r)).as("row %d", r).isEqualTo(rows.row(r));
      assertThat(twoPartitions.row(r)).as("row %d", r).isEqualTo(rows.row(r));
      sameAsOtherSeed +=
          otherSeed.column("transaction_id").value(r).equals(rows.column("transaction_id").value(r))
              ? 1
              : 0;
    }

    assertThat(sameAsOtherSeed).isZero();
  }
}
