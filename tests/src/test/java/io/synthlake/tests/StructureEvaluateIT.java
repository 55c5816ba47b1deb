package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationResult.CombinationReport;
import io.synthlake.core.evaluate.EvaluationResult.DependencyReport;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.spark.Evaluation;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure a user sees, evaluated on real Spark: flights whose route (origin, destination)
 * fixes the distance, and airlines that fly from three airports each. A synthetic table that keeps
 * the structure reads as the holdout does; one that breaks it in a share of its rows reads that
 * share. Bounds sit at least 4.5σ from the expected share (false-failure rate below 1e-5 each).
 */
class StructureEvaluateIT {
  private static SparkSession spark;
  private static EvaluationResult kept;
  private static EvaluationResult broken;

  @BeforeAll
  static void evaluate() {
    spark = SharedSpark.session();
    Dataset<Row> train = flights(6_000, 0, 1);
    Dataset<Row> holdout = flights(3_000, 0, 2);
    kept = Evaluation.evaluate(train, holdout, flights(6_000, 0, 3), EvaluationSettings.defaults());
    broken =
        Evaluation.evaluate(train, holdout, flights(20_000, 0.3, 4), EvaluationSettings.defaults());
  }

  /**
   * {@code rows} flights; in a share {@code breakShare} of them the distance is off its route's (by
   * 1 to 50) and, independently, in as many the airport is drawn at random.
   */
  private static Dataset<Row> flights(int rows, double breakShare, long seed) {
    return spark
        .range(rows)
        .selectExpr(
            "cast(floor(rand(" + seed + ") * 12) as int) as o",
            "cast(floor(rand(" + (seed + 1) + ") * 12) as int) as d",
            "cast(floor(rand(" + (seed + 2) + ") * 30) as int) as airline",
            "cast(floor(rand(" + (seed + 3) + ") * 3) as int) as k",
            "rand(" + (seed + 4) + ") < " + breakShare + " as breakDistance",
            "rand(" + (seed + 5) + ") < " + breakShare + " as breakAirport",
            "cast(floor(rand(" + (seed + 6) + ") * 50) as int) as offset",
            "cast(floor(rand(" + (seed + 7) + ") * 40) as int) as anyAirport",
            "cast(floor(rand(" + (seed + 8) + ") * 3600 * 24 * 60) as int) as second",
            "rand(" + (seed + 9) + ") < " + breakShare + " as night",
            "cast(floor(rand(" + (seed + 10) + ") * 40000) as int) as fareCents",
            "cast(floor(rand(" + (seed + 11) + ") * 5000) as int) as taxCents",
            "rand(" + (seed + 12) + ") < " + breakShare + " as breakTotal")
        .selectExpr(
            "concat('O', o) as origin",
            "concat('D', d) as destination",
            "100 + abs(o - d) * 37 + (o * 7 + d) % 5 + if(breakDistance, 1 + offset, 0) as distance",
            "concat('airline', airline) as airline",
            "concat('airport', if(breakAirport, anyAirport, (airline * 7 + k * 13) % 40)) as airport",
            // Departures from 6:00 to 22:00 in the session's time zone; a broken row leaves at
            // night.
            "timestamp'2026-03-02 00:00:00' + make_interval(0, 0, 0, floor(second / 86400), 0, 0,"
                + " if(night, second % (6 * 3600), 6 * 3600 + second % (16 * 3600)))"
                + " as departure",
            "cast(fareCents / 100.0 as double) as fare",
            "cast(taxCents / 100.0 as double) as tax",
            "cast((fareCents + taxCents + if(breakTotal, 100 + offset, 0)) / 100.0 as double) as total");
  }

  private static DependencyReport route(EvaluationResult result) {
    return result.dependencies().stream()
        .filter(d -> d.determinant().equals(List.of("origin", "destination")))
        .filter(d -> d.dependent().equals("distance"))
        .findFirst()
        .orElseThrow();
  }

  private static CombinationReport airlineAirport(EvaluationResult result) {
    return result.combinations().stream()
        .filter(c -> c.first().equals("airline") && c.second().equals("airport"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theRouteFixesTheDistanceAndNeitherAirportAloneDoes() {
    DependencyReport route = route(kept);

    assertThat(route.determinantValues()).isEqualTo(144);
    assertThat(route.trainShare()).isEqualTo(1.0);
    assertThat(route.adherence().ceiling()).isEqualTo(1.0);
    assertThat(route.adherence().synthetic()).isEqualTo(1.0);
    assertThat(kept.dependencies())
        .extracting(d -> d.determinantText() + "->" + d.dependent())
        .doesNotContain("origin->distance", "destination->distance");
  }

  @Test
  void breakingTheDistanceInThirtyPercentOfRowsKeepsSeventy() {
    // σ = √(0.7 · 0.3 / 20,000) = 0.0032.
    assertThat(route(broken).adherence().synthetic()).isCloseTo(0.7, within(0.015));
    assertThat(route(broken).adherence().ceiling()).isEqualTo(1.0);
  }

  @Test
  void totalsThatAreNotTheSumOfFareAndTaxAreCounted() {
    var keptTotal = total(kept);

    assertThat(keptTotal.kind()).isEqualTo("linear");
    assertThat(keptTotal.trainShare()).isEqualTo(1.0);
    assertThat(keptTotal.adherence().ceiling()).isEqualTo(1.0);
    assertThat(keptTotal.adherence().synthetic()).isEqualTo(1.0);
    // 30% of totals off by at least a whole unit: σ = 0.0032 at 20,000 rows.
    assertThat(total(broken).adherence().synthetic()).isCloseTo(0.7, within(0.015));
  }

  private static EvaluationResult.RelationReport total(EvaluationResult result) {
    return result.relations().stream()
        .filter(
            r ->
                new java.util.HashSet<>(r.columns())
                    .equals(java.util.Set.of("fare", "tax", "total")))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no fare/tax/total relation in " + result.relations()));
  }

  @Test
  void departuresAtNightLoseHourOfDayAccuracy() {
    var keptClock = kept.timeOfDay().get(0);
    var brokenClock = broken.timeOfDay().get(0);

    assertThat(keptClock.column()).isEqualTo("departure");
    assertThat(keptClock.zone()).isEqualTo(spark.conf().get("spark.sql.session.timeZone"));
    assertThat(keptClock.hourOfDay().ceiling()).isGreaterThan(0.95);
    assertThat(keptClock.hourOfDay().synthetic()).isGreaterThan(0.95);
    // 30% of the rows moved into hours the training data never has: accuracy 0.7.
    assertThat(brokenClock.hourOfDay().synthetic()).isCloseTo(0.7, within(0.015));
    assertThat(brokenClock.dayOfWeek().synthetic()).isGreaterThan(0.95);
  }

  @Test
  void airlinesKeepTheirAirportsUnlessDrawnAtRandom() {
    CombinationReport keptPair = airlineAirport(kept);
    assertThat(keptPair.trainCombinations()).isEqualTo(90);
    assertThat(keptPair.share().synthetic()).isEqualTo(1.0);
    assertThat(keptPair.share().ceiling()).isEqualTo(1.0);
    // A random airport is one of the airline's 3 of 40 by chance: 0.7 + 0.3 × 3/40 = 0.7225.
    assertThat(airlineAirport(broken).share().synthetic()).isCloseTo(0.7225, within(0.015));
  }
}
