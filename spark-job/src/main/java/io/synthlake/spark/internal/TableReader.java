package io.synthlake.spark.internal;

import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Reads the input of fit: a path in a given or guessed format, or a catalog table. */
public final class TableReader {
  private TableReader() {}

  /**
   * @param format csv, parquet, delta, json, or null to guess: by extension, then delta if the
   *     directory has a {@code _delta_log}, else parquet
   */
  public static Dataset<Row> path(SparkSession spark, String location, String format) {
    return path(spark, location, format, null);
  }

  /**
   * Like {@link #path(SparkSession, String, String)}, reading CSV and JSON text in {@code encoding}
   * (null: UTF-8, checked first, since Spark would turn bytes that are not UTF-8 into U+FFFD). A
   * CSV row whose field count differs from the header's fails the read (FAILFAST) rather than shift
   * values into other columns.
   */
  public static Dataset<Row> path(
      SparkSession spark, String location, String format, String encoding) {
    Path path = new Path(location);
    String chosen = format;
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : TextEncoding.parse(encoding);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw SynthlakeException.of("input %s does not exist: check the --input path", location);
      }

      if (chosen == null) {
        chosen = guess(fs, path);
      }

      boolean text = chosen.equalsIgnoreCase("csv") || chosen.equalsIgnoreCase("json");
      if (text && TextEncoding.isUtf8(charset)) {
        TextEncoding.checkUtf8(fs, path, location);
      }
    } catch (IOException e) {
      throw new SynthlakeException("cannot open input " + location + ": " + e.getMessage(), e);
    }

    String lower = chosen.toLowerCase(Locale.ROOT);
    Dataset<Row> read;
    StructType schema;
    try {
      read = read(spark, location, lower, charset);
      schema = read.schema(); // analysis, and with it schema inference, may wait for the first use
    } catch (Exception e) { // Spark's SparkException is checked in Java's eyes, and thrown anyway
      // Spark infers JSON and CSV schemas and reads Parquet footers here, on the driver, with the
      // file known.
      Optional<String> message = sparkError(e);
      if (message.isPresent()) {
        throw new SynthlakeException(
            String.format(
                Locale.ROOT,
                "input %s cannot be read as %s: %s; fix the file, or pass " + "its --format",
                location,
                lower,
                message.get()),
            e);
      }

      throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    }

    SynthlakeException.check(
        schema.nonEmpty(),
        "input %s has no columns: it is empty or not %s; check the file " + "and --format",
        location,
        lower);
    SynthlakeException.check(
        !Arrays.asList(schema.fieldNames()).contains("_corrupt_record"),
        "input %s cannot be "
            + "read as %s: some of its lines are not records (Spark marked them _corrupt_record); fix or remove them (JSON input "
            + "holds one object per line)",
        location,
        lower);
    return read;
  }

  private static Dataset<Row> read(
      SparkSession spark, String location, String format, Charset charset) {
    switch (format) {
      case "csv":
        return spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .option("mode", "FAILFAST")
            .option("encoding", charset.name())
            .csv(location);
      case "json":
        DataFrameReader json = spark.read().option("mode", "FAILFAST");
        // Spark reads JSON lines in another encoding only when told the line separator.
        return (TextEncoding.isUtf8(charset)
                ? json
                : json.option("encoding", charset.name()).option("lineSep", "\n"))
            .json(location);
      case "parquet":
        return spark.read().parquet(location);
      case "delta":
        return spark.read().format("delta").load(location);
      default:
        throw SynthlakeException.of(
            "--format '%s' is not supported for input; use csv, parquet, delta or json", format);
    }
  }

  /**
   * The first line of the innermost error Spark raised with a condition, unless it is one of
   * Spark's internal errors.
   */
  private static Optional<String> sparkError(Throwable failure) {
    SparkThrowable innermost = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable && ((SparkThrowable) t).getCondition() != null) {
        innermost = (SparkThrowable) t;
      }
    }

    if (innermost == null || innermost.getCondition().startsWith("INTERNAL_ERROR")) {
      return Optional.empty();
    }

    String message =
        String.valueOf(((Throwable) innermost).getMessage()).strip().lines().findFirst().orElse("");
    int state = message.indexOf(" SQLSTATE:");
    return Optional.of((state > 0 ? message.substring(0, state) : message).strip());
  }

  /**
   * A table named on the command line by {@code option}: a catalog table when written {@code
   * table:NAME} or when no such path exists and the catalog has it, else a path.
   */
  public static Dataset<Row> pathOrTable(
      SparkSession spark, String value, String format, String option) {
    return pathOrTable(spark, value, format, null, option);
  }

  /**
   * Like {@link #pathOrTable(SparkSession, String, String, String)}, reading CSV and JSON text in
   * {@code encoding}.
   */
  public static Dataset<Row> pathOrTable(
      SparkSession spark, String value, String format, String encoding, String option) {
    if (value.startsWith("table:")) {
      return table(spark, value.substring("table:".length()));
    }

    Path path = new Path(value);
    try {
      if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
        return path(spark, value, format, encoding);
      }
    } catch (IOException e) {
      throw new SynthlakeException("cannot open " + value + ": " + e.getMessage(), e);
    }

    SynthlakeException.check(
        isTable(spark, value),
        "%s %s is neither an existing path nor a catalog table: check %s",
        option,
        value,
        option);
    return spark.table(value);
  }

  private static boolean isTable(SparkSession spark, String name) {
    try {
      return spark.catalog().tableExists(name);
    } catch (Exception e) {
      return false; // not a valid table identifier (Spark's ParseException is checked in Java's
      // eyes)
    }
  }

  public static Dataset<Row> table(SparkSession spark, String name) {
    SynthlakeException.check(
        spark.catalog().tableExists(name),
        "table %s does not exist in the catalog: check --table",
        name);
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
