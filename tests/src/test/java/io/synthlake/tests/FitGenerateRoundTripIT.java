package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.types.ColumnKind;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fit on a bundled real table, generate into Delta and Parquet, read back, and compare with the
 * real data. Marginal checks use the two-sample KS test at α = 0.001 (one false failure in a
 * thousand runs if the synthetic column were drawn from the real distribution; fixed seeds make
 * each run identical) and a TVD bound for categories.
 */
class FitGenerateRoundTripIT {
  private static final int ROWS = 20_000;
  private static final double MAX_TVD = 0.05;
  private static final double MAX_CORRELATION_ERROR = 0.1;

  private static SparkSession spark;
  private static Dataset<Row> penguins;
  private static SynthesisModel model;

  @TempDir static Path temp;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    penguins =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(SharedSpark.dataset("penguins.csv"))
            .cache();
    model = Synthesizer.fit(penguins, FitOptions.builder().seed(7).build());
  }

  @ParameterizedTest
  @EnumSource(
      value = OutputFormat.class,
      names = {"DELTA", "PARQUET"})
  void generatedTableMatchesTheRealOne(OutputFormat format) {
    String output = temp.resolve("penguins-" + format).toString();
    TableWriter.toPath(
        model.generate(spark, ROWS, GenerateOptions.defaults().withSeed(11)),
        output,
        WriteOptions.builder().format(format).mode(WriteMode.ERROR).build());
    Dataset<Row> synthetic = spark.read().format(format.sparkName()).load(output).cache();

    assertThat(synthetic.count()).isEqualTo(ROWS);
    assertThat(fields(synthetic)).isEqualTo(fields(penguins));
    for (StructField field : penguins.schema().fields()) {
      String name = field.name();
      assertThat(Math.abs(Stats.nullShare(synthetic, name) - Stats.nullShare(penguins, name)))
          .as("null share of %s", name)
          .isLessThan(0.02);
      if (field.dataType() instanceof org.apache.spark.sql.types.StringType) {
        assertThat(Stats.tvd(Stats.values(penguins, name), Stats.values(synthetic, name)))
            .as("TVD of %s", name)
            .isLessThan(MAX_TVD);
      } else {
        double[] real = Stats.numbers(penguins, name);
        double[] fake = Stats.numbers(synthetic, name);
        assertThat(Stats.ks(real, fake))
            .as("KS of %s", name)
            .isLessThan(Stats.ksCritical(real.length, fake.length));
      }
    }

    List<String> numeric =
        Arrays.stream(penguins.schema().fields())
            .filter(f -> !(f.dataType() instanceof org.apache.spark.sql.types.StringType))
            .map(StructField::name)
            .collect(Collectors.toList());
    for (int a = 0; a < numeric.size(); a++) {
      for (int b = 0; b < a; b++) {
        double[][] real = Stats.pairs(penguins, numeric.get(a), numeric.get(b));
        double[][] fake = Stats.pairs(synthetic, numeric.get(a), numeric.get(b));
        assertThat(Math.abs(Stats.pearson(fake[0], fake[1]) - Stats.pearson(real[0], real[1])))
            .as("correlation of %s and %s", numeric.get(a), numeric.get(b))
            .isLessThan(MAX_CORRELATION_ERROR);
      }
    }

    // Dependence between a category and a measurement: each species' mean body mass within 5% of
    // the real one.
    Map<String, Double> realMass = meanBy(penguins, "Species", "Body Mass (g)");
    Map<String, Double> fakeMass = meanBy(synthetic, "Species", "Body Mass (g)");
    realMass.forEach(
        (species, mass) ->
            assertThat(fakeMass.get(species))
                .as("mean mass of %s", species)
                .isCloseTo(mass, org.assertj.core.data.Percentage.withPercentage(5)));
    synthetic.unpersist();
  }

  @Test
  void keysAreUniqueAndNeverCopiedAndRareValuesNeverEmitted() {
    Dataset<Row> cars =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(SharedSpark.dataset("cars.csv"))
            .withColumn("car_id", functions.monotonically_increasing_id().plus(1000));
    SynthesisModel carsModel = Synthesizer.fit(cars, FitOptions.builder().seed(3).build());
    assertThat(carsModel.kind("car_id")).isEqualTo(ColumnKind.KEY);
    assertThat(carsModel.kind("Name")).isEqualTo(ColumnKind.TEXT);

    Dataset<Row> synthetic = carsModel.generate(spark, 30_000, GenerateOptions.defaults()).cache();
    assertThat(synthetic.count()).isEqualTo(30_000);
    assertThat(synthetic.select("car_id").distinct().count()).isEqualTo(30_000);
    assertThat(synthetic.join(cars.select("car_id"), "car_id").count()).as("copied keys").isZero();

    // Words of car names that occur in fewer than 5 real rows must never appear in synthetic names.
    Map<String, Integer> wordRows = new HashMap<>();
    for (Object name : Stats.values(cars, "Name")) {
      new HashSet<>(Arrays.asList(name.toString().trim().split("\\s+")))
          .forEach(w -> wordRows.merge(w, 1, Integer::sum));
    }

    Set<String> rareWords =
        wordRows.entrySet().stream()
            .filter(e -> e.getValue() < 5)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(rareWords).isNotEmpty();
    Set<String> syntheticWords =
        Stats.values(synthetic, "Name").stream()
            .filter(v -> v != null)
            .flatMap(v -> Arrays.stream(v.toString().split("\\s+")))
            .collect(Collectors.toSet());
    assertThat(syntheticWords).doesNotContainAnyElementsOf(rareWords);

    // Model years are Jan 1 of 1970..1982: point masses, so no day in between is ever made up.
    assertThat(Stats.distinct(Stats.values(synthetic, "Year")))
        .isSubsetOf(Stats.distinct(Stats.values(cars, "Year")));
    synthetic.unpersist();
  }

  @Test
  void keysAvoidRealKeysThatTheSampleMissed() {
    // 20,000 rows, 1,000 sampled: the largest ids and longest codes are almost surely outside the
    // sample.
    Dataset<Row> input =
        spark
            .range(1, 20_001)
            .selectExpr(
                "id",
                "concat('TX-', lpad(cast(id as string), 6, '0')) as ref",
                "concat(substring('ABCDEFGHJK', cast(id % 10 as int) + 1, 1), cast(id as string)) as code",
                "id % 7 as bucket");
    SynthesisModel keyed =
        Synthesizer.fit(input, FitOptions.builder().sampleRows(1_000).seed(9).build());
    for (String key : List.of("id", "ref", "code")) {
      assertThat(keyed.kind(key)).as(key).isEqualTo(ColumnKind.KEY);
    }

    Dataset<Row> synthetic = keyed.generate(spark, 25_000, GenerateOptions.defaults()).cache();
    for (String key : List.of("id", "ref", "code")) {
      assertThat(synthetic.select(key).distinct().count()).as("distinct %s", key).isEqualTo(25_000);
      assertThat(synthetic.join(input.select(key), key).count()).as("copied %s", key).isZero();
    }

    assertThat(synthetic.selectExpr("min(id)").first().getLong(0)).isGreaterThan(20_000);
    synthetic.unpersist();
  }

  private static List<String> fields(Dataset<Row> frame) {
    return Arrays.stream(frame.schema().fields())
        .map(f -> f.name() + ":" + f.dataType().simpleString())
        .collect(Collectors.toList());
  }

  private static Map<String, Double> meanBy(Dataset<Row> frame, String group, String value) {
    return frame
        .where("`" + group + "` is not null")
        .groupBy("`" + group + "`")
        .agg(functions.avg(functions.col("`" + value + "`")))
        .collectAsList()
        .stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
  }
}
