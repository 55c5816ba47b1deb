package io.synthlake.tests;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
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
    // The derived column is computed from the table's own amount.
    assertThat(
            tables
                .get("transactions")
                .filter("fee <> cast(round(amount * 0.015, 2) as decimal(8,2))")
                .count())
        .isZero();
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

  @Test
  void aDerivedColumnOverAParentsColumnIsRefused(@TempDir Path dir) throws Exception {
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
            "  - name: orders",
            "    parent: {column: customer_id, table: customers}",
            "    count: {type: poisson, mean: 2}",
            "    columns:",
            "      - {name: amount, type: double, distribution: {type: normal, mean: 5, sd: 1}}",
            "      - {name: label, type: string, expression: \"concat(customers.segment, '-x')\"}",
            ""));
    assertThatThrownBy(
            () ->
                SpecGenerator.generateTables(
                    spark, spec.toString(), "customers", 100, GenerateOptions.defaults()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining(
            "tables[1].columns[1].expression: reads customers.segment, a column of another "
                + "table; a derived column of a table set reads only its own table's columns");
  }
}
