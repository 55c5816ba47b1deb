package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.Audience;
import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteOptions;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API's errors name its own methods, never a command-line flag; the CLI reads the same
 * errors with flags.
 */
class ApiMessagesIT {
  @TempDir static Path temp;

  @Test
  void optionErrorsNameTheApiMethods() {
    assertThatThrownBy(() -> FitOptions.builder().sampleRows(0))
        .isInstanceOf(SynthlakeException.class)
        .hasMessage("FitOptions.sampleRows must be a positive whole number, got 0")
        .satisfies(
            e ->
                assertThat(((SynthlakeException) e).messageFor(Audience.CLI))
                    .isEqualTo("--sample-rows must be a positive whole number, got 0"));
    assertThatThrownBy(() -> GenerateOptions.defaults().withFirstRow(-1))
        .hasMessageStartingWith("GenerateOptions.withFirstRow is out of range")
        .satisfies(
            e ->
                assertThat(((SynthlakeException) e).messageFor(Audience.CLI))
                    .startsWith("--first-row is out of range"));
  }

  @Test
  void anExistingOutputIsToldToChooseAWriteMode() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> rows = spark.range(3).toDF("id");
    String path = temp.resolve("out").toString();
    WriteOptions parquet = WriteOptions.builder().format(OutputFormat.PARQUET).build();
    TableWriter.toPath(rows, path, parquet);

    assertThatThrownBy(() -> TableWriter.toPath(rows, path, parquet))
        .hasMessage(
            "output "
                + path
                + " already exists: pass WriteOptions.mode(WriteMode.OVERWRITE) to replace it, "
                + "WriteOptions.mode(WriteMode.APPEND) to add to it, or choose another path of TableWriter.toPath")
        .satisfies(
            e ->
                assertThat(((SynthlakeException) e).messageFor(Audience.CLI))
                    .isEqualTo(
                        "output "
                            + path
                            + " already exists: pass --mode overwrite to replace it, --mode append to add to it, or choose another --output"));
  }
}
