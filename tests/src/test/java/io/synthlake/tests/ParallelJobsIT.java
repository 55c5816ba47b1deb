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
 * Jobs that run at the same time: two appending to one Delta table, and ten generate jobs with 1
 * GiB heaps on this machine at once. Each job is a JVM of its own, as spark-submit would start it.
 */
class ParallelJobsIT {
  @TempDir Path temp;

  @Test
  void twoJobsAppendingToOneDeltaTableLoseAndDoubleNothing() throws Exception {
    // One seed for all three runs: each append continues after the rows it found, so two appends
    // that found the same
    // rows would write the same keys; the later commit must then fail rather than double them.
    String table = temp.resolve("shared").toString();
    Cli.Result create = Cli.run("generate", "--spec", spec(), "--rows", "1000", "--output", table);
    assertThat(create.status()).as(create.err()).isZero();

    List<Process> jobs = new ArrayList<>();
    for (int job = 0; job < 2; job++) {
      jobs.add(
          ChildJvm.start(
              "1g",
              temp.resolve("append-" + job + ".log"),
              "generate",
              "--spec",
              spec(),
              "--rows",
              Integer.toString(50_000 * (job + 1)),
              "--output",
              table,
              "--mode",
              "append"));
    }

    long expected = 1000;
    for (int job = 0; job < 2; job++) {
      Process process = jobs.get(job);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("append %d finished", job).isTrue();
      String log = Files.readString(temp.resolve("append-" + job + ".log"));
      if (process.exitValue() == 0) {
        expected += 50_000L * (job + 1);
      } else {
        // The one way a job may fail: a clear, one-line conflict error, and nothing of it in the
        // table.
        assertThat(process.exitValue()).as(log).isEqualTo(2);
        assertThat(log).contains("synthlake: error:").contains("at the same time");
      }
    }

    SparkSession spark = SharedSpark.session();
    assertThat(spark.read().format("delta").load(table).count()).isEqualTo(expected);
    assertThat(spark.read().format("delta").load(table).select("transaction_id").distinct().count())
        .as("no key written twice")
        .isEqualTo(expected);
  }

  @Test
  void anOverwriteRacingAnAppendEitherFollowsItOrFailsClearly() throws Exception {
    SparkSession spark = SharedSpark.session();
    String table = temp.resolve("raced").toString();
    Cli.Result create =
        Cli.run("generate", "--spec", spec(), "--rows", "1000", "--output", table, "--seed", "1");
    assertThat(create.status()).as(create.err()).isZero();

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<Cli.Result> overwrite =
          pool.submit(
              () ->
                  Cli.run(
                      "generate",
                      "--spec",
                      spec(),
                      "--rows",
                      "300000",
                      "--output",
                      table,
                      "--mode",
                      "overwrite",
                      "--seed",
                      "2"));
      java.util.concurrent.Future<Cli.Result> append =
          pool.submit(
              () ->
                  Cli.run(
                      "generate",
                      "--spec",
                      spec(),
                      "--rows",
                      "20000",
                      "--output",
                      table,
                      "--mode",
                      "append",
                      "--seed",
                      "3"));
      Cli.Result overwritten = overwrite.get(5, TimeUnit.MINUTES);
      Cli.Result appended = append.get(5, TimeUnit.MINUTES);
      long rows = spark.read().format("delta").load(table).count();
      for (Cli.Result result : List.of(overwritten, appended)) {
        if (result.status() != 0) {
          assertThat(result.status()).as(result.err()).isEqualTo(2);
          assertThat(result.err().strip())
              .startsWith("synthlake: error: another job changed the Delta table")
              .contains("at the same time", "rerun it")
              .doesNotContain("\n");
        }
      }

      assertThat(overwritten.status() + appended.status())
          .as("at least one of them commits")
          .isLessThan(4);
      if (overwritten.status() != 0) {
        assertThat(rows).isEqualTo(1000L + 20_000L);
      } else if (appended.status() != 0) {
        assertThat(rows).isEqualTo(300_000L);
      } else {
        // Serial in one order or the other: the append landed after the overwrite, or before it and
        // was replaced.
        assertThat(rows).isIn(300_000L + 20_000L, 300_000L);
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
      jobs.add(
          ChildJvm.start(
              "1g",
              temp.resolve("job-" + job + ".log"),
              "generate",
              "--spec",
              spec(),
              "--rows",
              "300000",
              "--output",
              temp.resolve("out-" + job).toString(),
              "--format",
              format,
              "--seed",
              Integer.toString(job)));
    }

    for (int job = 0; job < 10; job++) {
      Process process = jobs.get(job);
      assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("job %d finished", job).isTrue();
      assertThat(process.exitValue())
          .as(Files.readString(temp.resolve("job-" + job + ".log")))
          .isZero();
    }

    SparkSession spark = SharedSpark.session();
    for (int job = 0; job < 10; job++) {
      String format = job % 2 == 0 ? "delta" : "parquet";
      assertThat(spark.read().format(format).load(temp.resolve("out-" + job).toString()).count())
          .isEqualTo(300_000);
    }

    System.out.printf(
        "ten parallel generate jobs (1 GiB heaps, 300,000 banking rows each) took %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  private static String spec() {
    return Path.of("..", "conf", "banking.yaml").toAbsolutePath().toString();
  }
}
