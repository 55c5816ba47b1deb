package io.synthlake.tests;

import io.synthlake.core.metrics.TwoSample;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Two-sample statistics for comparing real and synthetic columns. */
final class Stats {
  private Stats() {}

  static double ks(double[] a, double[] b) {
    return TwoSample.ks(a, b);
  }

  /** The KS critical value at α = 0.001: a false failure once in a thousand runs. */
  static double ksCritical(int n, int m) {
    return TwoSample.ksCritical(n, m);
  }

  /**
   * Total variation distance between the value frequencies of two samples (null counts as a value).
   */
  static double tvd(List<Object> a, List<Object> b) {
    Map<Object, Double> frequencies = new HashMap<>();
    for (Object value : a) {
      frequencies.merge(Objects.toString(value), 1.0 / a.size(), Double::sum);
    }

    for (Object value : b) {
      frequencies.merge(Objects.toString(value), -1.0 / b.size(), Double::sum);
    }

    return frequencies.values().stream().mapToDouble(Math::abs).sum() / 2;
  }

  static double pearson(double[] x, double[] y) {
    return TwoSample.pearson(x, y);
  }

  /** Non-null values of a numeric column as doubles. */
  static double[] numbers(Dataset<Row> frame, String column) {
    return frame
        .selectExpr("cast(`" + column + "` as double) as v")
        .where("v is not null")
        .collectAsList()
        .stream()
        .mapToDouble(row -> row.getDouble(0))
        .toArray();
  }

  /** Rows where both columns are non-null, as two aligned arrays. */
  static double[][] pairs(Dataset<Row> frame, String a, String b) {
    List<Row> rows =
        frame
            .where("`" + a + "` is not null and `" + b + "` is not null")
            .selectExpr("cast(`" + a + "` as double)", "cast(`" + b + "` as double)")
            .collectAsList();
    double[][] result = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      result[0][i] = rows.get(i).getDouble(0);
      result[1][i] = rows.get(i).getDouble(1);
    }

    return result;
  }

  static List<Object> values(Dataset<Row> frame, String column) {
    return frame
        .select(org.apache.spark.sql.functions.col("`" + column + "`"))
        .collectAsList()
        .stream()
        .map(row -> row.get(0))
        .collect(java.util.stream.Collectors.toList());
  }

  static double nullShare(Dataset<Row> frame, String column) {
    return (double) frame.where("`" + column + "` is null").count() / frame.count();
  }

  static Set<Object> distinct(List<Object> values) {
    return new HashSet<>(values);
  }
}
