package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.format.ModelJson;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers, merchants and orders: premium customers place six orders on average and basic ones
 * one, premium orders are five times larger, and a few merchants take most orders. A fitted set
 * must keep all three facts and every key must join. Seeds are fixed, so each assertion is
 * deterministic; the bounds sit at least four standard errors from the true values, which would put
 * the false-failure rate of a fresh seed below 1 in 10,000 per bound.
 */
class TableSetFitTest {
  private static final int CUSTOMERS = 3000;
  private static final int MERCHANTS = 400;
  private static final long GENERATED_CUSTOMERS = 20_000;

  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;
  private static double realTopMerchantShare;

  @BeforeAll
  static void fitAndGenerate() {
    SplittableRandom random = new SplittableRandom(7);
    double[] customerIds = new double[CUSTOMERS];
    String[] segments = new String[CUSTOMERS];
    double[] incomes = new double[CUSTOMERS];
    List<double[]> orders = new ArrayList<>(); // customer id, merchant index, amount
    double[] zipf = zipfCumulative(MERCHANTS, 1.1);
    for (int c = 0; c < CUSTOMERS; c++) {
      boolean premium = random.nextDouble() < 0.3;
      customerIds[c] = c + 1;
      segments[c] = premium ? "premium" : "basic";
      incomes[c] =
          premium
              ? 120_000 + 20_000 * random.nextGaussian()
              : 40_000 + 10_000 * random.nextGaussian();
      int count = poisson(premium ? 6 : 1, random);
      for (int o = 0; o < count; o++) {
        double amount = Math.exp(Math.log(premium ? 200 : 40) + 0.4 * random.nextGaussian());
        orders.add(
            new double[] {
              c + 1, merchant(zipf, random.nextDouble()), Math.round(amount * 100) / 100.0
            });
      }
    }

    String[] merchantIds = new String[MERCHANTS];
    String[] categories = new String[MERCHANTS];
    for (int m = 0; m < MERCHANTS; m++) {
      merchantIds[m] = String.format("M%04d", m + 1);
      categories[m] = List.of("food", "travel", "fuel", "books", "games").get(m % 5);
    }

    int n = orders.size();
    double[] orderIds = new double[n];
    double[] orderCustomers = new double[n];
    String[] orderMerchants = new String[n];
    double[] amounts = new double[n];
    long[] inDegree = new long[MERCHANTS];
    for (int o = 0; o < n; o++) {
      orderIds[o] = o + 1;
      orderCustomers[o] = orders.get(o)[0];
      int merchant = (int) orders.get(o)[1];
      orderMerchants[o] = merchantIds[merchant];
      inDegree[merchant]++;
      amounts[o] = orders.get(o)[2];
    }

    realTopMerchantShare = topShare(inDegree, 0.1);
    DataType longs = DataType.of(LogicalType.LONG);
    FitSettings settings = FitSettings.builder().seed(11).build();
    List<Input> inputs =
        List.of(
            new Input(
                "customers",
                Samples.table(
                    Samples.numbers("id", longs, customerIds),
                    Samples.strings("segment", segments),
                    Samples.doubles("income", incomes)),
                CUSTOMERS,
                settings),
            new Input(
                "merchants",
                Samples.table(
                    Samples.strings("merchant_id", merchantIds),
                    Samples.strings("category", categories)),
                MERCHANTS,
                settings),
            new Input(
                "orders",
                Samples.table(
                    Samples.numbers("order_id", longs, orderIds),
                    Samples.numbers("customer_id", longs, orderCustomers),
                    Samples.strings("merchant_id", orderMerchants),
                    Samples.doubles("amount", amounts)),
                n,
                settings));
    List<Relation> relations =
        List.of(
            new Relation("orders", "customer_id", "customers", "id"),
            new Relation("orders", "merchant_id", "merchants", "merchant_id"));
    set = TableSetFitter.fit(inputs, relations, OrphanPolicy.FAIL, new KMeans(4)).set();
    generated = TableSetRun.generate(set, 5, "customers", GENERATED_CUSTOMERS, false);
  }

