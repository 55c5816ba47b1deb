package io.synthlake.tests;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import io.synthlake.spark.source.GeneratedRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/banking-lake.yaml (customers, merchants, accounts, transactions) generated through Spark and
 * the command line: every foreign key joins, keys are unique, accounts per customer follow each
 * segment's count law, and rows do not depend on the partitioning. The seed is fixed; the fan-out
 * bounds are five standard errors wide (a false-failure rate below 6e-7 each over seeds).
 */
class TableSetSpecIT {
  private static final String SPEC =
      Path.of("..", "conf", "banking-lake.yaml").toAbsolutePath().normalize().toString();
  private static final long CUSTOMERS = 3_000;

  /** Each foreign key: child table, column, parent table, key. */
  private static final List<String[]> FOREIGN_KEYS =
      List.of(
          new String[] {"accounts", "customer_id", "customers", "customer_id"},
          new String[] {"transactions", "account_id", "accounts", "account_id"},
          new String[] {"transactions", "merchant_id", "merchants", "merchant_id"});

  private static SparkSession spark;
  private static Map<String, Dataset<Row>> tables;

  @BeforeAll
  static void generate() {
    spark = SharedSpark.session();
    tables =
        SpecGenerator.generateTables(
            spark, SPEC, "customers", CUSTOMERS, GenerateOptions.defaults().withSeed(7));
    tables.values().forEach(Dataset::cache);
  }

  private static void assertJoins(Map<String, Dataset<Row>> set) {
    for (String[] key : FOREIGN_KEYS) {
      Dataset<Row> child = set.get(key[0]);
      Dataset<Row> parent = set.get(key[2]);
      assertThat(
              child
                  .join(parent, child.col(key[1]).equalTo(parent.col(key[3])), "left_anti")
                  .count())
          .as("%s.%s values that are no %s.%s", key[0], key[1], key[2], key[3])
          .isZero();
    }
  }

  @Test
  void everyForeignKeyJoinsAndKeysAreUnique() {
    assertThat(tables.keySet())
        .containsExactly("customers", "merchants", "accounts", "transactions");
    assertThat(tables.get("customers").count()).isEqualTo(CUSTOMERS);
    assertThat(tables.get("merchants").count()).isEqualTo(600);
    assertThat(tables.get("transactions").columns())
        .containsExactly(
            "transaction_id",
            "account_id",
            "merchant_id",
            "timestamp",
            "amount",
            "channel",
            "fee",
            "is_large");
    for (Map.Entry<String, String> key :
        Map.of(
                "customers", "customer_id",
                "merchants", "merchant_id",
                "accounts", "account_id",
                "transactions", "transaction_id")
            .entrySet()) {
      Dataset<Row> table = tables.get(key.getKey());
      assertThat(table.select(key.getValue()).distinct().count())
          .as("distinct %s", key.getValue())
          .isEqualTo(table.count());
    }

    assertJoins(tables);
    // The fee is computed from the transaction's amount and its own account's rate.
    Dataset<Row> fees =
        tables
            .get("transactions")
            .join(tables.get("accounts").select("account_id", "fee_rate"), "account_id");
    assertThat(fees.count()).isEqualTo(tables.get("transactions").count());
    assertThat(
            fees.filter("fee is null or fee <> cast(round(amount * fee_rate, 2) as decimal(8,2))")
                .count())
        .isZero();
    assertThat(fees.select("fee_rate").distinct().count()).isGreaterThan(10);
  }

