package io.synthlake.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Table-set specs: conf/banking-lake.yaml compiled and generated in memory the way the Spark job
 * generates it, and the compiler's one-line errors. Seeds are fixed; each statistical bound is at
 * least five standard errors wide (a false-failure rate below 6e-7 per bound over seeds).
 */
class TableSetSpecTest {
  private static final Path BANKING_LAKE = Path.of("..", "conf", "banking-lake.yaml");
  private static final String SOURCE = "set.yaml";
  private static final long CUSTOMERS = 9_000;

  private static CompiledTableSet lake;
  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;

  @BeforeAll
  static void generate() throws IOException {
    lake = SpecCompiler.compileSet(Files.readString(BANKING_LAKE), "conf/banking-lake.yaml");
    set = lake.build(5, "customers", CUSTOMERS).set();
    generated = TableSetRun.generate(set, 5, "customers", CUSTOMERS, false);
  }

  private static CollectingSink column(String table, String column) {
    int index = set.table(table).columns().indexOf(column);
    assertThat(index).as("%s.%s", table, column).isNotNegative();
    return generated.get(table)[index];
  }

  private static List<Object> values(String table, String column) {
    CollectingSink sink = column(table, column);
    List<Object> values = new ArrayList<>();
    for (int r = 0; r < sink.size(); r++) {
      values.add(sink.value(r));
    }

    return values;
  }

  @Test
  void compilesTheTablesTheirKeysAndTheirOutputOrder() {
    assertThat(SpecCompiler.isTableSet("tables: []", SOURCE)).isTrue();
    assertThat(SpecCompiler.isTableSet("columns: []", SOURCE)).isFalse();
    assertThat(lake.tables()).containsExactly("customers", "merchants", "accounts", "transactions");
    TableSetSpec built = lake.build(5, "customers", CUSTOMERS);
    assertThat(built.tables().get("accounts").columnOrder())
        .containsExactly(
            "account_id", "customer_id", "account_type", "opened", "balance", "fee_rate");
    assertThat(built.tables().get("transactions").columnOrder())
        .containsExactly(
            "transaction_id",
            "account_id",
            "merchant_id",
            "timestamp",
            "amount",
            "channel",
            "fee",
            "is_large");
    assertThat(built.tables().get("transactions").derived())
        .extracting(DerivedColumn::name)
        .containsExactly("fee", "is_large");
    // Customers, accounts and transactions follow customers.segment: one component per value.
    for (String table : List.of("customers", "accounts", "transactions")) {
      assertThat(set.table(table).model().dependence().componentCount()).as(table).isEqualTo(3);
    }

    assertThat(set.table("merchants").model().dependence().componentCount()).isEqualTo(1);
    assertThat(set.table("accounts").link().transitions(1)).containsExactly(0, 1, 0);
    assertThat(set.table("customers").model().column(TableSet.countColumn("accounts")))
        .isInstanceOf(NumericColumn.class);
    assertThat(set.table("transactions").foreignKey("merchant_id").isParent()).isFalse();
    // Sizes: merchants in the ratio of the declared rows, children by their mean counts.
    assertThat(set.table("merchants").inputRows()).isEqualTo(2_000);
    assertThat(set.table("accounts").inputRows()).isEqualTo(17_525);
  }

  @Test
  void everyForeignKeyJoinsAndKeysAreUnique() {
    assertThat(column("customers", "customer_id").size()).isEqualTo((int) CUSTOMERS);
    assertThat(column("merchants", "merchant_id").size()).isEqualTo(1_800);
    for (String[] key :
        new String[][] {
          {"customers", "customer_id"},
          {"merchants", "merchant_id"},
          {"accounts", "account_id"},
          {"transactions", "transaction_id"}
        }) {
      List<Object> keys = values(key[0], key[1]);
      assertThat(new HashSet<>(keys)).as("%s.%s", key[0], key[1]).hasSize(keys.size());
    }

    assertThat(new HashSet<>(values("customers", "customer_id")))
        .containsAll(values("accounts", "customer_id"));
    assertThat(new HashSet<>(values("accounts", "account_id")))
        .containsAll(values("transactions", "account_id"));
    assertThat(new HashSet<>(values("merchants", "merchant_id")))
        .containsAll(values("transactions", "merchant_id"));
  }

