package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, and every bad input it must reject with a one-line message and exit
 * status 2.
 */
class CliIT {
  @TempDir static Path temp;

  private static SparkSession spark;
  private static String model;

  @BeforeAll
  static void fitPenguins() {
    spark = SharedSpark.session();
    model = temp.resolve("penguins.json").toString();
    Cli.Result fit =
        run("fit", "--input", SharedSpark.dataset("penguins.csv"), "--model", model, "--seed", "3");
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("Fitted 7 columns");
  }

  @Test
  void mainJobFitsDescribesAndGeneratesIntoDelta() {
    Cli.Result describe = run("describe", "--model", model);
    assertThat(describe.status()).isZero();
    assertThat(describe.out())
        .contains("Species", "categorical", "Body Mass (g)", "integer", "Dependence: mixture of");

    String output = temp.resolve("delta-out").toString();
    Cli.Result generate =
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "50000",
            "--output",
            output,
            "--format",
            "delta",
            "--partitions",
            "3");
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(generate.out()).contains("Generated 50,000 rows");
    Dataset<Row> written = spark.read().format("delta").load(output);
    assertThat(written.count()).isEqualTo(50_000);
    assertThat(written.columns()).contains("Beak Length (mm)", "Body Mass (g)");

    Cli.Result again = run("generate", "--model", model, "--rows", "10", "--output", output);
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("already exists", "--mode overwrite");
    assertThat(spark.read().format("delta").load(output).count())
        .as("untouched after the refusal")
        .isEqualTo(50_000);

