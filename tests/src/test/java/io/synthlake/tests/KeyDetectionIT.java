package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Fitting and evaluation call the same columns keys (core's KeyRule): a unique integer column, a
 * column named like an identifier with 98% distinct values, UUID strings and unique codes are keys;
 * unique free text (which evaluation once set aside as a key) and an unnamed column with 90%
 * distinct values are not.
 */
class KeyDetectionIT {
  private static final List<String> KEYS = List.of("serial", "order_id", "ref", "account");
  private static final List<String> NOT_KEYS = List.of("note", "almost", "amount", "region");

  @Test
  void fitAndEvaluateAgreeOnKeys() {
    SparkSession spark = SharedSpark.session();
    Random random = new Random(5);
    List<Row> rows = new ArrayList<>();
    String[] regions = {"north", "south", "east", "west"};
    for (int i = 0; i < 1000; i++) {
      int named = i % 50 == 0 ? i + 1 : i; // 2% repeats: 98% distinct
      int unnamed = i % 10 == 0 ? i + 1 : i; // 10% repeats: 90% distinct
      rows.add(
          RowFactory.create(
              (long) i * 7 + 3,
              (long) named,
              new UUID(random.nextLong(), random.nextLong()).toString(),
              String.format("ACC-%06d", i),
              "note number " + i + " says " + random.nextInt(),
              (long) unnamed,
              random.nextGaussian() * 100,
              regions[random.nextInt(4)]));
    }

    StructType schema =
        new StructType()
            .add("serial", DataTypes.LongType)
            .add("order_id", DataTypes.LongType)
            .add("ref", DataTypes.StringType)
            .add("account", DataTypes.StringType)
            .add("note", DataTypes.StringType)
            .add("almost", DataTypes.LongType)
            .add("amount", DataTypes.DoubleType)
            .add("region", DataTypes.StringType);
    Dataset<Row> table = spark.createDataFrame(rows, schema);

    SynthesisModel model = Synthesizer.fit(table, FitOptions.builder().seed(2).build());
    for (String key : KEYS) {
      assertThat(model.kind(key)).as(key).isEqualTo(ColumnKind.KEY);
    }

    for (String other : NOT_KEYS) {
      assertThat(model.kind(other)).as(other).isNotEqualTo(ColumnKind.KEY);
    }

    EvaluationResult result =
        Evaluation.evaluate(table, table, table, EvaluationSettings.defaults());
    assertThat(result.tables().keyColumns()).containsExactlyInAnyOrderElementsOf(KEYS);
  }
}
