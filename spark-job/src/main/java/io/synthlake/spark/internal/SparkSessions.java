package io.synthlake.spark.internal;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The session the CLI runs in. Under spark-submit the master and settings come from there;
 * otherwise synthlake runs embedded on {@code local[*]}, bound to 127.0.0.1, with the UI off.
 * Delta's extension and catalog are added when Delta is on the classpath and the user has not
 * configured them.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate() {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("synthlake");
    if (!conf.contains("spark.master")) {
      builder
          .master("local[*]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "8");
    }

    if (deltaAvailable()) {
      if (!conf.contains("spark.sql.extensions")) {
        builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
      }

      if (!conf.contains("spark.sql.catalog.spark_catalog")) {
        builder.config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
      }
    }

    return builder.getOrCreate();
  }

  private static boolean deltaAvailable() {
    try {
      Class.forName(
          "io.delta.sql.DeltaSparkSessionExtension", false, SparkSessions.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
