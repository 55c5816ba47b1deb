package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders, their lines keyed by (order id, line number), and shipments that reference a line by that
 * composite key, made in Spark SQL and fitted and generated through Spark: line numbers run 1 to n
 * within each order, the composite key is unique and every shipment joins its line, on both
 * columns, whatever the partitioning.
 */
class CompositeKeyIT {
  private static final List<String> RELATIONS =
      List.of("lines.order_id=orders.id", "shipments.order_id,line=lines.order_id,line_no");

  private static SparkSession spark;
  private static TableSetModel model;
  private static Map<String, Dataset<Row>> real;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    Dataset<Row> orders =
        spark.sql(
            "SELECT id, CAST(20 + pmod(hash(id), 400) AS DOUBLE) AS total FROM range(1000, 4000)");
    orders.createOrReplaceTempView("composite_orders");
    Dataset<Row> lines =
        spark.sql(
            "SELECT id AS order_id, CAST(line_no AS INT) AS line_no, total / 3 AS amount "
                + "FROM composite_orders LATERAL VIEW explode(sequence(1, pmod(hash(id, 1), 5) + 1)) "
                + "AS line_no");
    lines.createOrReplaceTempView("composite_lines");
    Dataset<Row> shipments =
        spark.sql(
            "SELECT order_id, line_no AS line, amount / 10 + copy AS weight FROM composite_lines "
                + "LATERAL VIEW explode(sequence(1, pmod(hash(order_id, line_no), 3) + 1)) AS copy");
    real = Map.of("orders", orders, "lines", lines, "shipments", shipments);
    model =
        Synthesizer.fitTables(
            real, RELATIONS, FitOptions.builder().seed(4).maxComponents(1).build());
  }

  @Test
  void describesTheOrdinalAndTheCompositeKey() {
    assertThat(model.describe())
        .contains("line_no: numbers the rows within their orders row from 1")
        .contains("order_id,line -> lines.order_id,line_no (parent");
    assertThat(model.schema("shipments").fieldNames())
        .containsExactly("order_id", "line", "weight");
  }

  @Test
  void compositeKeysAreUniqueAndJoinOnBothColumns(@TempDir Path dir) {
    model.save(spark, dir.resolve("orders.json").toString());
    TableSetModel loaded = TableSetModel.load(spark, dir.resolve("orders.json").toString());
    Map<String, Dataset<Row>> tables =
        loaded.generate(spark, "orders", 12_000, GenerateOptions.defaults().withSeed(6));
    Dataset<Row> lines = tables.get("lines");
    Dataset<Row> shipments = tables.get("shipments");
    long lineRows = lines.count();
    assertThat(lineRows).isPositive();
    assertThat(lines.select("order_id", "line_no").distinct().count()).isEqualTo(lineRows);
    Row numbering =
        lines
            .groupBy("order_id")
            .agg(
                functions.min("line_no").alias("first"),
                functions.max("line_no").alias("last"),
                functions.count(functions.lit(1)).alias("lines"))
            .agg(
                functions.min("first"),
                functions.max("first"),
                functions.sum(functions.expr("CAST(last = lines AS INT)")),
                functions.count(functions.lit(1)))
            .first();
    assertThat(numbering.getInt(0)).isEqualTo(1);
    assertThat(numbering.getInt(1)).isEqualTo(1);
    assertThat(numbering.getLong(2)).isEqualTo(numbering.getLong(3));
    assertThat(shipments.count()).isPositive();
    assertThat(
            shipments
                .join(
                    lines,
                    shipments
                        .col("order_id")
                        .equalTo(lines.col("order_id"))
                        .and(shipments.col("line").equalTo(lines.col("line_no"))),
                    "left_anti")
                .count())
        .isZero();
  }

  @Test
  void evaluateJoinsCompositeKeysOnEveryColumn() {
    Map<String, Dataset<Row>> synthetic =
        model.generate(spark, "orders", 3_000, GenerateOptions.defaults().withSeed(2));
    // A shipment whose line number points past its order's lines joins on the order id alone.
    Dataset<Row> shipments = synthetic.get("shipments");
    Map<String, Dataset<Row>> broken = new java.util.LinkedHashMap<>(synthetic);
    broken.put(
        "shipments",
        shipments.withColumn(
            "line",
            functions
                .when(functions.monotonically_increasing_id().equalTo(0), 999)
                .otherwise(functions.col("line"))));
    TableSetEvaluationResult result = Evaluation.evaluateTables(real, real, broken, RELATIONS);
    RelationReport composite =
        result.relations().stream()
            .filter(report -> report.child().equals("shipments"))
            .findFirst()
            .orElseThrow();
    assertThat(composite.trainIntegrity().orphans()).isZero();
    assertThat(composite.syntheticIntegrity().orphans()).isEqualTo(1);
    assertThat(result.keys())
        .anySatisfy(
            key -> {
              assertThat(key.key()).isEqualTo("order_id,line_no");
              assertThat(key.synthetic().unique()).isTrue();
            });
  }

  @Test
  void rowsDoNotDependOnThePartitioning() {
    Map<String, Dataset<Row>> one =
        model.generate(spark, "orders", 9_000, GenerateOptions.defaults().withPartitions(1));
    Map<String, Dataset<Row>> three =
        model.generate(spark, "orders", 9_000, GenerateOptions.defaults().withPartitions(3));
    for (String table : model.tables()) {
      assertThat(one.get(table).count()).isEqualTo(three.get(table).count());
      assertThat(one.get(table).exceptAll(three.get(table)).count()).isZero();
    }
  }
}