  @Test
  void keepsTheTablesColumnsAndForeignKeysInInputOrder() {
    assertThat(set.names()).containsExactly("customers", "merchants", "orders");
    assertThat(set.table("orders").columns())
        .containsExactly("order_id", "customer_id", "merchant_id", "amount");
    assertThat(set.table("orders").parent()).isEqualTo("customers");
    assertThat(set.table("orders").foreignKey("merchant_id").isParent()).isFalse();
    assertThat(set.table("customers").model().columnNames())
        .contains(TableSet.countColumn("orders"));
    assertThat(set.table("customers").columns()).containsExactly("id", "segment", "income");
  }

  @Test
  void everyForeignKeyJoinsAndEveryKeyIsUnique() {
    CollectingSink[] customers = generated.get("customers");
    CollectingSink[] merchants = generated.get("merchants");
    CollectingSink[] orders = generated.get("orders");
    assertThat(customers[0].size()).isEqualTo(GENERATED_CUSTOMERS);
    Set<Object> customerIds = distinct(customers[0]);
    Set<Object> merchantIds = distinct(merchants[0]);
    assertThat(customerIds).hasSize(customers[0].size());
    assertThat(merchantIds).hasSize(merchants[0].size());
    assertThat(distinct(orders[0])).hasSize(orders[0].size());
    for (int r = 0; r < orders[0].size(); r++) {
      assertThat(customerIds).contains(orders[1].value(r));
      assertThat(merchantIds).contains(orders[2].value(r));
    }
  }

  @Test
  void fanOutDependsOnTheParentsSegment() {
    Map<Object, String> segment = segments();
    Map<String, int[]> customersAndOrders =
        new HashMap<>(); // segment -> {customers, orders, childless}
    Map<Object, Integer> ordersPer = ordersPerCustomer();
    for (Map.Entry<Object, String> customer : segment.entrySet()) {
      int count = ordersPer.getOrDefault(customer.getKey(), 0);
      int[] tally = customersAndOrders.computeIfAbsent(customer.getValue(), k -> new int[3]);
      tally[0]++;
      tally[1] += count;
      tally[2] += count == 0 ? 1 : 0;
    }

    int[] premium = customersAndOrders.get("premium");
    int[] basic = customersAndOrders.get("basic");
    assertThat((double) premium[1] / premium[0]).isBetween(4.8, 7.2);
    assertThat((double) basic[1] / basic[0]).isBetween(0.75, 1.25);
    // A basic customer has no order with probability e^-1 = 0.37 in the real data.
    assertThat((double) basic[2] / basic[0]).isBetween(0.30, 0.44);
  }

  @Test
  void childColumnsDependOnTheParent() {
    Map<Object, String> segment = segments();
    CollectingSink[] orders = generated.get("orders");
    double[] sums = new double[2];
    int[] counts = new int[2];
    for (int r = 0; r < orders[0].size(); r++) {
      int s = "premium".equals(segment.get(orders[1].value(r))) ? 1 : 0;
      sums[s] += orders[3].number(r);
      counts[s]++;
    }

    // Real means: 40·e^0.08 and 200·e^0.08, a ratio of 5.
    assertThat((sums[1] / counts[1]) / (sums[0] / counts[0])).isGreaterThan(3.5);
  }

  @Test
  void furtherForeignKeysKeepTheParentsPopularity() {
    CollectingSink[] orders = generated.get("orders");
    Map<Object, Long> perMerchant = new HashMap<>();
    for (Object merchant : distinct(generated.get("merchants")[0])) {
      perMerchant.put(merchant, 0L);
    }

    for (int r = 0; r < orders[0].size(); r++) {
      perMerchant.merge(orders[2].value(r), 1L, Long::sum);
    }

    double share =
        topShare(perMerchant.values().stream().mapToLong(Long::longValue).toArray(), 0.1);
    assertThat(share).isBetween(realTopMerchantShare - 0.06, realTopMerchantShare + 0.06);
  }

