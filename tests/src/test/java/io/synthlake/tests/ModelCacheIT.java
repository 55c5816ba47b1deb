package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.source.ModelCache;
import io.synthlake.spark.source.SynthlakeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data source caches models on their content. "Aa" and "BB" have the same String.hashCode, so
 * two models that differ only in a column named one or the other have JSON of the same hashCode and
 * length: a cache keyed on those two numbers gave the second model the first one's columns.
 */
class ModelCacheIT {
  private static SparkSession spark;
  private static String aa;
  private static String bb;

  @BeforeAll
  static void models() {
    spark = SharedSpark.session();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(RowFactory.create((double) i, (double) (i % 7)));
    }

    Dataset<Row> input =
        spark.createDataFrame(
            rows, new StructType().add("Aa", DataTypes.DoubleType).add("y", DataTypes.DoubleType));
    aa = Synthesizer.fit(input, FitOptions.builder().seed(3).build()).toJson();
    bb = aa.replace("\"Aa\"", "\"BB\"");
  }

  @Test
  void collidingJsonIsTwoModels() {
    assertThat(bb).isNotEqualTo(aa);
    assertThat(bb.hashCode()).isEqualTo(aa.hashCode());
    assertThat(bb.length()).isEqualTo(aa.length());
    assertThat(ModelCache.keyOf(bb)).isNotEqualTo(ModelCache.keyOf(aa)).startsWith("sha256:");

    SynthlakeSource source = new SynthlakeSource();
    assertThat(source.inferSchema(options(aa)).fieldNames()).containsExactly("Aa", "y");
    assertThat(source.inferSchema(options(bb)).fieldNames()).containsExactly("BB", "y");
    assertThat(
            spark
                .read()
                .format("synthlake")
                .option("model-json", bb)
                .option("rows", 10)
                .load()
                .columns())
        .containsExactly("BB", "y");
  }

  @Test
  void modelsHandedOverInProcessKeepTheirOwnColumns(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("aa.json"), aa);
    Files.writeString(dir.resolve("bb.json"), bb);
    SynthesisModel first = SynthesisModel.load(spark, dir.resolve("aa.json").toString());
    SynthesisModel second = SynthesisModel.load(spark, dir.resolve("bb.json").toString());
    Dataset<Row> fromFirst = first.generate(spark, 100, GenerateOptions.defaults());
    Dataset<Row> fromSecond = second.generate(spark, 100, GenerateOptions.defaults());
    assertThat(fromFirst.columns()).containsExactly("Aa", "y");
    assertThat(fromSecond.columns()).containsExactly("BB", "y");
    assertThat(fromSecond.count()).isEqualTo(100);

    // The same rows as reading the file: handing the model over changes nothing but the parsing.
    Dataset<Row> fromFile =
        spark
            .read()
            .format("synthlake")
            .option("model", dir.resolve("bb.json").toString())
            .option("rows", 100)
            .load();
    assertThat(fromSecond.collectAsList()).isEqualTo(fromFile.collectAsList());
    assertThat(fromSecond.queryExecution().analyzed().toString()).doesNotContain("model-json");
  }

  private static CaseInsensitiveStringMap options(String json) {
    return new CaseInsensitiveStringMap(Map.of("model-json", json, "rows", "10"));
  }
}
