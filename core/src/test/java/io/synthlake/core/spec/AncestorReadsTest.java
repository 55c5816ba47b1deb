package io.synthlake.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.AncestorColumns;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Derived columns of a table set reading TABLE.COLUMN: columns of the parent and further ancestors
 * are accepted and carried (with the columns sorted together with them), any other table's are
 * one-line errors naming the file, the field and what to do.
 */
class AncestorReadsTest {
  private static final String SOURCE = "set.yaml";
  private static final String SET =
      String.join(
          "\n",
          "tables:",
          "  - name: customers",
          "    columns:",
          "      - {name: customer_id, type: long, key: {style: sequence}}",
          "      - {name: segment, type: string, distribution: {type: categories, weights: {a: 0.6, b: 0.4}}}",
          "      - {name: credit_limit, type: double, distribution: {type: uniform, min: 100, max: 900}}",
          "      - {name: limit_label, type: string, expression: \"concat('L', credit_limit)\"}",
          "  - name: merchants",
          "    columns:",
          "      - {name: merchant_id, type: long, key: {style: sequence}}",
          "      - {name: category, type: string, distribution: {type: categories, weights: {x: 1}}}",
          "  - name: accounts",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 2}",
          "    columns:",
          "      - {name: account_id, type: long, key: {style: sequence}}",
          "      - {name: opened, type: date, distribution: {type: uniform, min: 2020-01-01, max: 2024-12-31}}",
          "      - {name: renewed, type: date, distribution: {type: uniform, min: 2020-01-01, max: 2024-12-31}}",
          "      - {name: closed, type: date, distribution: {type: uniform, min: 2020-01-01, max: 2024-12-31}}",
          "      - {name: due, type: date, expression: \"date_add(closed, 30)\"}",
          "      - {name: fee_rate, type: double, distribution: {type: uniform, min: 0, max: 0.05}}",
          "      - {name: limit_share, type: double, expression: \"customers.credit_limit * 0.1\"}",
          "    constraints: [{order: [opened, renewed]}, {order: [renewed, closed]}]",
          "  - name: transactions",
          "    parent: {column: account_id, table: accounts}",
          "    count: {type: poisson, mean: 3}",
          "    foreign-keys: [{column: merchant_id, table: merchants}]",
          "    columns:",
          "      - {name: transaction_id, type: long, key: {style: sequence}}",
          "      - {name: amount, type: double, distribution: {type: normal, mean: 10, sd: 1}}",
          "      - {name: fee, type: double, expression: \"amount * accounts.fee_rate\"}",
          "      - {name: label, type: string, expression: \"customers.segment\"}",
          "");

  private static TableSetSpec build(String yaml) {
    return SpecCompiler.compileSet(yaml, SOURCE).build(3, "customers", 1_000);
  }

  /** What {@code column} of {@code table} reads when its expression uses {@code names}. */
  private static AncestorReads reads(
      TableSetSpec spec, String table, String column, String... names) {
    DerivedColumn derived =
        spec.tables().get(table).derived().stream()
            .filter(each -> each.name().equals(column))
            .findFirst()
            .orElseThrow();
    Map<DerivedColumn, List<List<String>>> used = new LinkedHashMap<>();
    used.put(derived, Arrays.stream(names).map(name -> List.of(name.split("\\."))).toList());
    return AncestorReads.check(spec, table, used);
  }

  private static AncestorColumns.Column column(String table, String column) {
    return new AncestorColumns.Column(table, column);
  }

  @Test
  void columnsOfTheParentAndFurtherAncestorsAreCarried() {
    TableSetSpec spec = build(SET);
    AncestorReads reads =
        reads(
            spec,
            "transactions",
            "fee",
            "accounts.fee_rate",
            "Customers.Segment",
            "accounts.customer_id",
            "customers.customer_id",
            "amount",
            "amount.field",
            "unknown.column");
    assertThat(reads.columns())
        .containsExactly(
            column("accounts", "fee_rate"),
            column("accounts", "customer_id"),
            column("customers", "customer_id"),
            column("customers", "segment"));
    assertThat(reads.orders()).isEmpty();
    assertThat(reads(spec, "accounts", "limit_share", "customers.credit_limit").columns())
        .containsExactly(column("customers", "credit_limit"));
    assertThat(reads(spec, "transactions", "fee", "amount").columns()).isEmpty();
    assertThat(column("customers", "segment").hiddenName())
        .isEqualTo("synthlake:ancestor:customers.segment");
  }

  @Test
  void aColumnSortedByTheAncestorsConstraintsIsCarriedWithTheColumnsSortedWithIt() {
    AncestorReads reads = reads(build(SET), "transactions", "fee", "accounts.opened");
    assertThat(reads.columns())
        .containsExactly(
            column("accounts", "opened"),
            column("accounts", "renewed"),
            column("accounts", "closed"));
    assertThat(reads.orders())
        .containsExactly(
            List.of(column("accounts", "opened"), column("accounts", "renewed")),
            List.of(column("accounts", "renewed"), column("accounts", "closed")));
    TableSetSpec sortedWithDerived =
        build(SET.replace("{order: [renewed, closed]}", "{order: [renewed, due]}"));
    assertThatThrownBy(() -> reads(sortedWithDerived, "transactions", "fee", "accounts.opened"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessage(
            "set.yaml: tables[3].columns[2].expression: reads accounts.opened, which the "
                + "constraints of accounts sort together with its derived column due; an expression "
                + "can read an ancestor's column only when every column sorted with it is "
                + "generated, a key or a foreign key");
  }

  private static void refused(String table, String column, String name, String message) {
    assertThatThrownBy(() -> reads(build(SET), table, column, name))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageNotContaining("\n")
        .hasMessage(message);
  }

  @Test
  void columnsOfTablesOutsideTheParentChainAreRefused() {
    // A table referenced by a further foreign key.
    refused(
        "transactions",
        "fee",
        "merchants.category",
        "set.yaml: tables[3].columns[2].expression: reads merchants.category, but merchants is not "
            + "a parent or further ancestor of transactions (its parent chain: accounts, "
            + "customers); an expression reads its own table's columns and, as TABLE.COLUMN, "
            + "those of the tables up its parent chain; merchant_id is a further foreign key, "
            + "whose rows are picked at random, not a parent");
    // A child, read from its parent.
    refused(
        "accounts",
        "limit_share",
        "transactions.amount",
        "set.yaml: tables[2].columns[6].expression: reads transactions.amount, but transactions "
            + "is not a parent or further ancestor of accounts (its parent chain: customers); an "
            + "expression reads its own table's columns and, as TABLE.COLUMN, those of the tables "
            + "up its parent chain");
    // Another tree, read from a root.
    refused(
        "customers",
        "limit_label",
        "merchants.merchant_id",
        "set.yaml: tables[0].columns[3].expression: reads merchants.merchant_id, but merchants is "
            + "not a parent or further ancestor of customers (customers has no parent); an "
            + "expression reads its own table's columns and, as TABLE.COLUMN, those of the tables "
            + "up its parent chain");
    refused(
        "transactions",
        "fee",
        "transactions.amount",
        "set.yaml: tables[3].columns[2].expression: reads transactions.amount, a column of its "
            + "own table; write amount without the table name");
  }

  @Test
  void derivedMissingAndWholeTableReadsAreRefused() {
    refused(
        "transactions",
        "fee",
        "customers.limit_label",
        "set.yaml: tables[3].columns[2].expression: reads customers.limit_label, a derived column "
            + "of customers; an expression reads an ancestor's generated, key and foreign key "
            + "columns, so compute limit_label here from the columns it is derived from (as "
            + "customers.COLUMN)");
    refused(
        "transactions",
        "label",
        "customers.segmnt",
        "set.yaml: tables[3].columns[3].expression: reads customers.segmnt, but customers has no "
            + "column 'segmnt'; its columns are customer_id, segment, credit_limit, limit_label");
    refused(
        "transactions",
        "label",
        "accounts",
        "set.yaml: tables[3].columns[3].expression: reads accounts, a whole table; read one of "
            + "its columns, as accounts.account_id");
  }
}