  @Test
  void accountsPerCustomerFollowTheSegmentsCountLaws() {
    Map<Object, String> segmentOf = new HashMap<>();
    List<Object> ids = values("customers", "customer_id");
    List<Object> segments = values("customers", "segment");
    for (int r = 0; r < ids.size(); r++) {
      segmentOf.put(ids.get(r), (String) segments.get(r));
    }

    Map<Object, Integer> accounts = new HashMap<>();
    values("accounts", "customer_id").forEach(id -> accounts.merge(id, 1, Integer::sum));
    // Spec means and variances: Poisson 1.4; negative binomial 2.6 + 2.6² / 4; the histogram of 2,
    // 3-4 and 5-8 with weights 0.3, 0.5, 0.2.
    Map<String, double[]> law =
        Map.of(
            "retail", new double[] {1.4, 1.4},
            "premium", new double[] {2.6, 2.6 + 2.6 * 2.6 / 4},
            "private", new double[] {3.65, 16.15 - 3.65 * 3.65});
    for (Map.Entry<String, double[]> segment : law.entrySet()) {
      long customers = 0;
      long total = 0;
      for (Map.Entry<Object, String> customer : segmentOf.entrySet()) {
        if (customer.getValue().equals(segment.getKey())) {
          customers++;
          total += accounts.getOrDefault(customer.getKey(), 0);
        }
      }

      double standardError = Math.sqrt(segment.getValue()[1] / customers);
      assertThat((double) total / customers)
          .as("accounts per %s customer", segment.getKey())
          .isCloseTo(segment.getValue()[0], within(5 * standardError));
    }

    // Transactions per account: a negative binomial of mean 14 and variance 14 + 14² / 0.7.
    int accountRows = column("accounts", "account_id").size();
    int transactions = column("transactions", "transaction_id").size();
    assertThat((double) transactions / accountRows)
        .isCloseTo(14, within(5 * Math.sqrt((14 + 14 * 14 / 0.7) / accountRows)));
  }

