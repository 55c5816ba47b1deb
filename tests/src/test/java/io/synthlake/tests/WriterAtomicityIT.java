package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that fails half way leaves the previous output exactly as it was, and no staging files
 * behind.
 */
class WriterAtomicityIT {
  @TempDir Path temp;

  @Test
  void failedOverwriteKeepsThePreviousParquetOutput() throws IOException {
    SparkSession spark = SharedSpark.session();
    String output = temp.resolve("table").toString();
    TableWriter.toPath(
        spark.range(1000).toDF(),
        output,
        WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.ERROR).build());

    // raise_error fails the task that reaches id 150000, after other tasks have written their
    // files.
    Dataset<Row> failing =
        spark.range(0, 200_000, 1, 4).selectExpr("if(id = 150000, raise_error('boom'), id) as id");
    assertThatThrownBy(
            () ->
                TableWriter.toPath(
                    failing,
                    output,
                    WriteOptions.builder()
                        .format(OutputFormat.PARQUET)
                        .mode(WriteMode.OVERWRITE)
                        .build()))
        .hasStackTraceContaining("boom");

    assertThat(spark.read().parquet(output).count()).isEqualTo(1000);
    try (Stream<Path> siblings = Files.list(temp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("table");
    }
  }

  @Test
  void overwriteAndAppendReplaceOrAddOnlyOnSuccess() {
    SparkSession spark = SharedSpark.session();
    String output = temp.resolve("csv").toString();
    TableWriter.toPath(
        spark.range(10).toDF(),
        output,
        WriteOptions.builder().format(OutputFormat.CSV).mode(WriteMode.ERROR).build());
    TableWriter.toPath(
        spark.range(20).toDF(),
        output,
        WriteOptions.builder().format(OutputFormat.CSV).mode(WriteMode.APPEND).build());
    assertThat(spark.read().option("header", "true").csv(output).count()).isEqualTo(30);
    TableWriter.toPath(
        spark.range(5).toDF(),
        output,
        WriteOptions.builder().format(OutputFormat.CSV).mode(WriteMode.OVERWRITE).build());
    assertThat(spark.read().option("header", "true").csv(output).count()).isEqualTo(5);
  }
}
