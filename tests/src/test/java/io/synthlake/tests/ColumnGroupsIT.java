package io.synthlake.tests;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationResult.DependencyReport;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.internal.TableReader;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Determined columns and valid combinations through the real fit, on the bundled birdstrikes (an
 * airport's state, a species' size) and flights-airport (routes, each route a row), with and
 * without column groups: the structure kept in the generated rows, the binned accuracy against a
 * holdout, fit time and model size. The figures are printed for docs/bench/structure.md.
 */
class ColumnGroupsIT {
  private static final int GENERATED = 20_000;

  private static SparkSession spark;
  private static Dataset<Row> train;
  private static Dataset<Row> holdout;
  private static Run birds;
  private static Run birdsWithout;
  private static Dataset<Row> routes;
  private static Run flights;
  private static Run flightsWithout;

  /** A fit and its generated rows. */
  private record Run(SynthesisModel model, Dataset<Row> rows, double fitSeconds) {
    static Run of(Dataset<Row> input, FitOptions options) {
      long start = System.nanoTime();
      SynthesisModel model = Synthesizer.fit(input, options);
      double seconds = (System.nanoTime() - start) / 1e9;
      Dataset<Row> rows =
          model.generate(spark, GENERATED, GenerateOptions.defaults().withSeed(7)).cache();
      return new Run(model, rows, seconds);
    }
  }

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    Dataset<Row>[] parts =
        TableReader.path(spark, SharedSpark.dataset("birdstrikes.csv"), "csv")
            .randomSplit(new double[] {0.5, 0.5}, 5);
    train = parts[0].cache();
    holdout = parts[1].cache();
    birds = Run.of(train, FitOptions.defaults());
    birdsWithout = Run.of(train, FitOptions.builder().withoutGroups().build());
    routes = TableReader.path(spark, SharedSpark.dataset("flights-airport.csv"), "csv").cache();
    flights = Run.of(routes, FitOptions.defaults());
    flightsWithout = Run.of(routes, FitOptions.builder().withoutGroups().build());
  }

  /**
   * The share of generated rows whose {@code dependent} is the training rows' most common value for
   * their {@code determinant}, among rows whose determinant the training rows hold.
   */
  private static double kept(Dataset<Row> rows, String determinant, String dependent) {
    Dataset<Row> modes =
        train
            .groupBy(col(determinant), col(dependent))
            .count()
            .withColumn(
                "best",
                org.apache
                    .spark
                    .sql
                    .functions
                    .max("count")
                    .over(org.apache.spark.sql.expressions.Window.partitionBy(col(determinant))))
            .filter(col("count").equalTo(col("best")))
            .dropDuplicates(determinant)
            .select(col(determinant).as("a"), col(dependent).as("b"));
    Dataset<Row> joined = rows.join(modes, rows.col(determinant).eqNullSafe(modes.col("a")));
    return (double) joined.filter(joined.col(dependent).eqNullSafe(joined.col("b"))).count()
        / joined.count();
  }

  /** The share of generated rows whose route is a real one. */
  private static double realRoutes(Dataset<Row> rows) {
    Dataset<Row> real = routes.select(col("origin").as("o"), col("destination").as("d"));
    return (double)
            rows.join(
                    real,
                    rows.col("origin")
                        .equalTo(real.col("o"))
                        .and(rows.col("destination").equalTo(real.col("d"))))
                .count()
        / GENERATED;
  }

  private static double sameEnds(Dataset<Row> rows) {
    return (double) rows.filter(col("origin").equalTo(col("destination"))).count() / GENERATED;
  }

  private static long distinctRoutes(Dataset<Row> rows) {
    return rows.select("origin", "destination").distinct().count();
  }

  @Test
  void birdstrikesKeepsAirportStatesAndSpeciesSizes() {
    assertThat(kept(birds.rows(), "Airport Name", "Origin State")).isEqualTo(1.0);
    assertThat(kept(birds.rows(), "Wildlife Species", "Wildlife Size")).isGreaterThan(0.99);
    assertThat(birds.model().describe()).contains("Airport Name -> Origin State");
  }

  @Test
  void everyGeneratedRouteIsARealOneAndNoFlightLandsWhereItLeft() {
    assertThat(realRoutes(flights.rows())).isGreaterThanOrEqualTo(0.99);
    assertThat(sameEnds(flights.rows())).isZero();
    assertThat(flights.model().describe()).contains("combination (origin, destination)");
  }

  @Test
  void binnedAccuracyAgainstTheHoldoutDropsByAtMostTwoThousandths() {
    EvaluationResult with = Evaluation.evaluate(train, holdout, birds.rows());
    EvaluationResult without = Evaluation.evaluate(train, holdout, birdsWithout.rows());

    report(with, without);
    // Measured 0.9525 with groups (5 components) against 0.9498 without (9), and ahead at a
    // fixed count too (bench/structure.md); the target is at most 0.002 below. Seeded fits: the
    // figures repeat unless the fit changes.
    assertThat(with.accuracy().overall().synthetic())
        .isGreaterThanOrEqualTo(without.accuracy().overall().synthetic() - 0.002);
  }

  private static void report(EvaluationResult with, EvaluationResult without) {
    StringBuilder out = new StringBuilder("\nstructure (without groups -> with groups)\n");
    out.append(
        line(
            "birdstrikes Airport Name -> Origin State",
            kept(birdsWithout.rows(), "Airport Name", "Origin State"),
            kept(birds.rows(), "Airport Name", "Origin State")));
    out.append(
        line(
            "birdstrikes Wildlife Species -> Wildlife Size",
            kept(birdsWithout.rows(), "Wildlife Species", "Wildlife Size"),
            kept(birds.rows(), "Wildlife Species", "Wildlife Size")));
    out.append(
        line(
            "birdstrikes Aircraft Make Model -> Aircraft Airline Operator",
            kept(birdsWithout.rows(), "Aircraft Make Model", "Aircraft Airline Operator"),
            kept(birds.rows(), "Aircraft Make Model", "Aircraft Airline Operator")));
    out.append(
        line("routes real share", realRoutes(flightsWithout.rows()), realRoutes(flights.rows())));
    out.append(
        line(
            "routes origin = destination",
            sameEnds(flightsWithout.rows()),
            sameEnds(flights.rows())));
    out.append(
        String.format(
            Locale.ROOT,
            "distinct routes %d -> %d (real %d)%n",
            distinctRoutes(flightsWithout.rows()),
            distinctRoutes(flights.rows()),
            distinctRoutes(routes)));
    for (EvaluationResult result : List.of(without, with)) {
      EvaluationResult.Accuracy accuracy = result.accuracy();
      out.append(
          String.format(
              Locale.ROOT,
              "accuracy overall %.4f (ceiling %.4f) uni %.4f bi %.4f tri %.4f%n",
              accuracy.overall().synthetic(),
              accuracy.overall().ceiling(),
              accuracy.univariate().synthetic(),
              accuracy.bivariate().synthetic(),
              accuracy.trivariate().synthetic()));
      for (DependencyReport dependency : result.dependencies()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  evaluate: %s -> %s %.4f (holdout %.4f)%n",
                dependency.determinantText(),
                dependency.dependent(),
                dependency.adherence().synthetic(),
                dependency.adherence().ceiling()));
      }

      for (EvaluationResult.CombinationReport combination : result.combinations()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  evaluate: combination %s x %s %.4f (holdout %.4f)%n",
                combination.first(),
                combination.second(),
                combination.share().synthetic(),
                combination.share().ceiling()));
      }
    }

    for (Run run : List.of(birdsWithout, birds, flightsWithout, flights)) {
      out.append(
          String.format(
              Locale.ROOT,
              "fit %.1f s, model %,d bytes, %d components%n",
              run.fitSeconds(),
              run.model().toJson().length(),
              run.model().componentCount()));
    }

    out.append(birds.model().describe()).append(flights.model().describe());
    System.out.println(out);
  }

  private static String line(String what, double before, double after) {
    return String.format(Locale.ROOT, "%s: %.4f -> %.4f%n", what, before, after);
  }
}
