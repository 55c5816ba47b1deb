package io.synthlake.bench.spark;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * What keys that join cost: customers, their accounts and the accounts' transactions, generated as
 * a set (every foreign key resolving, ancestors regenerated beside each child block) against the
 * same number of rows of each table generated as independent single tables, both to Parquet,
 * alternated run by run. The training set is built here with Spark SQL: premium customers hold more
 * accounts, and transactions per account are heavy-tailed with about ten on average.
 */
public final class TableSetScaling {
  private static final List<String> RELATIONS =
      List.of(
          "accounts.customer_id=customers.customer_id",
          "transactions.account_id=accounts.account_id");

  private final SparkSession spark;
  private final Path work;

  public TableSetScaling(SparkSession spark, Path work) {
    this.spark = spark;
    this.work = work;
  }

  /** Runs {@code runs} alternated pairs at {@code customers} root rows; returns the report text. */
  public String run(long customers, int runs, Path out) throws IOException {
    Map<String, Dataset<Row>> training = training(20_000);
    FitOptions options = FitOptions.builder().seed(1).build();
    TableSetModel set = Synthesizer.fitTables(training, RELATIONS, options);
    Map<String, SynthesisModel> singles = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> table : training.entrySet()) {
      singles.put(table.getKey(), Synthesizer.fit(table.getValue(), options));
    }

    WriteOptions parquet =
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.OVERWRITE).build();
    Map<String, Long> rows = new LinkedHashMap<>();
    List<double[]> pairs = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      long start = System.nanoTime();
      Map<String, Dataset<Row>> tables =
          set.generate(spark, "customers", customers, GenerateOptions.defaults().withSeed(run));
      for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
        TableWriter.toPath(
            table.getValue(), work.resolve("set-" + table.getKey()).toString(), parquet);
        rows.put(
            table.getKey(),
            spark.read().parquet(work.resolve("set-" + table.getKey()).toString()).count());
      }

      double setSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      for (Map.Entry<String, SynthesisModel> single : singles.entrySet()) {
        TableWriter.toPath(
            single
                .getValue()
                .generate(
                    spark, rows.get(single.getKey()), GenerateOptions.defaults().withSeed(run)),
            work.resolve("single-" + single.getKey()).toString(),
            parquet);
      }

      double singleSeconds = (System.nanoTime() - start) / 1e9;
      if (run > 0) { // the first pair warms the JIT up
        pairs.add(new double[] {setSeconds, singleSeconds});
      }
    }

    String report = report(customers, rows, pairs);
    Files.createDirectories(out);
    Files.writeString(out.resolve("related-tables-speed.md"), report);
    return report;
  }

  /** Customers, accounts and transactions of about {@code customers} customers, made in Spark. */
  Map<String, Dataset<Row>> training(int customers) {
    Dataset<Row> customerRows =
        spark
            .range(customers)
            .selectExpr(
                "id + 1 AS customer_id",
                "CASE WHEN rand(1) < 0.25 THEN 'premium' ELSE 'basic' END AS segment",
                "CAST(18 + rand(2) * 60 AS INT) AS age");
    Dataset<Row> withIncome =
        customerRows.withColumn(
            "income",
            functions.expr(
                "round(CASE WHEN segment = 'premium' THEN 90000 ELSE 35000 END * exp(0.4 * randn(3)), 2)"));
    Dataset<Row> accounts =
        withIncome
            .selectExpr(
                "customer_id",
                "segment",
                "explode(sequence(1, CAST(1 + CASE WHEN segment = 'premium' THEN 4 ELSE 1 END * rand(4) * 2 AS INT))) AS n")
            .selectExpr(
                "monotonically_increasing_id() + 1 AS account_id",
                "customer_id",
                "CASE WHEN rand(5) < 0.6 THEN 'checking' WHEN rand(6) < 0.7 THEN 'savings' ELSE 'credit' END AS kind",
                "round(CASE WHEN segment = 'premium' THEN 20000 ELSE 3000 END * exp(randn(7)), 2) AS balance");
    Dataset<Row> transactions =
        accounts
            .selectExpr(
                "account_id",
                "balance",
                "explode(sequence(1, CAST(1 + floor(-log(rand(8)) * 9) AS INT))) AS n")
            .selectExpr(
                "monotonically_increasing_id() + 1 AS transaction_id",
                "account_id",
                "round(least(balance, 5 + 40 * exp(randn(9))), 2) AS amount",
                "element_at(array('grocery', 'fuel', 'travel', 'dining', 'online'), CAST(1 + floor(rand(10) * 5) AS INT)) AS category",
                "CAST(floor(rand(11) * 24) AS INT) AS hour");
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("customers", withIncome.cache());
    tables.put("accounts", accounts.cache());
    tables.put("transactions", transactions.cache());
    return tables;
  }

  static String report(long customers, Map<String, Long> rows, List<double[]> pairs) {
    StringBuilder out = new StringBuilder();
    out.append("# Related tables: the cost of keys that join\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Written by `bin/synthlake-bench --related-tables --rows %d`. Rows per table: %s; %,d in all.%n%n",
            customers,
            rows,
            rows.values().stream().mapToLong(Long::longValue).sum()));
    out.append(
        "| pair | set (s) | independent tables (s) | set / independent |\n|---|---|---|---|\n");
    for (int i = 0; i < pairs.size(); i++) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.1f | %.2f |%n",
              i + 1,
              pairs.get(i)[0],
              pairs.get(i)[1],
              pairs.get(i)[0] / pairs.get(i)[1]));
    }

    return out.toString();
  }
}
