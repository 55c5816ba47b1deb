package io.synthlake.bench.spark;

import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a condition costs: the same model generating the same number of rows with and without a
 * {@code where} condition into Spark's noop sink, alternated run by run in one JVM; the first pair
 * warms the JIT up and is not counted. Reported as the median rows/s of each and their ratio.
 */
public final class ConditionalSpeed {
  private final SparkSession spark;
  private final SynthesisModel model;
  private final String where;

  public ConditionalSpeed(SparkSession spark, String modelPath, String where) {
    this.spark = spark;
    this.model = SynthesisModel.load(spark, modelPath);
    this.where = where;
  }

  /** Runs {@code runs} measured pairs of {@code rows} rows each; returns the report text. */
  public String run(long rows, int runs) {
    List<Double> plain = new ArrayList<>();
    List<Double> conditioned = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "%,d rows to noop, where %s; %d measured pairs after one warm-up pair%n"
                + "| run | unconditioned rows/s | conditioned rows/s |%n| --- | --- | --- |%n",
            rows,
            where,
            runs));
    for (int run = 0; run <= runs; run++) {
      GenerateOptions options = GenerateOptions.defaults().withSeed(run);
      double unconditionedRate = rows / seconds(model.generate(spark, rows, options));
      double conditionedRate = rows / seconds(model.generate(spark, rows, options.where(where)));
      if (run > 0) {
        plain.add(unconditionedRate);
        conditioned.add(conditionedRate);
        report.append(
            String.format(
                Locale.ROOT, "| %d | %,.0f | %,.0f |%n", run, unconditionedRate, conditionedRate));
      }
    }

    double medianPlain = median(plain);
    double medianConditioned = median(conditioned);
    report.append(
        String.format(
            Locale.ROOT,
            "median: unconditioned %,.0f rows/s, conditioned %,.0f rows/s, ratio %.2f%n",
            medianPlain,
            medianConditioned,
            medianConditioned / medianPlain));
    return report.toString();
  }

  private static double seconds(Dataset<Row> rows) {
    long start = System.nanoTime();
    rows.write().format("noop").mode("overwrite").save();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