  @Test
  void accountsPerCustomerFollowTheirSegmentsCountLaw() {
    Dataset<Row> perCustomer =
        tables.get("accounts").groupBy("customer_id").count().withColumnRenamed("count", "n");
    Dataset<Row> fanOut =
        tables
            .get("customers")
            .join(perCustomer, "customer_id", "left")
            .withColumn("n", coalesce(col("n"), lit(0L)))
            .groupBy("segment")
            .agg(functions.avg("n").alias("mean"), functions.count(lit(1)).alias("customers"));
    // The spec's laws: Poisson 1.4; negative binomial of mean 2.6 and dispersion 4; the histogram
    // 2 | 3-4 | 5-8 with weights 0.3, 0.5, 0.2. {mean, variance}.
    Map<String, double[]> laws =
        Map.of(
            "retail", new double[] {1.4, 1.4},
            "premium", new double[] {2.6, 2.6 + 2.6 * 2.6 / 4},
            "private", new double[] {3.65, 16.15 - 3.65 * 3.65});
    List<Row> rows = fanOut.collectAsList();
    assertThat(rows).hasSize(3);
    for (Row row : rows) {
      double[] law = laws.get(row.getString(0));
      double standardError = Math.sqrt(law[1] / row.getLong(2));
      assertThat(row.getDouble(1))
          .as("accounts per %s customer", row.getString(0))
          .isCloseTo(law[0], within(5 * standardError));
    }
  }

  @Test
  void rowsDoNotDependOnThePartitioning() {
    Map<String, Dataset<Row>> one =
        SpecGenerator.generateTables(
            spark, SPEC, "customers", 5_000, GenerateOptions.defaults().withPartitions(1));
    Map<String, Dataset<Row>> three =
        SpecGenerator.generateTables(
            spark, SPEC, "customers", 5_000, GenerateOptions.defaults().withPartitions(3));
    for (String table : one.keySet()) {
      assertThat(one.get(table).count()).as(table).isEqualTo(three.get(table).count());
      assertThat(one.get(table).exceptAll(three.get(table)).count()).as(table).isZero();
    }
  }

  @Test
  void theCommandLineWritesEveryTable(@TempDir Path dir) {
    String output = dir.resolve("bank").toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--spec",
            SPEC,
            "--rows",
            "customers=1500",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(generate.out())
        .contains("customers: 1,500 rows")
        .contains("merchants: 300 rows")
        .contains("Generated 4 related tables");
    Map<String, Dataset<Row>> written =
        Map.of(
            "customers", spark.read().parquet(output + "/customers"),
            "merchants", spark.read().parquet(output + "/merchants"),
            "accounts", spark.read().parquet(output + "/accounts"),
            "transactions", spark.read().parquet(output + "/transactions"));
    assertThat(written.get("customers").count()).isEqualTo(1_500);
    assertJoins(written);
    Cli.Result badRows =
        Cli.run("generate", "--spec", SPEC, "--rows", "customer=10", "--output", output);
    assertThat(badRows.status()).isEqualTo(2);
    assertThat(badRows.err())
        .contains(
            "--rows names table 'customer', which the set does not hold; its tables are "
                + "customers, merchants, accounts, transactions");
  }

