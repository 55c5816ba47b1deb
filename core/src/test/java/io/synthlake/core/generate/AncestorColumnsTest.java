package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.SpecCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Columns of the parent and grandparent rows written beside each transaction: every value is the
 * one of the row its foreign keys point at, in every form (strings, decimals, doubles, dates,
 * nulls), whatever order the root blocks are visited in. The seed is fixed.
 */
class AncestorColumnsTest {
  private static final String SET =
      String.join(
          "\n",
          "tables:",
          "  - name: customers",
          "    columns:",
          "      - {name: customer_id, type: long, key: {style: sequence, start: 1}}",
          "      - {name: segment, type: string, distribution: {type: categories, weights: {a: 0.6, b: 0.4}}}",
          "      - {name: credit_limit, type: 'decimal(10,2)', null-share: 0.2, distribution: {type: uniform, min: 100, max: 900}}",
          "  - name: merchants",
          "    rows: 50",
          "    columns: [{name: merchant_id, type: long, key: {style: sequence}}]",
          "  - name: accounts",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 2}",
          "    columns:",
          "      - {name: account_id, type: string, key: {style: sequence, pattern: 'A-%08d'}}",
          "      - {name: rate, type: double, distribution: {type: uniform, min: 0, max: 0.05}}",
          "      - {name: opened, type: date, distribution: {type: uniform, min: 2020-01-01, max: 2024-12-31}}",
          "  - name: transactions",
          "    parent: {column: account_id, table: accounts}",
          "    count: {type: poisson, mean: 6}",
          "    foreign-keys: [{column: merchant_id, table: merchants}]",
          "    columns:",
          "      - {name: transaction_id, type: long, key: {style: sequence}}",
          "      - {name: amount, type: double, distribution: {type: normal, mean: 10, sd: 1}}",
          "");

  private static final long CUSTOMERS = 9_000;
  private static final long SEED = 11;

  private static final List<AncestorColumns.Column> CARRIED =
      List.of(
          new AncestorColumns.Column("accounts", "rate"),
          new AncestorColumns.Column("customers", "segment"),
          new AncestorColumns.Column("accounts", "opened"),
          new AncestorColumns.Column("customers", "credit_limit"),
          new AncestorColumns.Column("accounts", "customer_id"));

  private static TableSet set;
  private static Map<String, CollectingSink[]> tables;

  @BeforeAll
  static void generate() {
    set = SpecCompiler.compileSet(SET, "set.yaml").build(SEED, "customers", CUSTOMERS).set();
    tables = TableSetRun.generate(set, SEED, "customers", CUSTOMERS, false);
  }

  /** Each row of {@code table} by its value of {@code key}. */
  private static Map<Object, Integer> rowsByKey(String table, String key) {
    CollectingSink keys = tables.get(table)[set.table(table).columns().indexOf(key)];
    Map<Object, Integer> rows = new HashMap<>();
    for (int r = 0; r < keys.size(); r++) {
      rows.put(keys.value(r), r);
    }

    return rows;
  }

  private static Object value(String table, String column, int row) {
    return tables.get(table)[set.table(table).columns().indexOf(column)].value(row);
  }

  /** The transactions' own columns, then the carried ones, root block by root block. */
  private static CollectingSink[] transactions(boolean reverseBlocks) {
    TableSetSampler sampler = TableSetSampler.of(set, SEED);
    TableSetLayout layout = TableSetRun.layout(sampler, "customers", CUSTOMERS);
    int rows = Math.toIntExact(layout.rows("transactions"));
    int own = set.table("transactions").columns().size();
    CollectingSink[] sinks = new CollectingSink[own + CARRIED.size()];
    for (int c = 0; c < sinks.length; c++) {
      sinks[c] = new CollectingSink(rows, true);
    }

    ColumnSink[] ownSinks = java.util.Arrays.copyOfRange(sinks, 0, own);
    ColumnSink[] carriedSinks = java.util.Arrays.copyOfRange(sinks, own, sinks.length);
    TableSetSampler.Walker walker = sampler.newWalker("transactions");
    AncestorColumns ancestors = new AncestorColumns(sampler, "transactions", CARRIED);
    int index = set.indexOf("transactions");
    long blocks = TableSetSampler.rootBlocks(CUSTOMERS);
    assertThat(blocks).isGreaterThan(1);
    List<Long> order = new ArrayList<>();
    for (long b = 0; b < blocks; b++) {
      order.add(reverseBlocks ? blocks - 1 - b : b);
    }

    for (long block : order) {
      long[] before = layout.rowsBefore("customers", block);
      long blockRows = walker.start(block, CUSTOMERS, before, layout.tableRows());
      ancestors.start(block, CUSTOMERS, before, layout.tableRows());
      for (int chunk = 0; chunk * (long) TableSampler.BLOCK_ROWS < blockRows; chunk++) {
        int chunkRows =
            (int)
                Math.min(
                    TableSampler.BLOCK_ROWS, blockRows - chunk * (long) TableSampler.BLOCK_ROWS);
        for (CollectingSink sink : sinks) {
          sink.offset(Math.toIntExact(before[index] + chunk * (long) TableSampler.BLOCK_ROWS));
        }

        walker.write(chunk, chunkRows, ownSinks);
        ancestors.write(walker, chunk, chunkRows, carriedSinks);
      }
    }

    return sinks;
  }

  @Test
  void everyRowCarriesTheValuesOfTheRowsItsForeignKeysPointAt() {
    CollectingSink[] rows = transactions(false);
    int own = set.table("transactions").columns().size();
    Map<Object, Integer> accounts = rowsByKey("accounts", "account_id");
    Map<Object, Integer> customers = rowsByKey("customers", "customer_id");
    CollectingSink accountIds = rows[set.table("transactions").columns().indexOf("account_id")];
    assertThat(accountIds.size()).isGreaterThan(3 * TableSampler.BLOCK_ROWS * 3);
    int nullLimits = 0;
    for (int r = 0; r < accountIds.size(); r++) {
      int account = accounts.get(accountIds.value(r));
      int customer = customers.get(value("accounts", "customer_id", account));
      Object[] expected = {
        value("accounts", "rate", account),
        value("customers", "segment", customer),
        value("accounts", "opened", account),
        value("customers", "credit_limit", customer),
        value("accounts", "customer_id", account)
      };
      for (int c = 0; c < expected.length; c++) {
        if (!Objects.equals(rows[own + c].value(r), expected[c])) {
          throw new AssertionError(
              "transaction "
                  + r
                  + " carries "
                  + rows[own + c].value(r)
                  + " as "
                  + CARRIED.get(c)
                  + ", but its ancestor row holds "
                  + expected[c]);
        }
      }

      nullLimits += expected[3] == null ? 1 : 0;
    }

    // Decimals travel as unscaled longs, nulls as nulls.
    assertThat(rows[own + 3].form(0)).isIn(CollectingSink.Form.LONG, CollectingSink.Form.NULL);
    assertThat(nullLimits).isPositive().isLessThan(accountIds.size() / 2);
  }

  @Test
  void rowsDoNotDependOnTheOrderOfRootBlocks() {
    CollectingSink[] forward = transactions(false);
    CollectingSink[] backward = transactions(true);
    for (int c = 0; c < forward.length; c++) {
      for (int r = 0; r < forward[c].size(); r++) {
        if (!Objects.equals(forward[c].value(r), backward[c].value(r))) {
          throw new AssertionError("column " + c + " row " + r + " differs");
        }
      }
    }
  }

  @Test
  void onlyAncestorsColumnsCanBeCarried() {
    TableSetSampler sampler = TableSetSampler.of(set, SEED);
    assertThatThrownBy(
            () ->
                new AncestorColumns(
                    sampler,
                    "transactions",
                    List.of(new AncestorColumns.Column("merchants", "merchant_id"))))
        .isInstanceOf(SynthlakeException.class)
        .hasMessage(
            "table 'merchants' is not a parent or further ancestor of 'transactions', so its "
                + "columns cannot be carried down to it");
    assertThatThrownBy(
            () ->
                new AncestorColumns(
                    sampler, "accounts", List.of(new AncestorColumns.Column("accounts", "rate"))))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("'accounts' is not a parent or further ancestor of 'accounts'");
    assertThatThrownBy(
            () ->
                new AncestorColumns(
                    sampler,
                    "transactions",
                    List.of(new AncestorColumns.Column("customers", "limit"))))
        .isInstanceOf(SynthlakeException.class)
        .hasMessage("table 'customers' has no column 'limit' to carry down to 'transactions'");
  }
}
