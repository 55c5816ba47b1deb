package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.FitSettings;
import io.synthlake.core.fit.KMeans;
import io.synthlake.core.fit.OrphanPolicy;
import io.synthlake.core.fit.Samples;
import io.synthlake.core.fit.TableSetFitter;
import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conditions on a fitted set of customers and their orders: premium customers place six orders on
 * average and basic ones one, and premium orders are five times larger. Seeds are fixed, so each
 * assertion is deterministic; each statistical bound sits more than five standard errors from the
 * value the law gives, a false-failure rate below one in a million per bound for a fresh seed.
 */
class ConditionalTableSetTest {
  private static final int CUSTOMERS = 2000;
  private static final long GENERATED = 9000;
  private static final long SEED = 5;

  /** Customers and their transactions: a history with a running balance (conf/). */
  private static final Path AGENTS = Path.of("..", "conf", "agent-transactions.yaml");

  private static TableSet set;
  private static Map<String, CollectingSink[]> plain;

  @BeforeAll
  static void fit() {
    SplittableRandom random = new SplittableRandom(7);
    double[] ids = new double[CUSTOMERS];
    String[] segments = new String[CUSTOMERS];
    double[] incomes = new double[CUSTOMERS];
    List<double[]> orders = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      boolean premium = random.nextDouble() < 0.3;
      ids[c] = c + 1;
      segments[c] = premium ? "premium" : "basic";
      incomes[c] =
          premium
              ? 120_000 + 20_000 * random.nextGaussian()
              : 40_000 + 10_000 * random.nextGaussian();
      int count = poisson(premium ? 6 : 1, random);
      for (int o = 0; o < count; o++) {
        double amount = Math.exp(Math.log(premium ? 200 : 40) + 0.4 * random.nextGaussian());
        orders.add(new double[] {c + 1, Math.round(amount * 100) / 100.0});
      }
    }

    int n = orders.size();
    double[] orderIds = new double[n];
    double[] owners = new double[n];
    double[] amounts = new double[n];
    for (int o = 0; o < n; o++) {
      orderIds[o] = o + 1;
      owners[o] = orders.get(o)[0];
      amounts[o] = orders.get(o)[1];
    }

