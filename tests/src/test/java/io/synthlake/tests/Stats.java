package io.synthlake.tests;

import java.util.Arrays;
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
  /** c(α) of the two-sample Kolmogorov-Smirnov test at α = 0.001. */
  static final double KS_C_ALPHA_0_001 = 1.949;

  private Stats() {}

  /** The two-sample KS statistic. */
  static double ks(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double max = 0;
    while (i < x.length && j < y.length) {
      double value = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= value) {
        i++;
      }

      while (j < y.length && y[j] <= value) {
        j++;
      }

      max = Math.max(max, Math.abs((double) i / x.length - (double) j / y.length));
    }

    return max;
  }

  /** The KS critical value at α = 0.001 for samples of sizes n and m: a false failure once in a thousand runs. */
  static double ksCritical(int n, int m) {
    return KS_C_ALPHA_0_001 * Math.sqrt((double) (n + m) / ((double) n * m));
  }

  /** Total variation distance between the value frequencies of two samples (null counts as a value). */
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
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }

    return sxy / Math.sqrt(sxx * syy);
  }

  /** Non-null values of a numeric column as doubles. */
  static double[] numbers(Dataset<Row> frame, String column) {
    return frame.selectExpr("cast(`" + column + "` as double) as v").where("v is not null").collectAsList().stream()
        .mapToDouble(row -> row.getDouble(0)).toArray();
  }

  /** Rows where both columns are non-null, as two aligned arrays. */
  static double[][] pairs(Dataset<Row> frame, String a, String b) {
    List<Row> rows = frame.where("`" + a + "` is not null and `" + b + "` is not null")
        .selectExpr("cast(`" + a + "` as double)", "cast(`" + b + "` as double)").collectAsList();
    double[][] result = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      result[0][i] = rows.get(i).getDouble(0);
      result[1][i] = rows.get(i).getDouble(1);
    }

    return result;
  }

  static List<Object> values(Dataset<Row> frame, String column) {
    return frame.select(org.apache.spark.sql.functions.col("`" + column + "`")).collectAsList().stream()
        .map(row -> row.get(0)).collect(java.util.stream.Collectors.toList());
  }

  static double nullShare(Dataset<Row> frame, String column) {
    return (double) frame.where("`" + column + "` is null").count() / frame.count();
  }

  static Set<Object> distinct(List<Object> values) {
    return new HashSet<>(values);
  }
}
