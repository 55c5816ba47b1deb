package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.fit.SampleColumn;
import io.synthlake.core.fit.SampleTable;
import io.synthlake.core.types.DataType;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.internal.SampleCollector;
import io.synthlake.spark.internal.SparkTypes;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit sample is a uniform draw over the whole input, whatever its order and file layout: a
 * Parquet table sorted by date, written as eight files each holding a run of dates, loses none of
 * its latest dates, and the sample does not change when the input is partitioned differently. A
 * table of millions of rows, thinned before the draw, covers its tail as well.
 */
class UniformSampleIT {
  private static final int ROWS = 200_000;
  private static final int ROWS_PER_DAY = 100;
  private static final int DAYS = ROWS / ROWS_PER_DAY;
  private static final int SAMPLE = 10_000;
  private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);

  @TempDir static Path temp;
  private static SparkSession spark;
  private static Dataset<Row> sorted;

  @BeforeAll
  static void writeSortedTable() {
    spark = SharedSpark.session();
    String path = temp.resolve("sorted").toString();
    // Every value is a function of the row number, so the table is the same in every run; the
    // amount makes nearly every row distinct.
    spark
        .range(0, ROWS, 1, 8)
        .select(
            functions
                .date_add(
                    functions.lit(FIRST.toString()).cast("date"),
                    functions.expr("CAST(id / 100 AS INT)"))
                .alias("day"),
            functions.expr("CAST(pmod(xxhash64(id), 100000) AS DOUBLE) / 100").alias("amount"),
            functions.expr("CAST(pmod(id * 7919, 5) AS STRING)").alias("shop"))
        .repartitionByRange(8, functions.col("day"))
        .sortWithinPartitions("day")
        .write()
        .parquet(path);
    sorted = spark.read().parquet(path);
  }

  @Test
  void theSampleCoversTheLatestDatesOfASortedInput() {
    double[] days = numbers(sample(sorted, 3), "day");
    assertThat(days).hasSize(SAMPLE);
    double first = FIRST.toEpochDay();
    double last = first + DAYS - 1;
    // The last 0.5% of dates hold 1,000 rows; a uniform sample of 10,000 of 200,000 misses all of
    // them with probability 0.95^1000 < 1e-22, and likewise for the first 0.5%.
    assertThat(Arrays.stream(days).max().orElseThrow()).isGreaterThan(last - 0.005 * DAYS);
    assertThat(Arrays.stream(days).min().orElseThrow()).isLessThan(first + 0.005 * DAYS);
    // The last 5% of dates hold 5% of the rows; the sample's count there is hypergeometric with
    // mean 500 and standard deviation 21.2, so ±100 rows (4.7 sd) fails a correct sampler with
    // probability about 3e-6. A sampler that skips the tail (a Bernoulli draw cut by a limit
    // kept 0 to 1% there on one sorted file, docs/bench/fit-scaling.md) or doubles it fails.
    long tail = Arrays.stream(days).filter(day -> day > last - 0.05 * DAYS).count();
    assertThat(tail).isBetween(400L, 600L);
  }

  @Test
  void theFittedModelSpansTheWholeDateRange() throws Exception {
    SynthesisModel model =
        Synthesizer.fit(sorted, FitOptions.builder().sampleRows(SAMPLE).seed(3).build());
    JsonNode format = column(model, "day").path("format");
    double first = FIRST.toEpochDay();
    double last = first + DAYS - 1;
    // Same bounds as the sample's extremes above: the model's range is the sample's.
    assertThat(format.path("max").asDouble()).isBetween(last - 0.005 * DAYS, last);
    assertThat(format.path("min").asDouble()).isBetween(first, first + 0.005 * DAYS);
  }

  @Test
  void aLargeSortedInputIsThinnedAndStillCoversItsTail() {
    // 6 million rows, past the size at which the draw first thins the input, sorted by day as
    // range() hands them out: the same bounds as on the small table hold (the last 5% of days hold
    // 300,000 rows; the sample's count there is about binomial(10,000, 0.05)).
    int rowsPerDay = 3_000;
    Dataset<Row> large =
        spark
            .range(0, 6_000_000L, 1, 4)
            .select(
                functions
                    .date_add(
                        functions.lit(FIRST.toString()).cast("date"),
                        functions.expr("CAST(id / " + rowsPerDay + " AS INT)"))
                    .alias("day"),
                functions.expr("CAST(pmod(xxhash64(id), 100000) AS DOUBLE) / 100").alias("amount"));
    double[] days = numbers(sample(large, 4), "day");
    assertThat(days).hasSize(SAMPLE);
    double first = FIRST.toEpochDay();
    double last = first + 6_000_000 / rowsPerDay - 1;
    assertThat(Arrays.stream(days).max().orElseThrow()).isGreaterThan(last - 0.005 * DAYS);
    long tail = Arrays.stream(days).filter(day -> day > last - 0.05 * DAYS).count();
    assertThat(tail).isBetween(400L, 600L);
  }

  @Test
  void duplicateRowsAreSampledOneByOne() {
    // Four contents only, sorted: 40%, 30%, 20% and 10% of the rows. Keys drawn per content rather
    // than per row would take all of a content or none of it.
    Dataset<Row> shops =
        spark
            .range(0, ROWS, 1, 4)
            .select(
                functions
                    .expr(
                        "CASE WHEN id < 80000 THEN 'a' WHEN id < 140000 THEN 'b' "
                            + "WHEN id < 180000 THEN 'c' ELSE 'd' END")
                    .alias("shop"));
    SampleColumn shop = sample(shops, 8).columns().get(0);
    assertThat(shop.size()).isEqualTo(SAMPLE);
    double[] expected = {0.4, 0.3, 0.2, 0.1};
    long[] counts = new long[4];
    for (int row = 0; row < shop.size(); row++) {
      counts[shop.string(row).charAt(0) - 'a']++;
    }

    double chiSquare = 0;
    for (int i = 0; i < 4; i++) {
      double mean = expected[i] * SAMPLE;
      chiSquare += (counts[i] - mean) * (counts[i] - mean) / mean;
    }

    // 18.47 is the 0.9997 quantile of chi-square with 3 degrees of freedom: a correct sampler fails
    // with probability below 3e-4 (less, since drawing without replacement narrows the counts).
    assertThat(chiSquare).as("counts %s", Arrays.toString(counts)).isLessThan(18.47);
  }

  @Test
  void theSampleDoesNotDependOnPartitioningOrOrder() {
    SampleTable asRead = sample(sorted, 11);
    assertThat(sample(sorted.repartition(5), 11)).usingRecursiveComparison().isEqualTo(asRead);
    assertThat(sample(sorted.coalesce(1), 11)).usingRecursiveComparison().isEqualTo(asRead);
    assertThat(sample(sorted.orderBy(functions.col("amount").desc()), 11))
        .usingRecursiveComparison()
        .isEqualTo(asRead);
    assertThat(numbers(sample(sorted, 12), "day")).isNotEqualTo(numbers(asRead, "day"));
  }

  @Test
  void theSameSeedFitsTheSameModelWhateverThePartitioning() {
    FitOptions options = FitOptions.builder().sampleRows(SAMPLE).seed(5).build();
    String asRead = Synthesizer.fit(sorted, options).toJson();
    assertThat(Synthesizer.fit(sorted.repartition(3), options).toJson()).isEqualTo(asRead);
  }

  private static SampleTable sample(Dataset<Row> input, long seed) {
    List<String> names = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (StructField field : input.schema().fields()) {
      names.add(field.name());
      types.add(SparkTypes.toCore(field.dataType()));
    }

    return SampleCollector.collect(input, names, types, SAMPLE, seed);
  }

  private static double[] numbers(SampleTable sample, String name) {
    SampleColumn column =
        sample.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    double[] values = new double[column.size()];
    for (int row = 0; row < values.length; row++) {
      values[row] = column.number(row);
    }

    return values;
  }

  private static JsonNode column(SynthesisModel model, String name) throws Exception {
    for (JsonNode column : new ObjectMapper().readTree(model.toJson()).path("columns")) {
      if (column.path("name").asText().equals(name)) {
        return column;
      }
    }

    throw new AssertionError("no column '" + name + "' in the model");
  }
}