    Cli.Result append =
        run("generate", "--model", model, "--rows", "10", "--output", output, "--mode", "append");
    assertThat(append.status()).isZero();
    assertThat(spark.read().format("delta").load(output).count()).isEqualTo(50_010);
  }

  @Test
  void generatesIntoCatalogTables() {
    Cli.Result delta =
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "1234",
            "--table",
            "synthetic_penguins",
            "--format",
            "delta");
    assertThat(delta.status()).as(delta.err()).isZero();
    assertThat(spark.table("synthetic_penguins").count()).isEqualTo(1234);
    Cli.Result refused =
        run("generate", "--model", model, "--rows", "5", "--table", "synthetic_penguins");
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err()).contains("table synthetic_penguins already exists");
    Cli.Result replaced =
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "99",
            "--table",
            "synthetic_penguins",
            "--mode",
            "overwrite");
    assertThat(replaced.status()).as(replaced.err()).isZero();
    assertThat(spark.table("synthetic_penguins").count()).isEqualTo(99);

    Cli.Result fitFromTable =
        run(
            "fit",
            "--table",
            "synthetic_penguins",
            "--model",
            temp.resolve("from-table.json").toString());
    assertThat(fitFromTable.status()).as(fitFromTable.err()).isZero();
    assertError(
        run("fit", "--table", "no_such_table", "--model", temp.resolve("x.json").toString()),
        "table no_such_table does not exist");
  }

  @Test
  void badNumbersAndOptions() {
    assertError(
        run("generate", "--model", model, "--rows", "0", "--output", temp.resolve("x").toString()),
        "--rows must be a positive whole number");
    assertError(
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "many",
            "--output",
            temp.resolve("x").toString()),
        "--rows must be a whole number, got 'many'");
    assertError(
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "5",
            "--output",
            temp.resolve("x").toString(),
            "--mode",
            "sometimes"),
        "--mode 'sometimes'");
    assertError(
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "5",
            "--output",
            temp.resolve("x").toString(),
            "--format",
            "orc"),
        "--format 'orc'");
    assertError(
        run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            temp.resolve("m.json").toString(),
            "--exclude",
            "Wingspan"),
        "--exclude names column 'Wingspan'");
    assertError(
        run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            temp.resolve("m.json").toString(),
            "--kind",
            "Wingspan=key"),
        "column 'Wingspan'");
    assertError(
        run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            temp.resolve("m.json").toString(),
            "--kind",
            "Species=colour"),
        "unknown column kind 'colour'");
    assertError(
        run(
            "fit",
            "--input",
            temp.resolve("nowhere.csv").toString(),
            "--model",
            temp.resolve("m.json").toString()),
        "does not exist");
    assertError(run("frobnicate"), "unknown command 'frobnicate'");
    assertError(run("fit", "--model", "m.json", "--bogus", "1"), "unknown option --bogus");
  }

  @Test
  void badModelFiles() throws IOException {
    assertError(
        run("describe", "--model", temp.resolve("missing.json").toString()), "does not exist");
    String text = Files.readString(Path.of(model));
    Path truncated =
        Files.writeString(temp.resolve("truncated.json"), text.substring(0, text.length() / 2));
    assertError(
        run(
            "generate",
            "--model",
            truncated.toString(),
            "--rows",
            "5",
            "--output",
            temp.resolve("t").toString()),
        "is not valid JSON");
    Path future =
        Files.writeString(
            temp.resolve("future.json"),
            text.replace("\"format-version\" : 1", "\"format-version\" : 9"));
    assertError(run("describe", "--model", future.toString()), "format-version 9");
    Path other = Files.writeString(temp.resolve("other.json"), "{\"hello\": 1}");
    assertError(run("describe", "--model", other.toString()), "is not a synthlake model");
  }

  @Test
  void badInputData() throws IOException {
    Path empty = Files.writeString(temp.resolve("empty.csv"), "a,b\n");
    assertError(fit(empty), "has no rows");
    Path allNull = Files.writeString(temp.resolve("allnull.csv"), "a,b\n1,\n2,\n3,\n");
    assertError(fit(allNull), "column 'b' is null in all 3 sampled rows");
    Path constant = Files.writeString(temp.resolve("constant.csv"), "a,b\n1,x\n2,x\n3,x\n");
    assertError(fit(constant), "column 'b' holds the single value 'x'");
    Cli.Result kept =
        run(
            "fit",
            "--input",
            constant.toString(),
            "--model",
            temp.resolve("kept.json").toString(),
            "--degenerate",
            "keep");
    assertThat(kept.status()).as(kept.err()).isZero();
    Path nan = Files.writeString(temp.resolve("nan.csv"), "a,b\n1,0.5\n2,NaN\n3,Infinity\n4,1.5\n");
    assertError(fit(nan), "column 'b' has 2 NaN or infinite values");

    String nested = temp.resolve("nested").toString();
    spark
        .sql("select id, named_struct('x', id) as point, array(id) as list from range(50)")
        .write()
        .parquet(nested);
    Cli.Result skipped =
        run(
            "fit",
            "--input",
            nested,
            "--model",
            temp.resolve("nested.json").toString(),
            "--degenerate",
            "keep");
    assertThat(skipped.status()).as(skipped.err()).isZero();
    assertError(
        run(
            "fit",
            "--input",
            nested,
            "--model",
            temp.resolve("nested.json").toString(),
            "--unsupported",
            "fail"),
        "columns point (struct<x:bigint>), list (array<bigint>) have types synthlake cannot model");
  }

  @Test
  void deltaStatisticsCanBeChosen() {
    String none = temp.resolve("stats-none").toString();
    Cli.Result generate =
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "1000",
            "--output",
            none,
            "--delta-stats",
            "none");
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(
            spark
                .sql("describe detail delta.`" + none + "`")
                .select("properties")
                .first()
                .<String, String>getJavaMap(0))
        .containsEntry("delta.dataSkippingNumIndexedCols", "0");

    String all = temp.resolve("stats-all").toString();
    assertThat(
            run(
                    "generate",
                    "--model",
                    model,
                    "--rows",
                    "1000",
                    "--output",
                    all,
                    "--delta-stats",
                    "all")
                .status())
        .isZero();
    assertThat(
            spark
                .sql("describe detail delta.`" + all + "`")
                .select("properties")
                .first()
                .<String, String>getJavaMap(0))
        .doesNotContainKeys("delta.dataSkippingNumIndexedCols", "delta.dataSkippingStatsColumns");

    assertError(
        run(
            "generate",
            "--model",
            model,
            "--rows",
            "10",
            "--output",
            temp.resolve("x").toString(),
            "--delta-stats",
            "some"),
        "generate: --delta-stats takes all, non-string or none, got 'some'");
  }

  private static Cli.Result fit(Path input) {
    return run("fit", "--input", input.toString(), "--model", temp.resolve("bad.json").toString());
  }

  private static void assertError(Cli.Result result, String message) {
    assertThat(result.status()).as("exit status; stderr: %s", result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("synthlake: error: ").contains(message);
    assertThat(result.err().strip().lines().count()).as("one line: %s", result.err()).isEqualTo(1);
  }

  private static Cli.Result run(String... args) {
    return Cli.run(args);
  }
}