  @Test
  void rowsDoNotDependOnTheOrderRootBlocksAreVisitedIn() {
    Map<String, CollectingSink[]> reversed =
        TableSetRun.generate(set, 5, "customers", GENERATED_CUSTOMERS, true);
    for (String table : set.names()) {
      CollectingSink[] forward = generated.get(table);
      CollectingSink[] backward = reversed.get(table);
      for (int c = 0; c < forward.length; c++) {
        for (int r = 0; r < forward[c].size(); r++) {
          assertThat(backward[c].value(r)).isEqualTo(forward[c].value(r));
        }
      }
    }
  }

  @Test
  void rootSizesScaleWithTheFittedTablesAndAreBounded() {
    Map<String, Long> roots = TableSetLayout.rootRows(set, "customers", 30_000);
    assertThat(roots).containsEntry("customers", 30_000L).containsEntry("merchants", 4_000L);
    assertThatThrownBy(
            () -> TableSetLayout.rootRows(set, "customers", TableSetLayout.MAX_ROOT_ROWS + 1))
        .hasMessageContaining("root table 'customers' would get 17179869185 rows, more than the");
  }

  @Test
  void roundTripsThroughTheFileWithTheSameRows() {
    String json = TableSetJson.toJson(set);
    TableSet read = TableSetJson.fromJson(json, "shop.json");
    assertThat(TableSetJson.toJson(read)).isEqualTo(json);
    Map<String, CollectingSink[]> again = TableSetRun.generate(read, 5, "customers", 5000, false);
    Map<String, CollectingSink[]> before = TableSetRun.generate(set, 5, "customers", 5000, false);
    for (String table : set.names()) {
      for (int c = 0; c < before.get(table).length; c++) {
        for (int r = 0; r < before.get(table)[c].size(); r++) {
          assertThat(again.get(table)[c].value(r)).isEqualTo(before.get(table)[c].value(r));
        }
      }
    }
  }

  @Test
  void fileErrorsNameTheTableAndTheFieldPath() {
    String json = TableSetJson.toJson(set);
    String badWeight = json.replaceFirst("\"weight\" : [0-9.E-]+", "\"weight\" : \"heavy\"");
    assertThatThrownBy(() -> TableSetJson.fromJson(badWeight, "shop.json"))
        .hasMessageStartingWith(
            "shop.json: tables[0].model.dependence.components[0].weight: must be a number");
    String badParent = json.replace("\"table\" : \"merchants\"", "\"table\" : \"shops\"");
    assertThatThrownBy(() -> TableSetJson.fromJson(badParent, "shop.json"))
        .hasMessageContaining("references table 'shops', which the set does not hold");
    assertThatThrownBy(() -> ModelJson.fromJson(json, "shop.json"))
        .hasMessageContaining("shop.json holds a set of related tables, not one table's model");
  }

