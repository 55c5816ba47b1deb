package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write killed at any moment is completed or cleaned up by the next run or by {@code synthlake
 * recover PATH}. The moments between the renames of a publication are laid out on disk as a kill
 * leaves them (the journal, the staging directory, the old output); the moments inside a Spark job
 * are real: a child JVM killed with SIGKILL.
 */
class RecoveryIT {
  @TempDir Path temp;

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SharedSpark.session();
  }

  @Test
  void anOverwriteKilledBetweenItsRenamesIsCompleted() throws Exception {
    for (String step :
        List.of("journal written", "old output moved aside", "new output moved in")) {
      Path parent = Files.createDirectories(temp.resolve(step.replace(' ', '-')));
      Path target = parent.resolve("out");
      write(spark.range(100), target, WriteMode.ERROR);
      Path staging = parent.resolve(".out.synthlake-staging-1");
      write(spark.range(1000, 1250), staging, WriteMode.ERROR);
      journal(parent, "overwrite", ".out.synthlake-staging-1", ".out.synthlake-old-1");
      if (!step.equals("journal written")) {
        Files.move(target, parent.resolve(".out.synthlake-old-1"));
      }

      if (step.equals("new output moved in")) {
        Files.move(staging, target);
      }

      List<String> report = TableWriter.recover(spark, target.toString(), false);
      assertThat(report)
          .as(step)
          .singleElement()
          .asString()
          .startsWith("completed an interrupted overwrite of ");
      assertThat(spark.read().parquet(target.toString()).count()).as(step).isEqualTo(250);
      assertThat(spark.read().parquet(target.toString()).where("id < 1000").count())
          .as(step)
          .isZero();
      assertThat(names(parent)).as(step).containsExactly("out");
    }
  }

  @Test
  void anAppendKilledHalfWayThroughItsMovesIsCompletedByTheNextRun() throws Exception {
    Path target = temp.resolve("out");
    write(spark.range(100), target, WriteMode.ERROR);
    Path staging = temp.resolve(".out.synthlake-staging-2");
    write(spark.range(1000, 1300).repartition(3), staging, WriteMode.ERROR);
    journal(temp, "append", ".out.synthlake-staging-2", null);
    try (Stream<Path> files = Files.list(staging)) {
      Path first =
          files
              .filter(file -> file.getFileName().toString().startsWith("part-"))
              .findFirst()
              .orElseThrow();
      Files.move(first, target.resolve("moved-" + first.getFileName()));
    }

    // The next write to the same output completes the append before it adds its own rows.
    write(spark.range(5000, 5010), target, WriteMode.APPEND);
    assertThat(spark.read().parquet(target.toString()).count()).isEqualTo(100 + 300 + 10);
    assertThat(spark.read().parquet(target.toString()).distinct().count()).isEqualTo(410);
    assertThat(names(temp)).containsExactly("out");
  }

  @Test
  void aParquetWriteKilledInsideItsJobLeavesStagingThatTheNextRunRemoves() throws Exception {
    Path target = temp.resolve("banking");
    Path staging =
        killWhileWriting(
            target,
            "parquet",
            path ->
                path.getFileName().toString().startsWith(".banking.synthlake-staging-")
                    && Files.isDirectory(path)
                    && countParts(path) > 0);
    assertThat(target).doesNotExist();
    assertThat(staging).exists();

    Cli.Result again =
        Cli.run(
            "generate",
            "--spec",
            spec(),
            "--rows",
            "20000",
            "--output",
            target.toString(),
            "--format",
            "parquet");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(spark.read().parquet(target.toString()).count()).isEqualTo(20_000);
    assertThat(names(temp))
        .as("the killed job's staging directory and owner file are gone")
        .containsExactly("banking");
  }

  @Test
  void aDeltaTableKilledBeforeItsFirstCommitIsRemovedByRecover() throws Exception {
    Path target = temp.resolve("banking-delta");
    killWhileWriting(target, "delta", path -> path.equals(target) && countParts(path) > 0);
    assertThat(target.resolve(".synthlake-creating")).exists();

    Cli.Result recover = Cli.run("recover", target.toString());
    assertThat(recover.status()).as(recover.err()).isZero();
    assertThat(recover.out()).contains("a Delta table whose first commit never happened");
    assertThat(target).doesNotExist();

    Cli.Result again =
        Cli.run("generate", "--spec", spec(), "--rows", "20000", "--output", target.toString());
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(spark.read().format("delta").load(target.toString()).count()).isEqualTo(20_000);
    assertThat(Cli.run("recover", target.toString()).out())
        .contains("Nothing to recover", "VACUUM");
  }

  @Test
  void aStagingDirectoryOfALiveProcessIsLeftAndReported() throws Exception {
    Path target = temp.resolve("busy");
    Path staging = Files.createDirectories(temp.resolve(".busy.synthlake-staging-3"));
    Files.writeString(
        temp.resolve(".busy.synthlake-staging-3.owner"),
        String.join(
            "\n",
            "host=" + InetAddress.getLocalHost().getHostName(),
            "pid=" + ProcessHandle.current().pid(),
            "started=" + ManagementFactory.getRuntimeMXBean().getStartTime()),
        StandardCharsets.UTF_8);

    assertThat(TableWriter.recover(spark, target.toString(), false))
        .singleElement()
        .asString()
        .contains(
            "left the staging directory .busy.synthlake-staging-3",
            "is still running",
            "synthlake recover");
    assertThat(staging).exists();
    assertThat(TableWriter.recover(spark, target.toString(), true))
        .singleElement()
        .asString()
        .contains("removed");
    assertThat(names(temp)).isEmpty();
  }

  /**
   * Starts generate in a child JVM, kills it with SIGKILL once {@code ready} holds for a path
   * beside the target.
   */
  private Path killWhileWriting(
      Path target, String format, java.util.function.Predicate<Path> ready) throws Exception {
    Process child =
        ChildJvm.start(
            "1g",
            temp.resolve(format + ".log"),
            "generate",
            "--spec",
            spec(),
            "--rows",
            "200000000",
            "--output",
            target.toString(),
            "--format",
            format,
            "--partitions",
            "40");
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() < deadline && child.isAlive()) {
        try (Stream<Path> siblings = Files.list(temp)) {
          java.util.Optional<Path> found = siblings.filter(ready).findFirst();
          if (found.isPresent()) {
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally block runs
            return found.get();
          }
        }

        Thread.sleep(100);
      }

      throw new AssertionError(
          "the child never started writing; its log:\n"
              + Files.readString(temp.resolve(format + ".log")));
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  private static long countParts(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().startsWith("part-")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String spec() {
    return Path.of("..", "conf", "banking.yaml").toAbsolutePath().toString();
  }

  private static void write(org.apache.spark.sql.Dataset<Long> ids, Path path, WriteMode mode) {
    TableWriter.toPath(
        ids.toDF("id"),
        path.toString(),
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(mode).build());
  }

  /**
   * The journal a publication writes before its first rename (OutputPublisher's on-disk format).
   */
  private static void journal(Path parent, String operation, String staging, String old)
      throws IOException {
    Files.writeString(
        parent.resolve(".out.synthlake-publish"),
        "operation="
            + operation
            + "\nstaging="
            + staging
            + "\n"
            + (old == null ? "" : "old=" + old + "\n"),
        StandardCharsets.UTF_8);
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> !name.endsWith(".log"))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