    DataType longs = DataType.of(LogicalType.LONG);
    FitSettings settings = FitSettings.builder().seed(11).build();
    List<Input> inputs =
        List.of(
            new Input(
                "customers",
                Samples.table(
                    Samples.numbers("customer_id", longs, ids),
                    Samples.strings("segment", segments),
                    Samples.doubles("income", incomes)),
                CUSTOMERS,
                settings),
            new Input(
                "orders",
                Samples.table(
                    Samples.numbers("order_id", longs, orderIds),
                    Samples.numbers("customer_id", longs, owners),
                    Samples.doubles("amount", amounts)),
                n,
                settings));
    set =
        TableSetFitter.fit(
                inputs,
                List.of(new Relation("orders", "customer_id", "customers", "customer_id")),
                OrphanPolicy.FAIL,
                new KMeans(4))
            .set();
    plain = TableSetRun.generate(set, SEED, "customers", GENERATED, false);
  }

  private static Map<String, CollectingSink[]> generate(String where, boolean reverse) {
    return TableSetRun.generate(
        ConditionalTableSet.of(set, where), SEED, "customers", GENERATED, reverse);
  }

  @Test
  void aRootConditionHoldsInEveryRootRowAndItsChildrenFollowSuchParents() {
    Map<String, CollectingSink[]> tables = generate("segment = 'premium'", false);
    CollectingSink[] customers = tables.get("customers");
    CollectingSink[] orders = tables.get("orders");
    assertThat(customers[0].size()).isEqualTo(GENERATED);
    assertThat(distinct(customers[1])).containsExactly("premium");

    assertJoins(customers, orders);
    // Premium customers place 6 orders on average (all customers 2.5) of mean 217 (all 130).
    assertThat((double) orders[0].size() / customers[0].size()).isBetween(5.0, 7.0);
    assertThat(mean(orders[2])).isGreaterThan(180);
    // Rich customers are premium ones in the real data.
    assertThat(mean(customers[2])).isBetween(105_000.0, 135_000.0);
  }

  @Test
  void aChildConditionHoldsInEveryChildRowAndLeavesTheParentsAsTheyAre() {
    Map<String, CollectingSink[]> tables = generate("orders.amount >= 150", false);
    CollectingSink[] customers = tables.get("customers");
    CollectingSink[] orders = tables.get("orders");
    for (int c = 0; c < customers.length; c++) {
      assertSame(customers[c], plain.get("customers")[c]);
    }

    assertSame(orders[1], plain.get("orders")[1]);
    assertThat(min(orders[2])).isGreaterThanOrEqualTo(150);

    assertJoins(customers, orders);
  }

  @Test
  void aChildsComponentFollowsItsParentGivenTheCondition() {
    // Premium orders above 150 are most of the premium ones (mean about 240); a basic customer's
    // few orders above 150 lie in the far tail of its amounts, and drawn from its own kind they
    // sit near the bound.
    Map<String, CollectingSink[]> tables = generate("amount BETWEEN 150 AND 100000", false);
    Map<Object, Object> segment = new HashMap<>();
    CollectingSink[] customers = tables.get("customers");
    for (int r = 0; r < customers[0].size(); r++) {
      segment.put(customers[0].value(r), customers[1].value(r));
    }

    CollectingSink[] orders = tables.get("orders");
    double[] sums = new double[2];
    int[] counts = new int[2];
    for (int r = 0; r < orders[0].size(); r++) {
      int s = "premium".equals(segment.get(orders[1].value(r))) ? 1 : 0;
      sums[s] += orders[2].number(r);
      counts[s]++;
    }

    assertThat(counts[0]).isPositive();
    assertThat(sums[1] / counts[1]).isGreaterThan(sums[0] / counts[0]);
  }

  @Test
  void aChildTableGetsExactlyTheRowsAskedForUnderACondition() {
    TableSetSampler sampler =
        TableSetSampler.of(ConditionalTableSet.of(set, "segment = 'premium'"), SEED);
    TableSetLayout layout =
        ExactRows.layout(
            sampler,
            "orders",
            5_000,
            (root, rootRows, first, end) ->
                TableSetRun.countBlocks(sampler, root, rootRows, first, end));
    assertThat(layout.rows("orders")).isEqualTo(5_000);
    assertThat(TableSetRun.generate(sampler, layout, "orders", false)[0].size()).isEqualTo(5_000);
  }

  @Test
  void theRowsAreTheSameWhateverOrderTheBlocksAreGeneratedIn() {
    Map<String, CollectingSink[]> forward = generate("customers.income > 100000", false);
    Map<String, CollectingSink[]> backward = generate("customers.income > 100000", true);
    for (String table : set.names()) {
      for (int c = 0; c < forward.get(table).length; c++) {
        assertSame(backward.get(table)[c], forward.get(table)[c]);
      }
    }

    assertThat(forward.get("customers")[0].size()).isEqualTo(GENERATED);
    assertThat(min(forward.get("customers")[2])).isGreaterThan(100_000);
  }

  @Test
  void refusesNamesItCannotPlaceOrMayNotCondition() {
    assertRefused("customer_id = 3", "'customer_id', which tables 'customers', 'orders' all have");
    assertRefused("customers.customer_id = 3", "which is a key");
    assertRefused("orders.customer_id = 3", "which is a foreign key");
    assertRefused("colour = 'red'", "no table of the set has");
    assertRefused("shops.amount > 1", "the set does not hold; its tables are customers, orders");
    assertRefused("orders.income > 1", "table 'orders', which has no such column");
    assertRefused("segment = 'premium' AND orders.amount > 100", "tables 'customers' and 'orders'");
    assertRefused("`synthlake:children-in:orders` > 2", "a hidden column");
    assertRefused("amount < -1000", "amount < -1000 never holds");
  }

  @Test
  void aConditionOnAHistoryHoldsInEveryRowAndRefusesWhatCarriesFromRowToRow() throws IOException {
    TableSet agents =
        SpecCompiler.compileSet(Files.readString(AGENTS), "agent-transactions.yaml")
            .build(SEED, "customers", 300)
            .set();
    Map<String, CollectingSink[]> before =
        TableSetRun.generate(agents, SEED, "customers", 300, false);
    Map<String, CollectingSink[]> after =
        TableSetRun.generate(
            ConditionalTableSet.of(agents, "merchant_category IN ('Travel', 'Health')"),
            SEED,
            "customers",
            300,
            false);
    int category = agents.table("transactions").columns().indexOf("merchant_category");
    int customer = agents.table("transactions").columns().indexOf("customer_id");
    CollectingSink[] transactions = after.get("transactions");
    assertThat(distinct(transactions[category])).containsOnly("Travel", "Health");
    assertSame(transactions[customer], before.get("transactions")[customer]);

    for (String column : List.of("ts", "balance", "deposit", "amount")) {
      assertThatThrownBy(() -> ConditionalTableSet.of(agents, "transactions." + column + " > 1"))
          .as(column)
          .isInstanceOf(SynthlakeException.class)
          .hasMessageContaining("column '" + column + "' of table 'transactions', which is");
    }
  }

  @Test
  void aModelOfOneTableRefusesAQualifiedName() {
    assertThatThrownBy(
            () -> ConditionalModel.of(set.table("orders").model(), "orders.amount > 100"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("name the column alone ('amount')");
  }

  private static void assertRefused(String where, String part) {
    assertThatThrownBy(() -> ConditionalTableSet.of(set, where))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining(part)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static void assertJoins(CollectingSink[] customers, CollectingSink[] orders) {
    Set<Object> ids = new HashSet<>();
    for (int r = 0; r < customers[0].size(); r++) {
      ids.add(customers[0].value(r));
    }

    assertThat(ids).hasSize(customers[0].size());
    int orphans = 0;
    for (int r = 0; r < orders[1].size(); r++) {
      orphans += ids.contains(orders[1].value(r)) ? 0 : 1;
    }

    assertThat(orphans).as("orders whose customer is missing").isZero();
  }

  /** Asserts that {@code actual} holds the values of {@code expected}, row for row. */
  private static void assertSame(CollectingSink actual, CollectingSink expected) {
    assertThat(actual.size()).isEqualTo(expected.size());
    int differing = 0;
    for (int r = 0; r < actual.size(); r++) {
      differing += Objects.equals(actual.value(r), expected.value(r)) ? 0 : 1;
    }

    assertThat(differing).as("rows that differ").isZero();
  }

  private static Set<Object> distinct(CollectingSink column) {
    Set<Object> values = new HashSet<>();
    for (int r = 0; r < column.size(); r++) {
      values.add(column.value(r));
    }

    return values;
  }

  private static double min(CollectingSink column) {
    double min = Double.POSITIVE_INFINITY;
    for (int r = 0; r < column.size(); r++) {
      min = Math.min(min, column.number(r));
    }

    return min;
  }

  private static double mean(CollectingSink column) {
    double sum = 0;
    for (int r = 0; r < column.size(); r++) {
      sum += column.number(r);
    }

    return sum / column.size();
  }

  private static int poisson(double mean, SplittableRandom random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }

    return count;
  }
}
