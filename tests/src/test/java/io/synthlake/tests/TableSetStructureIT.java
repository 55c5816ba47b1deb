package io.synthlake.tests;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.spark.Evaluation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted customers → orders set (test resources sets/): a customer's state determines its
 * region, an order's total is its subtotal plus shipping, and orders are placed between 6:00 and
 * 23:59. Fitted through the command line, the set keeps the hierarchy, the sum and the hours in
 * every generated row, whether written by the CLI, read in batch through the data source or
 * streamed; fitted with --no-groups --no-derive --no-time-of-day it keeps none of them. Seeds are
 * fixed, so every figure is deterministic.
 */
class TableSetStructureIT {
  private static final String RELATION = "orders.customer_id=customers.id";
  private static final double CENT = 0.0051;

  @TempDir static Path temp;

  private static SparkSession spark;
  private static Dataset<Row> realCustomers;
  private static Dataset<Row> realOrders;
  private static String model;
  private static String plainModel;

  /** The set generated from {@link #model} through the command line, shared by the tests. */
  private static Map<String, Dataset<Row>> written;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    realCustomers = csv("customers.csv");
    realOrders = csv("orders.csv");
    model = fit("set.json");
    plainModel = fit("plain.json", "--no-groups", "--no-derive", "--no-time-of-day");
    written = generate(model, "out");
  }

  private static String resource(String file) {
    try {
      return Path.of(TableSetStructureIT.class.getResource("/sets/" + file).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Dataset<Row> csv(String file) {
    return spark.read().option("header", true).option("inferSchema", true).csv(resource(file));
  }

  private static String fit(String name, String... switches) {
    String file = temp.resolve(name).toString();
    List<String> args =
        new ArrayList<>(
            List.of(
                "fit",
                "--input",
                "customers=" + resource("customers.csv"),
                "--input",
                "orders=" + resource("orders.csv"),
                "--relation",
                RELATION,
                "--model",
                file,
                "--seed",
                "3",
                // One component: the structures are per row, and the fit skips the cluster search.
                "--max-components",
                "1"));
    args.addAll(List.of(switches));
    Cli.Result fit = Cli.run(args.toArray(String[]::new));
    assertThat(fit.status()).as(fit.err()).isZero();
    return file;
  }

  /** Generates the set into Parquet through the command line and reads its tables back. */
  private static Map<String, Dataset<Row>> generate(String modelFile, String name) {
    String output = temp.resolve(name).toString();
    Cli.Result generate =
        Cli.run(
            "generate",
            "--model",
            modelFile,
            "--rows",
            "customers=2000",
            "--seed",
            "9",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(generate.status()).as(generate.err()).isZero();
    return Map.of(
        "customers",
        spark.read().parquet(output + "/customers"),
        "orders",
        spark.read().parquet(output + "/orders"));
  }

  /** The share of customers whose (state, region) is a real pair. */
  private static double realPairs(Dataset<Row> customers) {
    Dataset<Row> pairs =
        realCustomers.select(col("state").as("s"), col("region").as("r")).distinct();
    long kept =
        customers
            .join(
                pairs,
                customers
                    .col("state")
                    .equalTo(pairs.col("s"))
                    .and(customers.col("region").equalTo(pairs.col("r"))))
            .count();
    return (double) kept / customers.count();
  }

  /** The share of orders whose total is their subtotal plus shipping, to the cent. */
  private static double sums(Dataset<Row> orders) {
    long kept =
        orders
            .filter(abs(col("total").minus(col("subtotal")).minus(col("shipping"))).leq(CENT))
            .count();
    return (double) kept / orders.count();
  }

  /** The share of orders placed before 6:00, on the session's clock. */
  private static double night(Dataset<Row> orders) {
    return (double) orders.filter(hour(col("placed_at")).lt(6)).count() / orders.count();
  }

  @Test
  void describeNamesEachTablesStructure() {
    assertThat(Cli.run("describe", "--model", model).out())
        .contains("column groups (drawn as learned tuples):")
        .contains("    state, region: 12 learned tuples")
        .contains("state -> region")
        .contains("derived: total = subtotal + shipping")
        .contains("placed_at: time of day apart on the");
    assertThat(Cli.run("describe", "--model", plainModel).out())
        .doesNotContain("column groups")
        .doesNotContain("derived:")
        .doesNotContain("time of day apart");
  }

  @Test
  void everyRowKeepsTheStructureInWritesBatchReadsAndStreams() throws Exception {
    Dataset<Row> orders = written.get("orders");
    assertThat(written.get("customers").count()).isEqualTo(2000);
    assertThat(realPairs(written.get("customers"))).isEqualTo(1.0);
    assertThat(sums(orders)).isEqualTo(1.0);
    // No real order is placed before 6:00; a timestamp drawn whole puts about a quarter there.
    assertThat(night(orders)).isLessThan(0.02);

    Dataset<Row> read =
        spark
            .read()
            .format("synthlake")
            .option("model", model)
            .option("table", "orders")
            .option("rows-of", "customers")
            .option("rows", 2000)
            .option("seed", 9)
            .option("partitions", 3)
            .load();
    assertThat(read.exceptAll(orders).count()).as("batch read against the CLI's rows").isZero();
    assertThat(read.count()).isEqualTo(orders.count());

    spark
        .readStream()
        .format("synthlake")
        .option("model", model)
        .option("table", "orders")
        .option("rows", 2000)
        .option("rowsPerBatch", 1000)
        .option("seed", 9)
        .load()
        .writeStream()
        .format("memory")
        .queryName("structured_orders")
        .trigger(Trigger.AvailableNow())
        .start()
        .awaitTermination();
    // A set's stream counts root rows: its orders are those of 2,000 customers, as written.
    Dataset<Row> streamed = spark.table("structured_orders");
    assertThat(streamed.exceptAll(orders).count()).as("streamed against the CLI's rows").isZero();
    assertThat(streamed.count()).isEqualTo(orders.count());
    assertThat(sums(streamed)).isEqualTo(1.0);
    assertThat(night(streamed)).isLessThan(0.02);
  }

  @Test
  void theSwitchesTurnTheStructureOff() {
    // Without the group the copula still orders the states by region here, so the pairs are not
    // checked: describe shows the group gone.
    Map<String, Dataset<Row>> written = generate(plainModel, "plain-out");
    assertThat(sums(written.get("orders"))).isLessThan(0.5);
    assertThat(night(written.get("orders"))).isGreaterThan(0.1);
  }

  @Test
  void evaluateReportsEachTablesDependenciesAndRelations() {
    Map<String, Dataset<Row>> real = Map.of("customers", realCustomers, "orders", realOrders);
    TableSetEvaluationResult result =
        Evaluation.evaluateTables(real, real, written, List.of(RELATION));
    EvaluationResult customers = result.tables().get("customers");
    assertThat(customers.dependencies())
        .anySatisfy(
            dependency -> {
              assertThat(dependency.determinantText()).isEqualTo("state");
              assertThat(dependency.dependent()).isEqualTo("region");
              assertThat(dependency.adherence().synthetic()).isEqualTo(1.0);
            });
    assertThat(result.tables().get("orders").relations())
        .anySatisfy(
            relation -> {
              assertThat(relation.columns()).contains("total", "subtotal", "shipping");
              assertThat(relation.adherence().synthetic()).isEqualTo(1.0);
            });
  }
}
