package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.EdgeCases;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code synthlake} data source reading specs ({@code spec}) and one table of a set of related
 * tables ({@code table}), in batch and as streams: a stream stopped mid-way and restarted from its
 * checkpoint writes each row once and the rows a batch read gives; a parent's and a child's streams
 * keep their keys unique and joined, a history keeps each entity's order, and bad combinations of
 * options fail in one line naming the option.
 */
class StreamingSpecsAndSetsIT {
  @TempDir static Path temp;

  private static SparkSession spark;

  /** A spec of one table with a derived column and an order constraint. */
  private static String orderSpec;

  /** A spec of a set: customers, their orders, and each customer's history of events. */
  private static String setSpec;

  /** The set's model, as the spec builds it at 10,000 customers. */
  private static String setModel;

  /**
   * A set spec whose orders pick a merchant (another root) and a referring customer (their root),
   * and its model (without the derived columns) at 10,000 customers.
   */
  private static String marketSpec;

  private static String marketModel;

  @BeforeAll
  static void files() throws Exception {
    spark = SharedSpark.session();
    orderSpec = write("orders.yaml", ORDERS);
    setSpec = write("shop.yaml", SHOP);
    setModel =
        write(
            "shop.json",
            TableSetJson.toJson(
                SpecCompiler.compileSet(SHOP, "shop.yaml").build(5, "customers", 10_000).set()));
    marketSpec = write("market.yaml", MARKET);
    marketModel =
        write(
            "market.json",
            TableSetJson.toJson(
                SpecCompiler.compileSet(MARKET, "market.yaml")
                    .build(5, "customers", 10_000)
                    .set()));
  }

  private static final String ORDERS =
      String.join(
          "\n",
          "columns:",
          "  - {name: order_id, type: long, key: {style: sequence}}",
          "  - {name: amount, type: 'decimal(12,2)', distribution: {type: uniform, min: 1, max: 500}}",
          "  - {name: tax, type: 'decimal(12,2)', expression: \"round(amount * 0.2, 2)\"}",
          "  - {name: opened, type: date, distribution: {type: uniform, min: 2015-01-01, max: 2024-12-31}}",
          "  - {name: closed, type: date, distribution: {type: uniform, min: 2015-01-01, max: 2024-12-31}}",
          "constraints: [{order: [opened, closed]}]",
          "");