  @Test
  void amountsFollowTheCustomersSegmentAndMerchantsTheirPopularity() {
    Map<Object, Object> customerOf = new HashMap<>();
    List<Object> accountIds = values("accounts", "account_id");
    List<Object> owners = values("accounts", "customer_id");
    for (int r = 0; r < accountIds.size(); r++) {
      customerOf.put(accountIds.get(r), owners.get(r));
    }

    Map<Object, Object> segmentOf = new HashMap<>();
    List<Object> ids = values("customers", "customer_id");
    List<Object> segments = values("customers", "segment");
    for (int r = 0; r < ids.size(); r++) {
      segmentOf.put(ids.get(r), segments.get(r));
    }

    Map<Object, List<Double>> logAmounts = new HashMap<>();
    List<Object> accounts = values("transactions", "account_id");
    CollectingSink amounts = column("transactions", "amount");
    for (int r = 0; r < accounts.size(); r++) {
      logAmounts
          .computeIfAbsent(segmentOf.get(customerOf.get(accounts.get(r))), s -> new ArrayList<>())
          .add(Math.log(amounts.number(r) / 100)); // decimal(12,2) as unscaled cents
    }

    // The median of a log-normal's logarithm is mu; 0.1 is over ten standard errors for the
    // smallest group (private, a few thousand rows, sigma 1.2).
    Map<String, Double> mu = Map.of("retail", 3.3, "premium", 4.2, "private", 5.0);
    for (Map.Entry<String, Double> segment : mu.entrySet()) {
      double[] logs =
          logAmounts.get(segment.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(logs);
      assertThat(logs[logs.length / 2])
          .as("median log amount of %s customers", segment.getKey())
          .isCloseTo(segment.getValue(), within(0.1));
    }

    // Zipf 1.1 over 1,800 merchants: the top merchant takes 1 / H(1800, 1.1) of the transactions.
    double harmonic = 0;
    for (int k = 1; k <= 1_800; k++) {
      harmonic += Math.pow(k, -1.1);
    }

    Map<Object, Integer> byMerchant = new HashMap<>();
    values("transactions", "merchant_id").forEach(m -> byMerchant.merge(m, 1, Integer::sum));
    int top = byMerchant.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat((double) top / column("transactions", "merchant_id").size())
        .isCloseTo(1 / harmonic, within(0.01));
  }

  @Test
  void rowsDoNotDependOnTheOrderOfRootBlocks() {
    Map<String, CollectingSink[]> reversed =
        TableSetRun.generate(set, 5, "customers", CUSTOMERS, true);
    for (String table : set.names()) {
      CollectingSink[] forward = generated.get(table);
      CollectingSink[] backward = reversed.get(table);
      for (int c = 0; c < forward.length; c++) {
        assertThat(backward[c].size()).isEqualTo(forward[c].size());
        for (int r = 0; r < forward[c].size(); r++) {
          if (!java.util.Objects.equals(forward[c].value(r), backward[c].value(r))) {
            throw new AssertionError(table + " column " + c + " row " + r + " differs");
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- errors

  private static final String CUSTOMER_TABLE =
      String.join(
          "\n",
          "  - name: c",
          "    columns:",
          "      - {name: id, type: long, key: {style: sequence}}",
          "      - {name: segment, type: string, distribution: {type: categories, weights: {a: 0.7, b: 0.3}}}",
          "      - {name: income, type: double, distribution: {type: normal, mean: 5, sd: 1}}",
          "");

  /** A set of c and a child table o whose entry ends with {@code orders}. */
  private static String withOrders(String orders) {
    return "tables:\n"
        + CUSTOMER_TABLE
        + "  - name: o\n"
        + "    columns: [{name: oid, type: long, key: {style: sequence}}, "
        + "{name: x, type: double, distribution: {type: normal, mean: 0, sd: 1}}]\n"
        + orders;
  }

  private static void rejects(String yaml, String expected) {
    assertThatThrownBy(() -> SpecCompiler.compileSet(yaml, SOURCE).build(1, "c", 100))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageStartingWith(SOURCE + ": ")
        .hasMessageNotContaining("\n")
        .hasMessageContaining(expected);
  }

  @Test
  void relationsNamingMissingTablesOrColumnsAreRejected() {
    rejects(
        withOrders(
            "    parent: {column: cid, table: customer, key: id}\n"
                + "    count: {type: poisson, mean: 2}\n"),
        "tables[1].parent.table: names no table of the spec: 'customer'; its tables are c, o");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c, key: idd}\n"
                + "    count: {type: poisson, mean: 2}\n"),
        "tables[1].parent.key: 'idd' is not a key column of c (it has no such column)");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c, key: segment}\n"
                + "    count: {type: poisson, mean: 2}\n"),
        "tables[1].parent.key: 'segment' is not a key column of c; a foreign key references a "
            + "column with a key, here key columns id");
    rejects(
        withOrders("    parent: {column: x, table: c}\n" + "    count: {type: poisson, mean: 2}\n"),
        "tables[1].parent.column: 'x' is also a column of o");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c}\n"
                + "    count: {type: poisson, mean: 2}\n"
                + "    foreign-keys: [{column: c2, table: d, key: id}]\n"),
        "tables[1].foreign-keys[0].table: names no table of the spec: 'd'");
    rejects(
        withOrders("    parent: {column: cid, table: c}\n"),
        "tables[1].count: is missing; a table with a parent needs a count");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c}\n"
                + "    count: {type: poisson, mean: 2}\n"
                + "    rows: 10\n"),
        "tables[1].rows: a table with a parent has as many rows as its parents' counts give");
  }

  @Test
  void aCycleOfParentsIsRejected() {
    rejects(
        String.join(
            "\n",
            "tables:",
            "  - name: c",
            "    parent: {column: oid, table: o}",
            "    count: {type: constant, value: 1}",
            "    columns: [{name: id, type: long, key: {style: sequence}}]",
            "  - name: o",
            "    parent: {column: cid, table: c}",
            "    count: {type: constant, value: 1}",
            "    columns: [{name: id, type: long, key: {style: sequence}}]"),
        "tables[0].parent.table: the parents c -> o -> c form a cycle");
  }

  @Test
  void givenColumnsMustBeCategoriesOfTheTableOrAParent() {
    String parent = "    parent: {column: cid, table: c}\n    count: {type: poisson, mean: 2}\n";
    String given =
        "    columns:\n"
            + "      - {name: oid, type: long, key: {style: sequence}}\n"
            + "      - {name: y, type: double, given: %s, distributions: {a: {type: normal, mean: 0,"
            + " sd: 1}, b: {type: normal, mean: 5, sd: 1}}}\n";
    String set = "tables:\n" + CUSTOMER_TABLE + "  - name: o\n" + parent + given;
    rejects(
        String.format(set, "c.income"),
        "tables[1].columns[1].given: c.income is not a column with a categories distribution");
    rejects(
        String.format(set, "c.segmnt"),
        "tables[1].columns[1].given: 'segmnt' is no column of c; its columns are id, segment, "
            + "income");
    rejects(String.format(set, "segment"), "tables[1].columns[1].given: must be TABLE.COLUMN");
    rejects(
        String.format(set, "o.oid"),
        "tables[1].columns[1].given: o.oid is not a column with a categories distribution");
    rejects(
        String.format(
            set.replace("b: {type: normal, mean: 5, sd: 1}", "z: {type: constant, value: 1}"),
            "c.segment"),
        "tables[1].columns[1].distributions.z: is not a value of c.segment (with a positive "
            + "weight); its values are a, b");
    rejects(
        String.format(set.replace(", b: {type: normal, mean: 5, sd: 1}", ""), "c.segment"),
        "tables[1].columns[1].distributions: has no distribution for c.segment 'b'");
    // An error inside a per-value distribution names its own path.
    rejects(
        String.format(
            set.replace("b: {type: normal, mean: 5, sd: 1}", "b: {type: normal, mean: 5, sd: -1}"),
            "c.segment"),
        "tables[1].columns[1].distributions.b.sd: must be > 0");
    rejects(
        "tables:\n"
            + CUSTOMER_TABLE
            + "  - {name: d, columns: [{name: id, type: long, key: {style: sequence}}]}\n"
            + "  - name: o\n"
            + parent
            + String.format(given, "d.id"),
        "tables[2].columns[1].given: names table 'd', which is not o or one of its parents (o, c)");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c}\n"
                + "    count: {given: income, distributions: {a: {type: constant, value: 1}}}\n"),
        "tables[1].count.given: c.income is not a column with a categories distribution");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c}\n"
                + "    count: {given: segment, distributions: {a: {type: constant, value: 1}}}\n"),
        "tables[1].count.distributions: has no count law for c.segment 'b'");
  }

  @Test
  void fanOutsMustBeFiniteNonNegativeAndBounded() {
    String parent = "    parent: {column: cid, table: c}\n";
    rejects(
        withOrders(parent + "    count: {type: poisson, mean: -1}\n"),
        "tables[1].count.mean: must be a finite number > 0 and at most 1000, got -1.0");
    rejects(
        withOrders(parent + "    count: {type: negative-binomial, mean: 1e400, dispersion: 1}\n"),
        "tables[1].count.mean: must be a finite number > 0 and at most 1000, got Infinity");
    rejects(
        withOrders(parent + "    count: {type: constant, value: -1e400}\n"),
        "tables[1].count.value: must be a whole number from 0 to 100000, got -Infinity");
    rejects(
        withOrders(parent + "    count: {type: zipf, n: 10000000, exponent: 1}\n"),
        "tables[1].count.n: must be a whole number from 1 to 100000, got 1.0E7");
    rejects(
        withOrders(parent + "    count: {type: zipf, n: 100000, exponent: 0.5}\n"),
        "tables[1].count: gives 33410.6 children per parent row on average; at most 1000");
    rejects(
        withOrders(parent + "    count: {type: histogram, edges: [0, 2, 1], weights: [1, 1]}\n"),
        "tables[1].count.edges[2]: count edges must be increasing whole numbers");
    rejects(
        withOrders(parent + "    count: {type: negative-binomial, mean: 900, dispersion: 0.01}\n"),
        "tables[1].count: a negative binomial of mean 900.0 and dispersion 0.01 puts more than");
    rejects(
        withOrders(parent + "    count: {type: normal, mean: 1, sd: 1}\n"),
        "tables[1].count.type: unknown count distribution 'normal'; use constant, uniform, "
            + "poisson, negative-binomial, zipf or histogram");
    // Counts multiply down the tables: 40 items per order and 40 orders per customer is too many.
    rejects(
        withOrders(parent + "    count: {type: poisson, mean: 40}\n")
            + "  - name: i\n"
            + "    parent: {column: oid, table: o}\n"
            + "    count: {type: constant, value: 40}\n"
            + "    columns: [{name: n, type: int, distribution: {type: constant, value: 1}}]\n",
        "tables[2].count: gives about 1600.0 rows of i per row of c on average");
  }

  @Test
  void aSplitTableKeepsNoComponentsOfItsOwnAndPopularityIsChecked() {
    rejects(
        withOrders(
                "    parent: {column: cid, table: c}\n"
                    + "    count: {given: segment, distributions: {a: {type: constant, value: 1},"
                    + " b: {type: constant, value: 2}}}\n")
            .replace(
                "  - name: c\n", "  - name: c\n    components: [{weight: 0.5}, {weight: 0.5}]\n"),
        "tables[0].components: cannot be used in a table that follows c.segment "
            + "(tables[1].count.given)");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c}\n"
                + "    count: {type: constant, value: 1}\n"
                + "    foreign-keys: [{column: c2, table: c, popularity: {zipf: -1}}]\n"),
        "tables[1].foreign-keys[0].popularity.zipf: must be a finite number > 0");
    rejects(
        withOrders(
            "    parent: {column: cid, table: c}\n"
                + "    count: {type: constant, value: 1}\n"
                + "    rebalance: {column: x, shares: {a: 1}}\n"),
        "tables[1].rebalance: a table with a parent draws its mixture components");
  }

  @Test
  void countsGivenAParentColumnChangeTheFanOut() {
    String yaml =
        withOrders(
            "    parent: {column: cid, table: c}\n"
                + "    count: {given: segment, distributions: {a: {type: constant, value: 1},"
                + " b: {type: uniform, min: 3, max: 5}}}\n");
    TableSet small = SpecCompiler.compileSet(yaml, SOURCE).build(1, "c", 5_000).set();
    Map<String, CollectingSink[]> rows = TableSetRun.generate(small, 3, "c", 5_000, false);
    CollectingSink[] customers = rows.get("c");
    CollectingSink[] orders = rows.get("o");
    Map<Object, Integer> perCustomer = new HashMap<>();
    int cid = small.table("o").columns().indexOf("cid");
    for (int r = 0; r < orders[cid].size(); r++) {
      perCustomer.merge(orders[cid].value(r), 1, Integer::sum);
    }

    Set<Integer> countsOfB = new HashSet<>();
    for (int r = 0; r < customers[0].size(); r++) {
      int count = perCustomer.getOrDefault(customers[0].value(r), 0);
      if ("a".equals(customers[1].value(r))) {
        assertThat(count).isEqualTo(1);
      } else {
        countsOfB.add(count);
      }
    }

    assertThat(countsOfB).containsExactlyInAnyOrder(3, 4, 5);
  }
}