  /** A set whose children's derived columns read their parent's and grandparent's columns. */
  private static final String ANCESTORS =
      String.join(
          "\n",
          "tables:",
          "  - name: customers",
          "    columns:",
          "      - {name: customer_id, type: long, key: {style: sequence}}",
          "      - {name: segment, type: string, distribution: {type: categories, weights: {retail: 0.8, premium: 0.2}}}",
          "      - {name: credit_limit, type: 'decimal(10,2)', null-share: 0.1, distribution: {type: uniform, min: 500, max: 5000}}",
          "  - name: accounts",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 2}",
          "    columns:",
          "      - {name: account_id, type: string, key: {style: sequence, pattern: 'A-%08d'}}",
          "      - {name: account_type, type: string, distribution: {type: categories, weights: {checking: 0.7, credit: 0.3}}}",
          "      - {name: fee_rate, type: double, distribution: {type: uniform, min: 0.005, max: 0.03}}",
          "      - {name: opened, type: date, distribution: {type: uniform, min: 2015-01-01, max: 2024-12-31}}",
          "      - {name: closed, type: date, distribution: {type: uniform, min: 2015-01-01, max: 2024-12-31}}",
          "      - {name: overdraft, type: 'decimal(10,2)', expression: \"customers.credit_limit * 0.1\"}",
          "    constraints: [{order: [opened, closed]}]",
          "  - name: transactions",
          "    parent: {column: account_id, table: accounts}",
          "    count: {type: poisson, mean: 3}",
          "    columns:",
          "      - {name: transaction_id, type: long, key: {style: sequence}}",
          "      - {name: amount, type: 'decimal(12,2)', distribution: {type: uniform, min: 1, max: 500}}",
          "      - {name: fee, type: 'decimal(8,2)', expression: \"round(amount * accounts.fee_rate, 2)\"}",
          "      - {name: label, type: string, expression: \"concat(customers.segment, '/', accounts.account_type)\"}",
          "      - {name: days_open, type: int, expression: \"datediff(accounts.closed, accounts.opened)\"}",
          "      - {name: over_limit, type: boolean, expression: \"amount > customers.credit_limit * 0.05\"}",
          "");

  private static Map<String, Dataset<Row>> ancestors(Path dir, int partitions) throws Exception {
    Path spec = dir.resolve("ancestors.yaml");
    Files.writeString(spec, ANCESTORS);
    return SpecGenerator.generateTables(
        spark,
        spec.toString(),
        "customers",
        10_000,
        GenerateOptions.defaults().withSeed(3).withPartitions(partitions));
  }

  @Test
  void derivedColumnsReadTheirParentAndGrandparentRowsColumns(@TempDir Path dir) throws Exception {
    Map<String, Dataset<Row>> set = ancestors(dir, 3);
    Dataset<Row> transactions = set.get("transactions");
    assertThat(transactions.columns())
        .containsExactly(
            "transaction_id", "account_id", "amount", "fee", "label", "days_open", "over_limit");
    // The ancestors' values are generated beside each row: no join, no shuffle.
    String plan = transactions.queryExecution().executedPlan().toString();
    assertThat(plan).doesNotContain("Join").doesNotContain("Exchange");
    set.get("customers").createOrReplaceTempView("ancestors_c");
    set.get("accounts").createOrReplaceTempView("ancestors_a");
    transactions.createOrReplaceTempView("ancestors_t");
    // Every value is the expression over the row's own parent and grandparent rows, joined here.
    Row accounts =
        spark
            .sql(
                "select count(*), count_if(not (a.overdraft <=> cast(c.credit_limit * 0.1 as "
                    + "decimal(10,2)))), count_if(a.overdraft is null) from ancestors_a a join "
                    + "ancestors_c c on a.customer_id = c.customer_id")
            .first();
    assertThat(accounts.getLong(0)).isEqualTo(set.get("accounts").count()).isGreaterThan(15_000);
    assertThat(accounts.getLong(1)).as("accounts whose overdraft is not theirs").isZero();
    assertThat(accounts.getLong(2)).as("overdrafts of customers without limit").isPositive();
    Row rows =
        spark
            .sql(
                "select count(*), count_if(not (t.fee <=> cast(round(t.amount * a.fee_rate, 2) as "
                    + "decimal(8,2))) or not (t.label <=> concat(c.segment, '/', a.account_type)) "
                    + "or not (t.days_open <=> datediff(a.closed, a.opened)) or not (t.over_limit "
                    + "<=> (t.amount > c.credit_limit * 0.05))), min(t.days_open), "
                    + "count(distinct t.label), count_if(t.over_limit is null) from ancestors_t t "
                    + "join ancestors_a a on t.account_id = a.account_id join ancestors_c c on "
                    + "a.customer_id = c.customer_id")
            .first();
    assertThat(rows.getLong(0)).isEqualTo(transactions.count()).isGreaterThan(45_000);
    assertThat(rows.getLong(1))
        .as("transactions whose derived values are not their rows'")
        .isZero();
    // closed is sorted after opened in accounts, and so in what transactions read of it.
    assertThat(rows.getInt(2)).isNotNegative();
    assertThat(rows.getLong(3)).isEqualTo(4);
    assertThat(rows.getLong(4)).isPositive();
  }

  @Test
  void derivedColumnsOverAncestorsDoNotDependOnThePartitioning(@TempDir Path dir) throws Exception {
    Map<String, Dataset<Row>> one = ancestors(dir, 1);
    Map<String, Dataset<Row>> three = ancestors(dir, 3);
    for (String table : one.keySet()) {
      assertThat(one.get(table).count()).as(table).isEqualTo(three.get(table).count());
      assertThat(one.get(table).exceptAll(three.get(table)).count()).as(table).isZero();
      assertThat(three.get(table).exceptAll(one.get(table)).count()).as(table).isZero();
    }
  }

  @Test
  void anAncestorsColumnReadAsItIsIsWrittenDirectly(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("copies.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "tables:",
            "  - name: customers",
            "    columns:",
            "      - {name: customer_id, type: long, key: {style: sequence}}",
            "      - {name: segment, type: string, distribution: {type: categories, weights: {a: 0.5, b: 0.5}}}",
            "      - {name: credit_limit, type: 'decimal(10,2)', null-share: 0.2, distribution: {type: uniform, min: 1, max: 9}}",
            "  - name: orders",
            "    parent: {column: customer_id, table: customers}",
            "    count: {type: poisson, mean: 2}",
            "    columns:",
            "      - {name: amount, type: double, distribution: {type: normal, mean: 5, sd: 1}}",
            "      - {name: segment, type: string, expression: \"customers.segment\"}",
            "      - {name: credit, type: 'decimal(10,2)', expression: \"customers.credit_limit\"}",
            ""));
    Map<String, Dataset<Row>> set =
        SpecGenerator.generateTables(
            spark,
            spec.toString(),
            "customers",
            10_000,
            GenerateOptions.defaults().withSeed(5).withPartitions(2));
    Dataset<Row> orders = set.get("orders");
    // Plain copies of the carried columns: the writer fills its files from the generator.
    assertThat(GeneratedRows.of(orders)).isPresent();
    String output = dir.resolve("orders").toString();
    TableWriter.toPath(
        orders,
        output,
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());
    Dataset<Row> written = spark.read().parquet(output);
    assertThat(written.count()).isEqualTo(orders.count()).isGreaterThan(15_000);
    assertThat(written.exceptAll(orders).count()).isZero();
    assertThat(orders.exceptAll(written).count()).isZero();
    Dataset<Row> customers = set.get("customers");
    Dataset<Row> joined =
        written.join(
            customers.select(
                col("customer_id"),
                col("segment").as("own_segment"),
                col("credit_limit").as("own_limit")),
            "customer_id");
    assertThat(joined.count()).isEqualTo(written.count());
    assertThat(joined.filter("not (segment <=> own_segment) or not (credit <=> own_limit)").count())
        .isZero();
    assertThat(joined.filter("credit is null").count()).isPositive();
  }

  @Test
  void aDerivedColumnOverATableOutsideItsParentChainIsRefused(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("set.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "tables:",
            "  - name: customers",
            "    columns:",
            "      - {name: id, type: long, key: {style: sequence}}",
            "      - {name: segment, type: string, distribution: {type: categories, weights: {a: 1}}}",
            "  - name: shops",
            "    columns: [{name: shop_id, type: long, key: {style: sequence}}]",
            "  - name: orders",
            "    parent: {column: customer_id, table: customers}",
            "    count: {type: poisson, mean: 2}",
            "    foreign-keys: [{column: shop_id, table: shops}]",
            "    columns:",
            "      - {name: amount, type: double, distribution: {type: normal, mean: 5, sd: 1}}",
            "      - {name: label, type: string, expression: \"concat(customers.segment, '-x')\"}",
            "      - {name: shop, type: long, expression: \"shops.shop_id + 1\"}",
            ""));
    assertThatThrownBy(
            () ->
                SpecGenerator.generateTables(
                    spark, spec.toString(), "customers", 100, GenerateOptions.defaults()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageNotContaining("\n")
        .hasMessage(
            spec
                + ": tables[2].columns[2].expression: reads shops.shop_id, but shops is not a "
                + "parent or further ancestor of orders (its parent chain: customers); an "
                + "expression reads its own table's columns and, as TABLE.COLUMN, those of the "
                + "tables up its parent chain; shop_id is a further foreign key, whose rows are "
                + "picked at random, not a parent");
  }
}
