package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.Audience;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.SpecCompiler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact row counts of a child (accounts) and a grandchild (transactions): the count is exact, the
 * root is the smallest that reaches it, every key joins and is unique, the rows do not depend on
 * the order root blocks are visited in, and every row kept is the row a run without the cut gives.
 * The seed is fixed.
 */
class ExactRowsTest {
  private static final String SET =
      String.join(
          "\n",
          "tables:",
          "  - name: customers",
          "    columns:",
          "      - {name: customer_id, type: long, key: {style: sequence, start: 1}}",
          "      - {name: segment, type: string, distribution: {type: categories, weights: {a: 0.6, b: 0.4}}}",
          "  - name: merchants",
          "    rows: 50",
          "    columns: [{name: merchant_id, type: long, key: {style: sequence}}]",
          "  - name: accounts",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 2}",
          "    columns:",
          "      - {name: account_id, type: string, key: {style: sequence, pattern: 'A-%08d'}}",
          "      - {name: rate, type: double, distribution: {type: uniform, min: 0, max: 0.05}}",
          "  - name: transactions",
          "    parent: {column: account_id, table: accounts}",
          "    count: {type: poisson, mean: 6}",
          "    foreign-keys: [{column: merchant_id, table: merchants}]",
          "    columns:",
          "      - {name: transaction_id, type: long, key: {style: sequence}}",
          "      - {name: amount, type: double, distribution: {type: normal, mean: 10, sd: 1}}",
          "");

  private static final long SEED = 11;

  private static TableSet set;
  private static TableSetSampler sampler;

  @BeforeAll
  static void compile() {
    set = SpecCompiler.compileSet(SET, "set.yaml").build(SEED, "customers", 9_000).set();
    sampler = TableSetSampler.of(set, SEED);
  }

  /** The exact run's layout, and the blocks of each root its counter was asked for. */
  private record Counted(TableSetLayout layout, Map<String, Long> blocksCounted) {}

  private static Counted exact(String table, long rows) {
    Map<String, Long> asked = new LinkedHashMap<>();
    TableSetLayout layout =
        ExactRows.layout(
            sampler,
            table,
            rows,
            (root, rootRows, first, end) -> {
              asked.merge(root, end - first, Long::sum);
              return TableSetRun.countBlocks(sampler, root, rootRows, first, end);
            });
    return new Counted(layout, asked);
  }

  private static Map<String, Long> rootRows(TableSetLayout layout) {
    Map<String, Long> roots = new LinkedHashMap<>();
    for (TableSet.Table root : set.roots()) {
      roots.put(root.name(), layout.rootRows(root.name()));
    }

    return roots;
  }

  private static Map<String, CollectingSink[]> generate(TableSetLayout layout, boolean reverse) {
    Map<String, CollectingSink[]> tables = new LinkedHashMap<>();
    for (String name : set.names()) {
      tables.put(name, TableSetRun.generate(sampler, layout, name, reverse));
    }

    return tables;
  }

  private static CollectingSink column(
      Map<String, CollectingSink[]> tables, String table, String column) {
    return tables.get(table)[set.table(table).columns().indexOf(column)];
  }

  private static Set<Object> values(CollectingSink column) {
    Set<Object> values = new HashSet<>();
    for (int r = 0; r < column.size(); r++) {
      values.add(column.value(r));
    }

    return values;
  }

  @Test
  void aGrandchildGetsExactlyTheRowsAskedForFromTheFewestRoots() {
    for (long rows : List.of(1L, 3L, 50_000L)) {
      TableSetLayout layout = exact("transactions", rows).layout();
      assertThat(layout.rows("transactions")).isEqualTo(rows);
      assertThat(layout.cut().table()).isEqualTo("transactions");

      // The fewest customers: one fewer gives fewer transactions than asked, as many give more
      // (or as many) before the cut.
      Map<String, Long> roots = rootRows(layout);
      long customers = roots.get("customers");
      roots.put("customers", customers - 1);
      if (customers > 1) {
        assertThat(TableSetRun.layout(sampler, roots).rows("transactions")).isLessThan(rows);
      }

      roots.put("customers", customers);
      assertThat(TableSetRun.layout(sampler, roots).rows("transactions"))
          .isGreaterThanOrEqualTo(rows);
    }
  }

  @Test
  void fewerRowsThanOneRootsChildrenCutThatRootsRows() {
    TableSetLayout layout = exact("transactions", 3).layout();
    TableSetLayout whole = TableSetRun.layout(sampler, rootRows(layout));
    assertThat(whole.rows("transactions")).as("the last customer's transactions").isGreaterThan(3);
    assertThat(generate(layout, false).get("transactions")[0].size()).isEqualTo(3);
  }

  @Test
  void everyKeyJoinsIsUniqueAndTheRowsKeptAreTheUncutRunsFirstRows() {
    for (String table : List.of("transactions", "accounts")) {
      long rows = table.equals("accounts") ? 10_009 : 50_000;
      TableSetLayout layout = exact(table, rows).layout();
      Map<String, CollectingSink[]> tables = generate(layout, false);
      Map<String, CollectingSink[]> uncut =
          generate(TableSetRun.layout(sampler, rootRows(layout)), false);
      assertThat(tables.get(table)[0].size()).isEqualTo(rows);
      assertThat((long) uncut.get(table)[0].size())
          .as("%s without the cut", table)
          .isGreaterThan(rows);

      Set<Object> customers = values(column(tables, "customers", "customer_id"));
      Set<Object> accounts = values(column(tables, "accounts", "account_id"));
      Set<Object> merchants = values(column(tables, "merchants", "merchant_id"));
      assertThat(customers).hasSize((int) layout.rows("customers"));
      assertThat(accounts).hasSize((int) layout.rows("accounts"));
      assertThat(values(column(tables, "transactions", "transaction_id")))
          .hasSize((int) layout.rows("transactions"));
      assertThat(customers).containsAll(values(column(tables, "accounts", "customer_id")));
      assertThat(accounts).containsAll(values(column(tables, "transactions", "account_id")));
      assertThat(merchants).containsAll(values(column(tables, "transactions", "merchant_id")));

      // Each table's rows are the first rows of the run without the cut, column by column.
      for (String name : set.names()) {
        CollectingSink[] cut = tables.get(name);
        for (int c = 0; c < cut.length; c++) {
          for (int r = 0; r < cut[c].size(); r++) {
            assertThat(cut[c].value(r)).isEqualTo(uncut.get(name)[c].value(r));
          }
        }
      }

      // Only the cut's rows and their descendants go: other tables keep every row.
      assertThat(tables.get("customers")[0].size()).isEqualTo(uncut.get("customers")[0].size());
      assertThat(tables.get("merchants")[0].size()).isEqualTo(uncut.get("merchants")[0].size());
      if (table.equals("transactions")) {
        assertThat(tables.get("accounts")[0].size()).isEqualTo(uncut.get("accounts")[0].size());
      } else {
        // The first transaction of the uncut run left out is under an account cut.
        int next = tables.get("transactions")[0].size();
        assertThat(accounts)
            .doesNotContain(column(uncut, "transactions", "account_id").value(next));
      }
    }
  }

  @Test
  void rowsDoNotDependOnTheOrderOfTheRootBlocks() {
    TableSetLayout layout = exact("accounts", 10_009).layout();
    Map<String, CollectingSink[]> forward = generate(layout, false);
    Map<String, CollectingSink[]> backward = generate(layout, true);
    for (String name : set.names()) {
      for (int c = 0; c < forward.get(name).length; c++) {
        for (int r = 0; r < forward.get(name)[c].size(); r++) {
          assertThat(forward.get(name)[c].value(r)).isEqualTo(backward.get(name)[c].value(r));
        }
      }
    }
  }

  @Test
  void theFittedSizesSizeTheFirstBatchSoLittleMoreIsCounted() {
    // About 12 transactions a customer, 49,000 a block: 1,000,000 need 21 blocks.
    Counted counted = exact("transactions", 1_000_000);
    long blocks = TableSetSampler.rootBlocks(counted.layout().rootRows("customers"));
    assertThat(counted.blocksCounted().get("customers")).isBetween(blocks - 1, blocks + 2);
    assertThat(counted.layout().rows("transactions")).isEqualTo(1_000_000);
  }

  @Test
  void aBatchFollowsTheRowsCountedSoFarAndAtMostDoublesThem() {
    assertThat(ExactRows.nextBatch(10, 1_000, 1_500)).isEqualTo(7); // 5.05 blocks, and one
    assertThat(ExactRows.nextBatch(10, 1_000, 1_000_000)).isEqualTo(10);
    assertThat(ExactRows.nextBatch(10, 0, 5)).isEqualTo(10);
  }

  @Test
  void aRootGetsItsRowsUncut() {
    TableSetLayout layout = exact("customers", 5_000).layout();
    assertThat(layout.rows("customers")).isEqualTo(5_000);
    assertThat(layout.cut()).isNull();
  }

  @Test
  void whatCannotBeDoneIsRefusedInOneLine() {
    assertThatThrownBy(() -> exact("transactions", 1_000_000_000_000L))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("root table 'customers' would get")
        .hasMessageContaining("ask for fewer rows");

    List<TableSet.Table> tables = new ArrayList<>();
    for (TableSet.Table table : set.tables()) {
      tables.add(
          !table.name().equals("accounts")
              ? table
              : new TableSet.Table(
                  table.name(),
                  table.model(),
                  table.columns(),
                  0,
                  table.link(),
                  table.foreignKeys(),
                  table.ordinal(),
                  table.sequence()));
    }

    TableSet empty = TableSet.of(tables, set.properties());
    assertThatThrownBy(() -> ExactRows.check(empty, "accounts", 10))
        .isInstanceOf(SynthlakeException.class)
        .hasMessage(
            "table 'accounts' has no rows in the model (none in the data it was fitted on), so no "
                + "number of root rows gives it exactly 10: size the set by another table, or "
                + "leave out GenerateOptions.withExactRows")
        .satisfies(
            error ->
                assertThat(((SynthlakeException) error).messageFor(Audience.CLI))
                    .endsWith("or leave out --exact-rows"));
  }
}