  @Test
  void refusesOrphansCyclesAndKeysThatRepeat() {
    DataType longs = DataType.of(LogicalType.LONG);
    FitSettings settings = FitSettings.defaults();
    Input parents =
        new Input(
            "parents",
            Samples.table(Samples.numbers("id", longs, new double[] {1, 2, 2})),
            3,
            settings);
    Input children =
        new Input(
            "children",
            Samples.table(
                Samples.numbers("parent_id", longs, new double[] {1, 9}),
                Samples.numbers("id", longs, new double[] {1, 2})),
            2,
            settings);
    Relation up = new Relation("children", "parent_id", "parents", "id");
    assertThatThrownBy(
            () ->
                TableSetFitter.fit(
                    List.of(parents, children),
                    List.of(up),
                    OrphanPolicy.DROP,
                    ScoreClusterer.single()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("table 'parents': key column 'id' holds 2.0 in more than one row");
    Input uniqueParents =
        new Input(
            "parents",
            Samples.table(
                Samples.numbers("id", longs, new double[] {1, 2, 3}),
                Samples.numbers("child_id", longs, new double[] {1, 2, 1})),
            3,
            settings);
    assertThatThrownBy(
            () ->
                TableSetFitter.fit(
                    List.of(uniqueParents, children),
                    List.of(up),
                    OrphanPolicy.FAIL,
                    ScoreClusterer.single()))
        .hasMessageContaining(
            "table 'children': 1 of 2 rows have a "
                + "children.parent_id=parents.id that matches no row of 'parents' (orphans)");
    Relation down = new Relation("parents", "child_id", "children", "id");
    assertThatThrownBy(
            () ->
                TableSetFitter.fit(
                    List.of(uniqueParents, children),
                    List.of(up, down),
                    OrphanPolicy.DROP,
                    ScoreClusterer.single()))
        .hasMessageContaining("the relations form a cycle (parents -> " + "children -> parents)");
    Relation missing = new Relation("children", "parent_id", "parent", "id");
    assertThatThrownBy(
            () ->
                TableSetFitter.fit(
                    List.of(uniqueParents, children),
                    List.of(missing),
                    OrphanPolicy.DROP,
                    ScoreClusterer.single()))
        .hasMessageContaining(
            "relation children.parent_id=parent.id "
                + "names table 'parent', which is not among the tables to fit (parents, children)");
  }

  @Test
  void dropsOrphansWithAWarningThatCountsThem() {
    DataType longs = DataType.of(LogicalType.LONG);
    double[] ids = new double[300];
    double[] parentIds = new double[600];
    for (int i = 0; i < 300; i++) {
      ids[i] = i + 1;
      parentIds[2 * i] = i + 1;
      parentIds[2 * i + 1] = i < 5 ? 10_000 + i : i + 1;
    }

    Input parents =
        new Input(
            "parents",
            Samples.table(
                Samples.numbers("id", longs, ids),
                Samples.doubles("size", Arrays.stream(ids).map(Math::sqrt).toArray())),
            300,
            FitSettings.defaults());
    Input children =
        new Input(
            "children",
            Samples.table(
                Samples.numbers("parent_id", longs, parentIds),
                Samples.doubles("weight", Arrays.stream(parentIds).map(Math::log).toArray())),
            600,
            FitSettings.defaults());
    TableSetFitter.Result result =
        TableSetFitter.fit(
            List.of(parents, children),
            List.of(new Relation("children", "parent_id", "parents", "id")),
            OrphanPolicy.DROP,
            ScoreClusterer.single());
    assertThat(result.warnings())
        .anyMatch(
            warning ->
                warning.contains(
                    "table 'children': 5 of 600 rows have a "
                        + "children.parent_id=parents.id that matches no row of 'parents'; left out of the fit"));
  }

  private static Map<Object, String> segments() {
    CollectingSink[] customers = generated.get("customers");
    Map<Object, String> segment = new HashMap<>();
    for (int r = 0; r < customers[0].size(); r++) {
      segment.put(customers[0].value(r), customers[1].string(r));
    }

    return segment;
  }

  private static Map<Object, Integer> ordersPerCustomer() {
    CollectingSink[] orders = generated.get("orders");
    Map<Object, Integer> per = new HashMap<>();
    for (int r = 0; r < orders[0].size(); r++) {
      per.merge(orders[1].value(r), 1, Integer::sum);
    }

    return per;
  }

  private static Set<Object> distinct(CollectingSink column) {
    Set<Object> values = new HashSet<>();
    for (int r = 0; r < column.size(); r++) {
      values.add(column.value(r));
    }

    return values;
  }

  /** The share of all children that the top {@code fraction} of parents (by children) hold. */
  private static double topShare(long[] perParent, double fraction) {
    long[] sorted = perParent.clone();
    Arrays.sort(sorted);
    long total = Arrays.stream(sorted).sum();
    long top = 0;
    int count = (int) Math.round(sorted.length * fraction);
    for (int i = 0; i < count; i++) {
      top += sorted[sorted.length - 1 - i];
    }

    return (double) top / total;
  }

  private static double[] zipfCumulative(int n, double exponent) {
    double[] cumulative = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += Math.pow(i + 1, -exponent);
      cumulative[i] = total;
    }

    for (int i = 0; i < n; i++) {
      cumulative[i] /= total;
    }

    return cumulative;
  }

  private static int merchant(double[] cumulative, double u) {
    int index = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
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
