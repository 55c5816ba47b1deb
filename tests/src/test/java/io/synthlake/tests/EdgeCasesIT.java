package io.synthlake.tests;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.fit.FitSettings;
import io.synthlake.core.fit.ModelFitter;
import io.synthlake.core.fit.SampleColumn;
import io.synthlake.core.fit.SampleTable;
import io.synthlake.core.fit.ScoreClusterer;
import io.synthlake.core.format.ModelJson;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import io.synthlake.spark.source.GeneratedRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edge-case rows through the data source, written to Parquet and Delta by the direct writers and
 * read back by Spark: every value is one Spark reads, the share and the marker are right, keys stay
 * unique and the other rows are those of a run without edge cases.
 */
class EdgeCasesIT {
  /** Three full blocks and a partial fourth. */
  private static final long ROWS = 3 * 4096 + 777;

  @TempDir static Path temp;

  private static SparkSession spark;
  private static String model;
  private static String zone;

  @BeforeAll
  static void model() throws IOException {
    spark = SharedSpark.session();
    zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "America/New_York");
    Path spec = Path.of("src", "test", "resources", "every-type.yaml");
    model =
        Files.writeString(
                temp.resolve("every-type.json"),
                ModelJson.toJson(
                    SpecCompiler.read(Files.readString(spec), spec.toString(), 1, ROWS).model()))
            .toString();
  }

  @AfterAll
  static void zone() {
    spark.conf().set("spark.sql.session.timeZone", zone);
  }

  private static DataFrameReader reader(int partitions) {
    return spark
        .read()
        .format("synthlake")
        .option("model", model)
        .option("rows", ROWS)
        .option("seed", 5)
        .option("partitions", partitions);
  }

  private static Dataset<Row> edgeCases(int partitions) {
    return reader(partitions).option("edge-cases", "0.02").load();
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "delta"})
  void writtenFilesHoldValidBoundaryRowsAndTheMarker(String format) {
    Dataset<Row> rows = edgeCases(3);
    assertThat(GeneratedRows.of(rows)).as("written straight from the blocks").isPresent();
    String path = temp.resolve(format).toString();
    TableWriter.toPath(
        rows,
        path,
        WriteOptions.builder()
            .format(OutputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT)))
            .mode(WriteMode.ERROR)
            .build());
    Dataset<Row> read = spark.read().format(format).load(path).cache();

    assertThat(read.count()).isEqualTo(ROWS);
    assertThat(read.columns()).endsWith("synthlake_edge_case");
    // 13,065 rows at 2%: 261 expected, standard deviation 16.0; ±80 (5 deviations) fails a correct
    // implementation with probability 6e-7.
    long flagged = read.filter(col("synthlake_edge_case")).count();
    assertThat(flagged).isBetween(181L, 341L);
    Row keys =
        read.agg(countDistinct("id"), countDistinct("event_id"), countDistinct("code")).first();
    assertThat(List.of(keys.getLong(0), keys.getLong(1), keys.getLong(2))).containsOnly(ROWS);
    // The rows not marked are the rows of a run without edge cases.
    Dataset<Row> plain = reader(2).load();
    assertThat(
            read.filter("not synthlake_edge_case")
                .drop("synthlake_edge_case")
                .except(plain)
                .count())
        .isZero();
    assertThat(plain.except(read.drop("synthlake_edge_case")).count()).isEqualTo(flagged);

    Dataset<Row> edges = read.filter(col("synthlake_edge_case"));
    assertThat(edges.filter("score is null or isnan(score) or score = double('Infinity')").count())
        .isPositive();
    assertThat(values(edges, "tiny")).contains((byte) -128, (byte) 127);
    assertThat(values(edges, "count")).contains(Integer.MIN_VALUE, Integer.MAX_VALUE);
    assertThat(values(edges, "price").stream().map(String::valueOf))
        .contains("9999999.99", "-9999999.99", "0.01");
    assertThat(values(edges, "grade")).contains("", "x".repeat(10_000), "مرحبا بالعالم 123");
    assertThat(values(edges, "signup"))
        .contains(
            java.sql.Date.valueOf(LocalDate.of(9999, 12, 30)),
            java.sql.Date.valueOf(LocalDate.of(2024, 2, 29)));
    // The last microsecond before New York springs forward, read back in the session's zone.
    assertThat(edges.filter("seen = timestamp'2024-03-10 01:59:59.999999'").count()).isPositive();
    // 02:30 on that day never happens in New York: a wall time only a timestamp-ntz holds.
    assertThat(values(edges, "local_seen")).contains(LocalDateTime.of(2024, 3, 10, 2, 30));
    read.unpersist();
  }

  @Test
  void theSameRowsWhateverThePartitionCount() {
    Dataset<Row> three = edgeCases(3);
    Dataset<Row> one = edgeCases(1);

    assertThat(three.except(one).count()).isZero();
    assertThat(one.except(three).count()).isZero();
    assertThat(three.filter(col("synthlake_edge_case")).count())
        .isEqualTo(one.filter(col("synthlake_edge_case")).count());
  }

  @Test
  void chosenColumnsAloneTakeBoundaryValues() {
    Dataset<Row> rows =
        reader(2)
            .option("edge-cases", "1")
            .option("edge-case-columns", "grade, signup")
            .option("edge-case-not-null", "grade")
            .load();
    Dataset<Row> plain = reader(2).load();

    assertThat(
            rows.drop("grade", "signup", "synthlake_edge_case")
                .except(plain.drop("grade", "signup"))
                .count())
        .isZero();
    assertThat(rows.filter("grade is null").count()).isZero();
    assertThat(rows.filter("signup is null").count()).isPositive();
  }

  @Test
  void badOptionsFailInOneLineNamingTheOption() {
    assertThatThrownBy(() -> reader(1).option("edge-cases", "2").load().count())
        .hasMessage("option 'edge-cases' must be a share of rows in [0, 1] such as 0.01, got 2");
    assertThatThrownBy(() -> reader(1).option("edge-cases", "a few").load().count())
        .hasMessage(
            "option 'edge-cases' must be a share of rows in [0, 1] such as 0.01, got 'a few'");
    assertThatThrownBy(
            () -> reader(1).option("edge-cases", "0.1").option("edge-case-columns", "id").load())
        .hasMessageContaining("'id' is a key column");
    assertThatThrownBy(() -> reader(1).option("edge-case-columns", "grade").load())
        .hasMessageContaining("refine the option 'edge-cases', which is missing");
  }

  @Test
  void theCommandLineWritesThem() {
    String out = temp.resolve("cli").toString();
    Cli.Result result =
        Cli.run(
            "generate",
            "--spec",
            Path.of("src", "test", "resources", "every-type.yaml").toString(),
            "--rows",
            "5000",
            "--output",
            out,
            "--format",
            "parquet",
            "--seed",
            "3",
            "--edge-cases",
            "0.05");
    assertThat(result.status()).as(result.err()).isZero();
    Dataset<Row> read = spark.read().parquet(out);
    // 5,000 rows at 5%: 250 expected, standard deviation 15.4; ±77 is five deviations.
    assertThat(read.filter(col("synthlake_edge_case")).count()).isBetween(173L, 327L);
    assertThat(read.agg(countDistinct("id")).first().getLong(0)).isEqualTo(5000L);
  }

  @Test
  void boundaryRowsKeepAFittedModelsDerivedColumnAndGroupedColumns() throws IOException {
    // Airports in states (drawn as a group's tuples) and a total that is repair plus other.
    int rows = 4000;
    SplittableRandom random = new SplittableRandom(5);
    String[] airport = new String[rows];
    String[] state = new String[rows];
    double[] repair = new double[rows];
    double[] other = new double[rows];
    double[] total = new double[rows];
    for (int row = 0; row < rows; row++) {
      int a = random.nextInt(40);
      airport[row] = "airport" + a;
      state[row] = "state" + a / 4;
      repair[row] = random.nextDouble() < 0.7 ? 0 : Math.rint(Math.exp(8 + random.nextGaussian()));
      other[row] = random.nextDouble() < 0.8 ? 0 : Math.rint(Math.exp(6 + random.nextGaussian()));
      total[row] = repair[row] + other[row];
    }

    DataType integer = DataType.of(LogicalType.INT);
    TableModel fitted =
        ModelFitter.fit(
                SampleTable.of(
                    List.of(
                        SampleColumn.strings("airport", airport),
                        SampleColumn.strings("state", state),
                        SampleColumn.numbers("repair", integer, repair, new boolean[rows]),
                        SampleColumn.numbers("other", integer, other, new boolean[rows]),
                        SampleColumn.numbers("total", integer, total, new boolean[rows]))),
                FitSettings.defaults(),
                (scores, components, seed) ->
                    new ScoreClusterer.Clustering(
                        new int[scores.length == 0 ? 0 : scores[0].length], "one component"))
            .model();
    assertThat(fitted.derivations()).hasSize(1);
    assertThat(fitted.groups()).hasSize(1);
    Path file = Files.writeString(temp.resolve("costs.json"), ModelJson.toJson(fitted));
    Dataset<Row> edges =
        spark
            .read()
            .format("synthlake")
            .option("model", file.toString())
            .option("rows", 3000)
            .option("seed", 6)
            .option("partitions", 2)
            .option("edge-cases", "1")
            .load()
            .selectExpr(
                "*",
                "cast(repair as bigint) + other as sum",
                "concat('state', cast(floor(cast(substr(airport, 8) as int) / 4) as string))"
                    + " as airports_state");

    assertThat(edges.filter("synthlake_edge_case").count()).isEqualTo(3000);
    // The total is its inputs' sum wherever both are set and the sum is an INT; else null.
    assertThat(edges.filter("total is not null and total != sum").count()).isZero();
    assertThat(edges.filter("total is null and sum between -2147483648 and 2147483647").count())
        .isZero();
    assertThat(edges.filter("total > 1000000000").count()).isPositive();
    // An airport comes with its own state, or both are null.
    assertThat(edges.filter("(airport is null) != (state is null)").count()).isZero();
    assertThat(edges.filter("airport is not null and state != airports_state").count()).isZero();
  }

  @Test
  void aSetOfRelatedTablesGetsThemInEachTablesOwnColumnsAndStillJoins() throws IOException {
    String out = temp.resolve("set").toString();
    Cli.Result set =
        Cli.run(
            "generate",
            "--spec",
            Path.of("..", "conf", "banking-lake.yaml").toString(),
            "--rows",
            "customers=150",
            "--output",
            out,
            "--format",
            "parquet",
            "--seed",
            "4",
            "--edge-cases",
            "0.05");
    assertThat(set.status()).as(set.err()).isZero();
    Dataset<Row> customers = spark.read().parquet(out + "/customers");
    Dataset<Row> merchants = spark.read().parquet(out + "/merchants");
    Dataset<Row> accounts = spark.read().parquet(out + "/accounts");
    Dataset<Row> transactions = spark.read().parquet(out + "/transactions");
    for (Dataset<Row> table : List.of(customers, merchants, accounts, transactions)) {
      assertThat(table.columns()).contains("synthlake_edge_case");
    }

    // Keys stay unique and every foreign key finds its row, edge rows included.
    assertThat(customers.agg(countDistinct("customer_id")).first().getLong(0))
        .isEqualTo(customers.count());
    assertThat(transactions.agg(countDistinct("transaction_id")).first().getLong(0))
        .isEqualTo(transactions.count());
    assertThat(accounts.join(customers, "customer_id").count()).isEqualTo(accounts.count());
    assertThat(transactions.join(accounts.select("account_id"), "account_id").count())
        .isEqualTo(transactions.count());
    assertThat(transactions.join(merchants.select("merchant_id"), "merchant_id").count())
        .isEqualTo(transactions.count());
    // About 2,000 transactions at 5%: some edge rows, whose amounts take boundary values.
    Dataset<Row> edges = transactions.filter(col("synthlake_edge_case"));
    assertThat(edges.count()).isPositive();
    assertThat(edges.filter("amount is null or amount = 0 or amount > 50000").count()).isPositive();
    assertThat(
            transactions
                .filter("not synthlake_edge_case and (amount is null or amount <= 0)")
                .count())
        .isZero();
  }

  @Test
  void aSetsTableThroughTheDataSourceNamesItsOwnColumnsAndNeverItsKeys() throws IOException {
    String banking = Files.readString(Path.of("..", "conf", "banking-lake.yaml"));
    Path set =
        Files.writeString(
            temp.resolve("banking.json"),
            TableSetJson.toJson(
                SpecCompiler.compileSet(banking, "banking-lake.yaml")
                    .build(5, "customers", 200)
                    .set()));
    Dataset<Row> accounts = accounts(set, "1", "account_type").load();
    Dataset<Row> plain = accounts(set, "0", "account_type").load();

    assertThat(accounts.filter("not synthlake_edge_case").count()).isZero();
    // Only the named column changes: keys, parent keys and the other columns are as without.
    assertThat(accounts.drop("account_type", "synthlake_edge_case").collectAsList())
        .isEqualTo(plain.drop("account_type", "synthlake_edge_case").collectAsList());
    assertThat(accounts.filter("account_type is null").count()).isPositive();
    assertThatThrownBy(() -> accounts(set, "0.1", "customer_id").load())
        .hasMessageContaining("'customer_id' of table 'accounts' is a foreign key")
        .hasMessageNotContaining("\n");
  }

  private static DataFrameReader accounts(Path set, String share, String columns) {
    return spark
        .read()
        .format("synthlake")
        .option("model", set.toString())
        .option("table", "accounts")
        .option("rows", 200)
        .option("seed", 2)
        .option("edge-cases", share)
        .option("edge-case-columns", columns);
  }

  private static List<Object> values(Dataset<Row> rows, String column) {
    return rows.select(column).collectAsList().stream().map(row -> row.get(0)).toList();
  }
}
