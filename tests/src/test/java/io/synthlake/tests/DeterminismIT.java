package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output is a pure function of (model, seed, row index): partition counts and retries never change
 * a row.
 */
class DeterminismIT {
  private static SparkSession spark;
  private static SynthesisModel model;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    Dataset<Row> weather =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(SharedSpark.dataset("seattle-weather.csv"));
    model = Synthesizer.fit(weather, FitOptions.builder().seed(5).build());
  }

  @Test
  void sameSeedGivesTheSameRowsWhateverThePartitionCount() {
    long rows = 3 * 4096 + 17;
    List<Row> one = generate(rows, 11, 1);
    assertThat(one).hasSize((int) rows);
    assertThat(generate(rows, 11, 2)).isEqualTo(one);
    assertThat(generate(rows, 11, 4)).isEqualTo(one);
    assertThat(generate(rows, 12, 4)).isNotEqualTo(one);
  }

  @Test
  void aRecomputedDataFrameRegeneratesExactlyTheSameRows() {
    Dataset<Row> frame =
        model.generate(spark, 10_000, GenerateOptions.defaults().withSeed(3).withPartitions(3));
    assertThat(frame.collectAsList()).isEqualTo(frame.collectAsList());
  }

  @Test
  void rowsAreAPrefixPropertyOfTheRowIndex() {
    // Row i does not depend on how many rows are asked for, even inside the last, partial block.
    List<Row> small = generate(5000, 9, 2);
    List<Row> large = generate(9000, 9, 3);
    assertThat(large.subList(0, 5000)).isEqualTo(small);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 4095, 4096, 4097, 100_003})
  void exactRowCounts(long rows) {
    assertThat(model.generate(spark, rows, GenerateOptions.defaults().withPartitions(3)).count())
        .isEqualTo(rows);
  }

  @Test
  void theDefaultPartitionCountIsAWholeNumberOfWavesOfTheCores() {
    // local[2]: up to 4M rows a partition, rounded up to a multiple of 2 so that no core idles
    // through a last wave.
    assertThat(partitionsFor(1_000)).isEqualTo(1);
    assertThat(partitionsFor(100_000)).isEqualTo(2);
    assertThat(partitionsFor(10_000_000)).isEqualTo(4);
    assertThat(partitionsFor(16_000_001)).isEqualTo(6);
  }

  private static int partitionsFor(long rows) {
    // Planning only: nothing is generated.
    return model.generate(spark, rows, GenerateOptions.defaults()).rdd().getNumPartitions();
  }

  private static List<Row> generate(long rows, long seed, int partitions) {
    return model
        .generate(spark, rows, GenerateOptions.defaults().withSeed(seed).withPartitions(partitions))
        .collectAsList();
  }
}
