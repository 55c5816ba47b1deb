package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec mode on Spark: the shipped banking spec, derived SQL columns, export and edit of a fitted
 * model.
 */
class SpecModeIT {
  @TempDir static Path temp;

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SharedSpark.session();
  }

  @Test
  void bankingSpecThroughTheCommandLine() {
    String output = temp.resolve("banking").toString();
    String spec = Path.of("..", "conf", "banking.yaml").toAbsolutePath().toString();
    int status =
        Main.run(
            new String[] {
              "generate",
              "--spec",
              spec,
              "--rows",
              "200000",
              "--output",
              output,
              "--format",
              "delta"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()));
    assertThat(status).isZero();

    Dataset<Row> banking = spark.read().format("delta").load(output);
    banking.createOrReplaceTempView("banking");
    // Statistics only on numbers, dates and timestamps (the default): file stats hold amount, not
    // transaction_id.
    Row detail = spark.sql("describe detail delta.`" + output + "`").select("properties").first();
    assertThat(detail.getJavaMap(0))
        .containsEntry(
            "delta.dataSkippingStatsColumns", "`customer_id`,`timestamp`,`amount`,`balance`");
    List<Row> stats =
        spark
            .read()
            .json(output + "/_delta_log/00000000000000000000.json")
            .where("add is not null")
            .select("add.stats")
            .collectAsList();
    assertThat(stats)
        .isNotEmpty()
        .allSatisfy(
            row ->
                assertThat(row.getString(0))
                    .contains("\"amount\"")
                    .doesNotContain("transaction_id", "city"));
    assertThat(banking.columns())
        .containsExactly(
            "customer_id",
            "transaction_id",
            "timestamp",
            "amount",
            "balance",
            "merchant_category",
            "city",
            "is_fraud");
    Row summary =
        spark
            .sql(
                "select count(*), count(distinct transaction_id), avg(cast(is_fraud as double)), min(amount), "
                    + "min(balance), max(customer_id), count(distinct merchant_category), min(timestamp), max(timestamp) from banking")
            .first();
    assertThat(summary.getLong(0)).isEqualTo(200_000);
    assertThat(summary.getLong(1)).as("unique transaction ids").isEqualTo(200_000);
    // 1% fraud: the binomial standard deviation at n = 200,000 is 0.00022, so ±0.001 is 4.5 sigma.
    assertThat(summary.getDouble(2)).isBetween(0.009, 0.011);
    assertThat(summary.getDecimal(3)).isGreaterThanOrEqualTo(new java.math.BigDecimal("0.01"));
    assertThat(summary.getDecimal(4).signum()).isGreaterThanOrEqualTo(0);
    assertThat(summary.getLong(5)).as("about rows / 10 customers").isLessThanOrEqualTo(20_000);
    assertThat(summary.getLong(6)).isEqualTo(7);
    assertThat(summary.getTimestamp(7).toInstant())
        .isAfterOrEqualTo(java.time.Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(summary.getTimestamp(8).toInstant())
        .isBefore(java.time.Instant.parse("2026-01-01T00:00:00Z"));

    List<Row> byFraud =
        spark
            .sql(
                "select is_fraud, avg(amount), avg(case when hour(timestamp) between 0 and 4 then 1.0 else 0.0 end) "
                    + "from banking group by is_fraud order by is_fraud")
            .collectAsList();
    double legitimateAmount = byFraud.get(0).getDecimal(1).doubleValue();
    double fraudAmount = byFraud.get(1).getDecimal(1).doubleValue();
    assertThat(fraudAmount).as("fraud amounts are larger").isGreaterThan(5 * legitimateAmount);
    assertThat(byFraud.get(1).getDecimal(2).doubleValue()).as("fraud at night").isGreaterThan(0.35);
    assertThat(byFraud.get(0).getDecimal(2).doubleValue())
        .as("legitimate at night")
        .isLessThan(0.08);
  }

  @Test
  void derivedColumnsAreComputedInDependencyOrder() throws IOException {
    Path spec =
        write(
            "derived.yaml",
            String.join(
                "\n",
                "columns:",
                "  - {name: total_with_tax, type: 'decimal(12,2)', expression: 'round(total * 1.2, 2)'}",
                "  - {name: amount, type: 'decimal(10,2)', min: 1, max: 100, distribution: {type: uniform, min: 1, max: 100}}",
                "  - {name: fee, type: double, decimals: 2, distribution: {type: constant, value: 0.5}}",
                "  - {name: total, type: double, expression: 'amount + fee'}",
                "  - {name: label, type: string, expression: \"concat('A-', cast(cast(amount as int) as string))\"}"));
    Dataset<Row> rows =
        SpecGenerator.generate(spark, spec.toString(), 5000, GenerateOptions.defaults());
    assertThat(rows.columns()).containsExactly("total_with_tax", "amount", "fee", "total", "label");
    assertThat(rows.count()).isEqualTo(5000);
    assertThat(rows.where("abs(total - (cast(amount as double) + 0.5)) > 1e-9").count()).isZero();
    assertThat(rows.where("total_with_tax != cast(round(total * 1.2, 2) as decimal(12,2))").count())
        .isZero();
    assertThat(rows.where("label not like 'A-%'").count()).isZero();
  }

  @Test
  void badExpressionsFailBeforeAnyJob() throws IOException {
    int jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
    Path invalid =
        write(
            "invalid.yaml",
            String.join(
                "\n",
                "columns:",
                "  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 1}}",
                "  - {name: y, type: double, expression: 'x +* 2'}"));
    assertThatThrownBy(
            () -> SpecGenerator.generate(spark, invalid.toString(), 10, GenerateOptions.defaults()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("columns[1].expression: is not a valid Spark SQL expression");

    Path unknown =
        write(
            "unknown.yaml",
            String.join(
                "\n",
                "columns:",
                "  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 1}}",
                "  - {name: y, type: double, expression: 'x + missing_column'}"));
    assertThatThrownBy(
            () -> SpecGenerator.generate(spark, unknown.toString(), 10, GenerateOptions.defaults()))
        .hasMessageContaining("columns[1].expression")
        .hasMessageContaining("missing_column");

    Path cycle =
        write(
            "cycle.yaml",
            String.join(
                "\n",
                "columns:",
                "  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 1}}",
                "  - {name: a, type: double, expression: 'b + x'}",
                "  - {name: b, type: double, expression: 'a * 2'}"));
    assertThatThrownBy(
            () -> SpecGenerator.generate(spark, cycle.toString(), 10, GenerateOptions.defaults()))
        .hasMessageContaining("refer to each other in a cycle")
        .hasMessageContaining("a, b");

    Path reflect =
        write(
            "reflect.yaml",
            String.join(
                "\n",
                "columns:",
                "  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 1}}",
                "  - {name: y, type: string, expression: \"reflect('java.lang.System', 'exit', 1)\"}"));
    assertThatThrownBy(
            () -> SpecGenerator.generate(spark, reflect.toString(), 10, GenerateOptions.defaults()))
        .hasMessageContaining("columns[1].expression: calls reflect()");
    assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(null))
        .as("Spark jobs started by the checks")
        .hasSize(jobsBefore);
  }

  @Test
  void aFittedModelExportsToAYamlSpecThatGeneratesTheSameRows() throws IOException {
    Dataset<Row> penguins =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(SharedSpark.dataset("penguins.csv"));
    SynthesisModel model = Synthesizer.fit(penguins, FitOptions.builder().seed(4).build());
    String modelPath = temp.resolve("penguins.json").toString();
    model.save(spark, modelPath);
    String yaml = temp.resolve("penguins.yaml").toString();
    int status =
        Main.run(
            new String[] {"export", "--model", modelPath, "--yaml", yaml},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()));
    assertThat(status).isZero();
    assertThat(Files.readString(Path.of(yaml)))
        .contains("format: \"synthlake-model\"", "Beak Length (mm)");

    GenerateOptions options = GenerateOptions.defaults().withSeed(5).withPartitions(2);
    Dataset<Row> fromModel = model.generate(spark, 3000, options);
    Dataset<Row> fromSpec = SpecGenerator.generate(spark, yaml, 3000, options);
    assertThat(fromSpec.collectAsList()).isEqualTo(fromModel.collectAsList());

    // Edit the exported spec: replace one column's model by a distribution, for every component.
    String edited =
        Files.readString(Path.of(yaml))
            .replaceFirst(
                "(?s)(- name: \"Body Mass \\(g\\)\"\\n  type: \"int\"\\n).*?(\\n- name:)",
                "$1  distribution: {type: uniform, min: 1000, max: 1010}$2");
    assertThat(edited).contains("distribution: {type: uniform, min: 1000, max: 1010}");
    Path editedPath = write("edited.yaml", edited);
    Dataset<Row> replaced = SpecGenerator.generate(spark, editedPath.toString(), 3000, options);
    assertThat(replaced.where("`Body Mass (g)` < 1000 or `Body Mass (g)` > 1010").count()).isZero();
    assertThat(replaced.count()).isEqualTo(3000);
  }

  @Test
  void conditionalCategoriesCombinationsAndOrderingHoldOnEveryRow() {
    String spec = Path.of("..", "conf", "geo-example.yaml").toAbsolutePath().toString();
    Dataset<Row> rows =
        SpecGenerator.generate(spark, spec, 100_000, GenerateOptions.defaults().withPartitions(3))
            .cache();
    assertThat(rows.columns())
        .containsExactly("country", "city", "currency", "fx_rate", "opened", "closed", "amount");
    assertThat(rows.count()).isEqualTo(100_000);
    assertThat(rows.where("country = 'DE' and city not in ('Berlin', 'Munich')").count()).isZero();
    assertThat(
            rows.where("country = 'US' and city not in ('New York', 'Chicago', 'Austin')").count())
        .isZero();
    assertThat(
            rows.where(
                    "not ((currency = 'USD' and fx_rate = 1.0) or (currency = 'EUR' and fx_rate = 1.08) "
                        + "or (currency = 'CHF' and fx_rate = 1.12))")
                .count())
        .isZero();
    assertThat(rows.where("opened > closed").count()).isZero();
    // P(DE, Berlin) = 0.4 × 0.7 = 0.28; the binomial sd at n = 100,000 is 0.0014, so ±0.007 is 5
    // sigma.
    assertThat(rows.where("city = 'Berlin'").count() / 100_000.0)
        .isCloseTo(0.28, org.assertj.core.data.Offset.offset(0.007));
    assertThat(rows.where("currency = 'CHF'").count() / 100_000.0)
        .isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.005));
    rows.unpersist();
  }

  @Test
  void rebalancingChangesOneShareAndKeepsTheConditionals() throws IOException {
    String base =
        String.join(
            "\n",
            "columns:",
            "  - {name: is_fraud, type: boolean, distribution: {type: categories, weights: {'false': 0.99, 'true': 0.01}}}",
            "  - {name: amount, type: double, decimals: 2, distribution: {type: log-normal, mu: 3, sigma: 1}}",
            "  - {name: channel, type: string, distribution: {type: categories, weights: {web: 0.5, app: 0.3, branch: 0.2}}}",
            "dependence:",
            "  correlations:",
            "    - {columns: [is_fraud, amount], value: 0.6}",
            "    - {columns: [is_fraud, channel], value: -0.4}");
    Path plain = write("plain.yaml", base);
    Path rebalanced =
        write(
            "rebalanced.yaml",
            base + "\nrebalance: {column: is_fraud, shares: {'true': 0.10, 'false': 0.90}}");
    Dataset<Row> before =
        SpecGenerator.generate(spark, plain.toString(), 300_000, GenerateOptions.defaults())
            .cache();
    Dataset<Row> after =
        SpecGenerator.generate(
                spark, rebalanced.toString(), 300_000, GenerateOptions.defaults().withSeed(9))
            .cache();
    // Share: sd of a 10% binomial at n = 300,000 is 0.00055; ±0.003 is 5 sigma.
    assertThat(after.where("is_fraud").count() / 300_000.0)
        .isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.003));
    for (boolean fraud : new boolean[] {true, false}) {
      double[] x = Stats.numbers(before.where("is_fraud = " + fraud), "amount");
      double[] y = Stats.numbers(after.where("is_fraud = " + fraud), "amount");
      assertThat(Stats.ks(x, y))
          .as("amount given is_fraud = %s keeps its distribution", fraud)
          .isLessThan(Stats.ksCritical(x.length, y.length));
      double webBefore =
          before.where("is_fraud = " + fraud + " and channel = 'web'").count() / (double) x.length;
      double webAfter =
          after.where("is_fraud = " + fraud + " and channel = 'web'").count() / (double) y.length;
      assertThat(webAfter)
          .as("web share given is_fraud = %s", fraud)
          .isCloseTo(webBefore, org.assertj.core.data.Offset.offset(0.02));
    }

    before.unpersist();
    after.unpersist();
    Path unknown =
        write(
            "rebalance-unknown.yaml",
            base + "\nrebalance: {column: is_fraud, shares: {'maybe': 1.0}}");
    assertThatThrownBy(
            () -> SpecGenerator.generate(spark, unknown.toString(), 10, GenerateOptions.defaults()))
        .hasMessageContaining("rebalance.shares.maybe: is not a category of 'is_fraud'");
  }

  @Test
  void specRowsDoNotDependOnPartitions() {
    String spec = Path.of("..", "conf", "banking.yaml").toAbsolutePath().toString();
    List<Row> one =
        SpecGenerator.generate(spark, spec, 10_000, GenerateOptions.defaults().withPartitions(1))
            .collectAsList();
    List<Row> three =
        SpecGenerator.generate(spark, spec, 10_000, GenerateOptions.defaults().withPartitions(3))
            .collectAsList();
    assertThat(three).isEqualTo(one);
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text + "\n", StandardCharsets.UTF_8);
  }
}
