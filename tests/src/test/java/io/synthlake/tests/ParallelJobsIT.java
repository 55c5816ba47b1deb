package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs that run at the same time: two appending to one Delta table, and ten generate jobs with 1 GiB heaps on this
 * machine at once. Each job is a JVM of its own, as spark-submit would start it.
 */
class ParallelJobsIT {
  @TempDir
  Path temp;

  @Test
  void twoJobsAppendingToOneDeltaTableLoseAndDoubleNothing() throws Exception {
    String table = temp.resolve("shared").toString();
    Cli.Result create = Cli.run("generate", "--spec", spec(), "--rows", "1000", "--output", table, "--seed", "1");
    assertThat(create.status()).as(create.err()).isZero();

    List<Process> jobs = new ArrayList<>();
    for (int job = 0; job < 2; job++) {
      jobs.add(ChildJvm.start("1g", temp.resolve("append-" + job + ".log"), "generate", "--spec", spec(), "--rows",
          Integer.toString(50_000 * (job + 1)), "--output", table, "--mode", "append", "--seed", Integer.toString(10 + job)));
    }

    long expected = 1000;
    for (int job = 0; job < 2; job++) {
      Process process = jobs.get(job);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("append %d finished", job).isTrue();
      String log = Files.readString(temp.resolve("append-" + job + ".log"));
      if (process.exitValue() == 0) {
        expected += 50_000L * (job + 1);
      } else {
        // The one way a job may fail: a clear, one-line conflict error, and nothing of it in the table.
        assertThat(process.exitValue()).as(log).isEqualTo(2);
        assertThat(log).contains("synthlake: error:").contains("at the same time");
      }
    }

    SparkSession spark = SharedSpark.session();
    assertThat(spark.read().format("delta").load(table).count()).isEqualTo(expected);
    assertThat(spark.read().format("delta").load(table).select("transaction_id").distinct().count())
        .as("no row written twice").isEqualTo(expected);
  }

  @Test
  void anOverwriteRacingAnAppendEitherFollowsItOrFailsClearly() throws Exception {
    SparkSession spark = SharedSpark.session();
    String table = temp.resolve("raced").toString();
    Cli.Result create = Cli.run("generate", "--spec", spec(), "--rows", "1000", "--output", table, "--seed", "1");
    assertThat(create.status()).as(create.err()).isZero();

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<Cli.Result> overwrite = pool.submit(() -> Cli.run("generate", "--spec", spec(), "--rows",
          "300000", "--output", table, "--mode", "overwrite", "--seed", "2"));
      java.util.concurrent.Future<Cli.Result> append = pool.submit(() -> Cli.run("generate", "--spec", spec(), "--rows",
          "20000", "--output", table, "--mode", "append", "--seed", "3"));
      Cli.Result overwritten = overwrite.get(5, TimeUnit.MINUTES);
      Cli.Result appended = append.get(5, TimeUnit.MINUTES);
      assertThat(appended.status()).as("a blind append never conflicts: %s", appended.err()).isZero();
      long rows = spark.read().format("delta").load(table).count();
      if (overwritten.status() == 0) {
        // Serial in one order or the other: the append landed after the overwrite, or before it and was replaced.
        assertThat(rows).isIn(300_000L + 20_000L, 300_000L);
      } else {
        assertThat(overwritten.status()).isEqualTo(2);
        assertThat(overwritten.err().strip()).startsWith("synthlake: error: another job changed the Delta table")
            .contains("at the same time", "rerun it").doesNotContain("\n");
        assertThat(rows).isEqualTo(1000L + 20_000L);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tenJobsWithOneGigabyteHeapsRunAtOnce() throws Exception {
    long start = System.nanoTime();
    List<Process> jobs = new ArrayList<>();
    for (int job = 0; job < 10; job++) {
      String format = job % 2 == 0 ? "delta" : "parquet";
      jobs.add(ChildJvm.start("1g", temp.resolve("job-" + job + ".log"), "generate", "--spec", spec(), "--rows", "300000",
          "--output", temp.resolve("out-" + job).toString(), "--format", format, "--seed", Integer.toString(job)));
    }

    for (int job = 0; job < 10; job++) {
      Process process = jobs.get(job);
      assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("job %d finished", job).isTrue();
      assertThat(process.exitValue()).as(Files.readString(temp.resolve("job-" + job + ".log"))).isZero();
    }

    SparkSession spark = SharedSpark.session();
    for (int job = 0; job < 10; job++) {
      String format = job % 2 == 0 ? "delta" : "parquet";
      assertThat(spark.read().format(format).load(temp.resolve("out-" + job).toString()).count()).isEqualTo(300_000);
    }

    System.out.printf("ten parallel generate jobs (1 GiB heaps, 300,000 banking rows each) took %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  private static String spec() {
    return Path.of("..", "conf", "banking.yaml").toAbsolutePath().toString();
  }
}
