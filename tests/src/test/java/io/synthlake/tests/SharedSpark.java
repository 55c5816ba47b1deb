package io.synthlake.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] session for every integration test in the JVM: UI off, bound to 127.0.0.1, Delta and
 * synthlake's SQL extension enabled.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      Path warehouse;
      try {
        warehouse = Files.createTempDirectory("synthlake-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }

      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("synthlake-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "4")
              // Delta rebuilds a table's state in 50 partitions by default: on two cores each
              // read and each streaming commit of a small test table then spends seconds in tasks.
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config("spark.sql.warehouse.dir", warehouse.toString())
              // synthlake's extension registers synthlake_generate beside Delta's (SqlIT).
              .config(
                  "spark.sql.extensions",
                  "io.delta.sql.DeltaSparkSessionExtension,"
                      + "io.synthlake.spark.sql.SynthlakeExtensions")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .getOrCreate();
    }

    return session;
  }

  /** A bundled real dataset under examples/data. */
  public static String dataset(String file) {
    Path path = Path.of("..", "examples", "data", file).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalStateException("missing bundled dataset " + path);
    }

    return path.toString();
  }
}
