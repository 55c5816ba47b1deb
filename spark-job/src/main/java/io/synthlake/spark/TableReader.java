package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the input of fit: a path in a given or guessed format, or a catalog table. */
public final class TableReader {
  private TableReader() {}

  /**
   * @param format csv, parquet, delta, json, or null to guess: by extension, then delta if the directory has a
   *     {@code _delta_log}, else parquet
   */
  public static Dataset<Row> path(SparkSession spark, String location, String format) {
    Path path = new Path(location);
    String chosen = format;
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw SynthlakeException.of("input %s does not exist: check the --input path", location);
      }

      if (chosen == null) {
        chosen = guess(fs, path);
      }
    } catch (IOException e) {
      throw new SynthlakeException("cannot open input " + location + ": " + e.getMessage(), e);
    }

    switch (chosen.toLowerCase(Locale.ROOT)) {
      case "csv":
        return spark.read().option("header", "true").option("inferSchema", "true").option("mode", "FAILFAST").csv(location);
      case "json":
        return spark.read().json(location);
      case "parquet":
        return spark.read().parquet(location);
      case "delta":
        return spark.read().format("delta").load(location);
      default:
        throw SynthlakeException.of("--format '%s' is not supported for input; use csv, parquet, delta or json", chosen);
    }
  }

  /**
   * A table named on the command line by {@code option}: a catalog table when written {@code table:NAME} or when no
   * such path exists and the catalog has it, else a path.
   */
  public static Dataset<Row> pathOrTable(SparkSession spark, String value, String format, String option) {
    if (value.startsWith("table:")) {
      return table(spark, value.substring("table:".length()));
    }

    Path path = new Path(value);
    try {
      if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
        return path(spark, value, format);
      }
    } catch (IOException e) {
      throw new SynthlakeException("cannot open " + value + ": " + e.getMessage(), e);
    }

    SynthlakeException.check(isTable(spark, value), "%s %s is neither an existing path nor a catalog table: check %s",
        option, value, option);
    return spark.table(value);
  }

  private static boolean isTable(SparkSession spark, String name) {
    try {
      return spark.catalog().tableExists(name);
    } catch (Exception e) {
      return false; // not a valid table identifier (Spark's ParseException is checked in Java's eyes)
    }
  }

  public static Dataset<Row> table(SparkSession spark, String name) {
    SynthlakeException.check(spark.catalog().tableExists(name), "table %s does not exist in the catalog: check --table", name);
    return spark.table(name);
  }

  private static String guess(FileSystem fs, Path path) throws IOException {
    String name = path.getName().toLowerCase(Locale.ROOT);
    for (String extension : new String[] {"csv", "json", "parquet"}) {
      if (name.endsWith("." + extension)) {
        return extension;
      }
    }

    return fs.exists(new Path(path, "_delta_log")) ? "delta" : "parquet";
  }
}
