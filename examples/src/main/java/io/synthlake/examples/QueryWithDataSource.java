package io.synthlake.examples;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Generated rows as a Spark data source: nothing is written, the rows are computed on the executors
 * as a query reads them, so a fixture of any size can be queried, joined or written with Spark's
 * own writers.
 *
 * <p>Arguments: a model file written by synthlake fit (or {@link FitAndGenerate}), rows (default
 * 1000000).
 */
public final class QueryWithDataSource {
  private QueryWithDataSource() {}

  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "target/example/model.json";
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;

    SparkSession spark = LocalSpark.session();
    Dataset<Row> synthetic =
        spark
            .read()
            .format("synthlake")
            .option("model", model)
            .option("rows", rows)
            .option("seed", 3)
            .load();
    synthetic.createOrReplaceTempView("synthetic");
    Dataset<Row> summary =
        spark.sql("select count(*) as rows, count(distinct *) as distinct_rows from synthetic");
    summary.show(false);
    System.out.println("rows=" + summary.first().getLong(0));
  }
}