  private static final String SHOP =
      String.join(
          "\n",
          "tables:",
          "  - name: customers",
          "    columns:",
          "      - {name: customer_id, type: long, key: {style: sequence}}",
          "      - {name: segment, type: string, distribution: {type: categories, weights: {retail: 0.8, premium: 0.2}}}",
          "  - name: orders",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 2}",
          "    columns:",
          "      - {name: order_id, type: long, key: {style: sequence}}",
          "      - {name: amount, type: double, distribution: {type: uniform, min: 1, max: 500}}",
          "  - name: events",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 3}",
          "    sequence:",
          "      order: ts",
          "      start: {type: time-range, start: 2025-01-01T00:00:00Z, end: 2025-02-01T00:00:00Z}",
          "      gap: {type: log-normal, mu: 2.2, sigma: 1.1}",
          "      gap-unit: hours",
          "    columns:",
          "      - {name: event_id, type: long, key: {style: sequence}}",
          "      - {name: ts, type: timestamp}",
          "      - {name: kind, type: string, distribution: {type: categories, weights: {view: 0.7, buy: 0.3}}}",
          "");

  /** Merchants are a tenth of the customers: 1,000 at 10,000 customers. */
  private static final String MARKET =
      String.join(
          "\n",
          "tables:",
          "  - name: customers",
          "    rows: 1000",
          "    columns:",
          "      - {name: customer_id, type: long, key: {style: sequence}}",
          "      - {name: segment, type: string, distribution: {type: categories, weights: {retail: 0.8, premium: 0.2}}}",
          "  - name: merchants",
          "    rows: 100",
          "    columns:",
          "      - {name: merchant_id, type: long, key: {style: sequence}}",
          "      - {name: category, type: string, distribution: {type: categories, weights: {food: 0.6, travel: 0.4}}}",
          "  - name: orders",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 1}",
          "    foreign-keys:",
          "      - {column: merchant_id, table: merchants, popularity: {zipf: 1.1}}",
          "      - {column: referred_by, table: customers, key: customer_id}",
          "    columns:",
          "      - {name: order_id, type: long, key: {style: sequence}}",
          "      - {name: amount, type: double, distribution: {type: uniform, min: 1, max: 500}}",
          "      - {name: fee, type: double, expression: \"round(amount * 0.1, 2)\"}",
          "      - {name: premium, type: boolean, expression: \"customers.segment = 'premium'\"}",
          "");

  private static String write(String name, String text) throws Exception {
    Path path = temp.resolve(name);
    Files.writeString(path, text);
    return path.toString();
  }

  @Test
  void aSpecReadInBatchIsWhatSpecGeneratorGives() {
    Dataset<Row> read =
        spark
            .read()
            .format("synthlake")
            .option("spec", orderSpec)
            .option("rows", 3000)
            .option("seed", 9)
            .load();
    Dataset<Row> generated =
        SpecGenerator.generate(spark, orderSpec, 3000, GenerateOptions.defaults().withSeed(9));
    assertThat(read.columns()).containsExactly("order_id", "amount", "tax", "opened", "closed");
    assertThat(read.count()).isEqualTo(3000);
    assertThat(read.exceptAll(generated).count()).isZero();
    assertThat(read.where("closed < opened or tax <> round(amount * 0.2, 2)").count()).isZero();
    Dataset<Row> edgeCases =
        spark
            .read()
            .format("synthlake")
            .option("spec", orderSpec)
            .option("rows", 1000)
            .option("edge-cases", 0.1)
            .load();
    assertThat(edgeCases.columns()).contains(EdgeCases.MARKER);
    // About 100 of 1,000 rows; 50 to 150 is more than five standard deviations either side (a
    // false failure under 1e-6 for a fair draw, and the seed is fixed).
    assertThat(edgeCases.where(EdgeCases.MARKER).count()).isBetween(50L, 150L);

    Dataset<Row> orders =
        spark
            .read()
            .format("synthlake")
            .option("spec", setSpec)
            .option("table", "orders")
            .option("rows", 500)
            .load();
    Dataset<Row> expected =
        SpecGenerator.generateTables(spark, setSpec, "customers", 500, GenerateOptions.defaults())
            .get("orders");
    assertThat(orders.count()).isEqualTo(expected.count()).isGreaterThan(500);
    assertThat(orders.exceptAll(expected).count()).isZero();
  }

  @Test
  void aRestartedSpecStreamWritesTheRowsOfABatchRead() throws Exception {
    Map<String, String> options =
        Map.of("spec", orderSpec, "rowsPerBatch", "2000", "rows", "5000", "seed", "7");
    Dataset<Row> streamed = stopAndRestart(new Query("spec", options)).get(0);
    Dataset<Row> batch =
        spark
            .read()
            .format("synthlake")
            .option("spec", orderSpec)
            .option("rows", 5000)
            .option("seed", 7)
            .load();
    assertThat(streamed.count()).isEqualTo(5000);
    assertThat(streamed.select("order_id").distinct().count()).isEqualTo(5000);
    assertThat(streamed.exceptAll(batch).count()).isZero();
  }

  @Test
  void aParentAndAChildStreamKeepKeysUniqueAndJoined() throws Exception {
    // 10,000 customers in batches of one root block (4,096 customers): three batches, the last of
    // 1,808; both streams run at once, are stopped after their second batch and restarted.
    List<Dataset<Row>> tables =
        stopAndRestart(
            new Query("customers", setOptions("customers")),
            new Query("orders", setOptions("orders")));
    Dataset<Row> customers = tables.get(0);
    Dataset<Row> orders = tables.get(1);

    assertThat(customers.count()).isEqualTo(10_000);
    assertThat(customers.select("customer_id").distinct().count()).isEqualTo(10_000);
    long orderRows = orders.count();
    // Poisson(2) orders for each of 10,000 customers: 20,000 give or take 141; the bounds are seven
    // standard deviations away (no false failure in practice, and the seed is fixed).
    assertThat(orderRows).isBetween(19_000L, 21_000L);
    assertThat(orders.select("order_id").distinct().count()).isEqualTo(orderRows);
    assertThat(orders.join(customers, "customer_id").count()).isEqualTo(orderRows);
    assertThat(orders.exceptAll(batchOfSet("orders")).count()).isZero();
    assertThat(batchOfSet("orders").exceptAll(orders).count()).isZero();
    assertThat(customers.exceptAll(batchOfSet("customers")).count()).isZero();
  }

  @Test
  void furtherKeysPickAmongTheRowsStreamedSoFar() throws Exception {
    Dataset<Row> orders = marketOrders();
    long rows = orders.count();
    // Poisson(1) orders for each of 10,000 customers: 10,000 give or take 100; the bounds are
    // seven standard deviations away (no false failure in practice, and the seed is fixed).
    assertThat(rows).isBetween(9_300L, 10_700L);
    assertThat(orders.select("order_id").distinct().count()).isEqualTo(rows);

    // The same rows in one batch: a row's keys depend on its root block, not on the batches.
    Dataset<Row> once = inMemory("market_orders_once", marketOptions("orders", 10_000));
    assertThat(orders.exceptAll(once).count()).isZero();
    assertThat(once.exceptAll(orders).count()).isZero();

    // Every key joins the referenced table's stream, and picks among the rows there are by the
    // end of its customer's root block (keys count from 1, customers' as the other tests stream
    // them).
    Dataset<Row> merchants = inMemory("market_merchants", marketOptions("merchants", 4096));
    assertThat(merchants.count()).isEqualTo(1000);
    assertThat(orders.join(merchants, "merchant_id").count()).isEqualTo(rows);
    assertThat(orders.where("referred_by < 1").count()).isZero();
    String blockEnd = "least((floor((customer_id - 1) / 4096) + 1) * 4096, 10000)";
    assertThat(
            orders
                .where("merchant_id > round(" + blockEnd + " * 0.1) or referred_by > " + blockEnd)
                .count())
        .isZero();

    // Every other column is a batch read's.
    Dataset<Row> batch =
        spark
            .read()
            .format("synthlake")
            .option("model", marketModel)
            .option("table", "orders")
            .option("rows", 10_000)
            .option("seed", 11)
            .load();
    assertThat(
            orders
                .drop("merchant_id", "referred_by")
                .exceptAll(batch.drop("merchant_id", "referred_by"))
                .count())
        .isZero();
  }

  @Test
  void aSetSpecStreamIsItsModelsStreamWithTheDerivedColumns() throws Exception {
    Map<String, String> options = marketOptions("orders", 4096);
    options.remove("model");
    options.put("spec", marketSpec);
    Dataset<Row> orders = stopAndRestart(new Query("spec-orders", options)).get(0);
    assertThat(orders.columns())
        .containsExactly(
            "order_id", "customer_id", "merchant_id", "referred_by", "amount", "fee", "premium");

    // The generated columns, further keys included, are the model's stream's.
    Dataset<Row> generated = orders.drop("fee", "premium");
    Dataset<Row> model = marketOrders().selectExpr(generated.columns());
    assertThat(generated.exceptAll(model).count()).isZero();
    assertThat(model.exceptAll(generated).count()).isZero();

    // The derived columns, one reading the customer's segment, are a batch read's.
    Dataset<Row> batch =
        spark
            .read()
            .format("synthlake")
            .option("spec", marketSpec)
            .option("table", "orders")
            .option("rows", 10_000)
            .option("seed", 11)
            .load()
            .drop("merchant_id", "referred_by");
    assertThat(orders.drop("merchant_id", "referred_by").exceptAll(batch).count()).isZero();
    assertThat(batch.count()).isEqualTo(orders.count());
    assertThat(orders.where("premium").count()).isPositive();
  }

  @Test
  void aHistoryStreamKeepsEachEntitysOrder() throws Exception {
    Map<String, String> options = setOptions("events");
    options.put("rowsPerBatch", "5000"); // rounded up to whole root blocks: 8,192 customers
    StreamingQuery query =
        stream(options)
            .writeStream()
            .format("memory")
            .queryName("events")
            .trigger(Trigger.AvailableNow())
            .start();
    query.awaitTermination();

    Dataset<Row> events = spark.table("events");
    assertThat(events.count()).isEqualTo(batchOfSet("events").count());
    assertThat(events.exceptAll(batchOfSet("events")).count()).isZero();
    // Event keys count rows in generation order, which within a customer is the history's.
    long backwards =
        events
            .selectExpr(
                "ts",
                "lag(ts) over (partition by customer_id order by event_id) as previous",
                "lag(event_id) over (partition by customer_id order by event_id) as previous_id",
                "event_id")
            .where("ts < previous or event_id <> previous_id + 1")
            .count();
    assertThat(backwards).isZero();
  }

  @Test
  void badCombinationsFailInOneLineNamingTheOption() throws Exception {
    assertThatThrownBy(
            () -> stream(Map.of("spec", orderSpec, "model", setModel, "rowsPerBatch", "10")))
        .hasMessageContaining("options 'model' and 'spec' contradict each other");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("synthlake")
                    .option("spec", orderSpec)
                    .option("table", "orders")
                    .option("rows", 10)
                    .load())
        .hasMessageContaining("option 'table' names a table of a set");
    assertThatThrownBy(() -> stream(Map.of("spec", setSpec, "rowsPerBatch", "10")))
        .hasMessageContaining("describes a set of related tables (customers, orders, events)")
        .hasMessageContaining("name the one to stream with the option 'table'");
    assertThatThrownBy(
            () ->
                stream(
                    Map.of(
                        "spec",
                        setSpec,
                        "table",
                        "orders",
                        "rowsPerBatch",
                        "10",
                        "where",
                        "amount > 1")))
        .hasMessageContaining("the option 'where' is not for a stream of a set spec");
    String banking = Path.of("..", "conf", "banking.yaml").toAbsolutePath().normalize().toString();
    assertThatThrownBy(() -> stream(Map.of("spec", banking, "rowsPerSecond", "10")))
        .hasMessageContaining("writes values as rows / k")
        .hasMessageContaining("give the stream the option 'rows'");
    assertThatThrownBy(() -> stream(Map.of("model", setModel, "rowsPerBatch", "10")))
        .hasMessageContaining("name the one to read with the option 'table'");
    Map<String, String> sized = setOptions("orders");
    sized.put("rows-of", "orders");
    assertThatThrownBy(() -> stream(sized))
        .hasMessageContaining("the option 'rows-of' is for batch reads of a set")
        .hasMessageContaining("root rows of 'customers'");

    // A further foreign key to a child of another root: the stream does not count its rows.
    String terminals =
        String.join(
            "\n",
            MARKET,
            "  - name: terminals",
            "    parent: {column: merchant_id, table: merchants}",
            "    count: {type: poisson, mean: 2}",
            "    columns: [{name: terminal_id, type: long, key: {style: sequence}}]",
            "  - name: payments",
            "    parent: {column: customer_id, table: customers}",
            "    count: {type: poisson, mean: 1}",
            "    foreign-keys: [{column: terminal_id, table: terminals, key: terminal_id}]",
            "    columns: [{name: payment_id, type: long, key: {style: sequence}}]",
            "");
    String terminalsModel =
        write(
            "terminals.json",
            TableSetJson.toJson(
                SpecCompiler.compileSet(terminals, "terminals.yaml")
                    .build(1, "customers", 100)
                    .set()));
    assertThatThrownBy(
            () ->
                stream(Map.of("model", terminalsModel, "table", "payments", "rowsPerBatch", "10")))
        .hasMessageContaining(
            "table 'payments' cannot be streamed: its foreign key to 'terminals' picks among the "
                + "rows of a child table of root 'merchants'");
  }

  /** The market's orders streamed into Delta and restarted, once for the tests that read them. */
  private static Dataset<Row> marketOrders;

  /**
   * 10,000 customers' orders in three batches, stopped after two and restarted; they pick a
   * merchant (another root: a tenth of the customers so far) and a referring customer.
   */
  private static synchronized Dataset<Row> marketOrders() throws Exception {
    if (marketOrders == null) {
      marketOrders =
          stopAndRestart(new Query("market-orders", marketOptions("orders", 4096))).get(0);
    }

    return marketOrders;
  }

  private static Map<String, String> marketOptions(String table, long rowsPerBatch) {
    Map<String, String> options = new HashMap<>();
    options.put("model", marketModel);
    options.put("table", table);
    options.put("rowsPerBatch", String.valueOf(rowsPerBatch));
    options.put("rows", table.equals("merchants") ? "1000" : "10000");
    options.put("seed", "11");
    return options;
  }

  /** The whole of a bounded stream, run at once into a memory table of {@code name}. */
  private static Dataset<Row> inMemory(String name, Map<String, String> options) throws Exception {
    stream(options)
        .writeStream()
        .format("memory")
        .queryName(name)
        .trigger(Trigger.AvailableNow())
        .start()
        .awaitTermination();
    return spark.table(name);
  }

  private static Map<String, String> setOptions(String table) {
    Map<String, String> options = new HashMap<>();
    options.put("model", setModel);
    options.put("table", table);
    options.put("rowsPerBatch", "4096");
    options.put("rows", "10000");
    options.put("seed", "11");
    return options;
  }

  private static Dataset<Row> batchOfSet(String table) {
    return spark
        .read()
        .format("synthlake")
        .option("model", setModel)
        .option("table", table)
        .option("rows", 10_000)
        .option("seed", 11)
        .load();
  }

  private static Dataset<Row> stream(Map<String, String> options) {
    return spark.readStream().format("synthlake").options(options).load();
  }

  /** A stream's options and the name of its Delta table and checkpoint. */
  private record Query(String name, Map<String, String> options) {
    String table() {
      return temp.resolve(name + "-delta").toString();
    }

    StreamingQuery start(Trigger trigger) throws Exception {
      return StreamingSpecsAndSetsIT.start(
          options, table(), temp.resolve(name + "-checkpoint").toString(), trigger);
    }
  }

  /**
   * Runs {@code queries} into new Delta tables, all at once, stops them once two batches of each
   * are in, and restarts them from their checkpoints until the streams' end; the tables.
   */
  private static List<Dataset<Row>> stopAndRestart(Query... queries) throws Exception {
    List<StreamingQuery> running = new ArrayList<>();
    for (Query query : queries) {
      running.add(query.start(Trigger.ProcessingTime(100)));
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (StreamingQuery query : running) {
      while (query.lastProgress() == null || query.lastProgress().batchId() < 1) {
        if (!query.isActive()) {
          throw query.exception().get();
        }

        assertThat(System.nanoTime()).as("two batches within a minute").isLessThan(deadline);
        Thread.sleep(50);
      }

      query.stop();
    }

    running.clear();
    for (Query query : queries) {
      running.add(query.start(Trigger.AvailableNow()));
    }

    List<Dataset<Row>> tables = new ArrayList<>();
    for (int i = 0; i < queries.length; i++) {
      running.get(i).awaitTermination();
      tables.add(spark.read().format("delta").load(queries[i].table()));
    }

    return tables;
  }

  private static StreamingQuery start(
      Map<String, String> options, String table, String checkpoint, Trigger trigger)
      throws Exception {
    return stream(options)
        .writeStream()
        .format("delta")
        .option("checkpointLocation", checkpoint)
        .trigger(trigger)
        .start(table);
  }
}
