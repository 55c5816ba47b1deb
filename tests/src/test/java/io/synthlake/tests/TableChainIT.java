package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three levels from the football matches: divisions, the teams that play in them (derived as a
 * parent), and matches with two foreign keys to teams (home, the parent, and away). Every key of
 * every level joins, and the rows do not depend on the partitioning.
 */
class TableChainIT {
  private static SparkSession spark;
  private static TableSetModel model;
  private static Map<String, Dataset<Row>> real;

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    Dataset<Row> matches =
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(SharedSpark.dataset("football.csv"));
    matches.createOrReplaceTempView("football");
    real = new LinkedHashMap<>();
    real.put("divisions", spark.sql("SELECT DISTINCT division FROM football"));
    real.put(
        "teams",
        spark.sql(
            "SELECT home_team AS team, first(division) AS division FROM football GROUP BY 1"));
    real.put(
        "matches",
        spark.sql("SELECT date, home_team, away_team, home_score, away_score FROM football"));
    model =
        Synthesizer.fitTables(
            real,
            List.of(
                "teams.division=divisions.division",
                "matches.home_team=teams.team",
                "matches.away_team=teams.team"),
            FitOptions.builder().seed(5).build());
  }

  @Test
  void everyKeyOfEveryLevelJoins() {
    Map<String, Dataset<Row>> tables =
        model.generate(spark, "divisions", 40, GenerateOptions.defaults().withSeed(2));
    Dataset<Row> divisions = tables.get("divisions");
    Dataset<Row> teams = tables.get("teams");
    Dataset<Row> matches = tables.get("matches");
    assertThat(divisions.count()).isEqualTo(40);
    assertThat(teams.select("team").distinct().count()).isEqualTo(teams.count());
    assertThat(
            teams
                .join(
                    divisions,
                    teams.col("division").equalTo(divisions.col("division")),
                    "left_anti")
                .count())
        .isZero();
    for (String key : List.of("home_team", "away_team")) {
      assertThat(
              matches.join(teams, matches.col(key).equalTo(teams.col("team")), "left_anti").count())
          .as("matches whose %s is no team", key)
          .isZero();
    }

    // Real: 116 teams in 5 divisions and 6,508 matches, 56 home matches per team; the generated
    // levels keep both ratios within a quarter.
    double teamsPerDivision = (double) teams.count() / 40;
    double matchesPerTeam = (double) matches.count() / teams.count();
    assertThat(teamsPerDivision).isBetween(0.75 * 116 / 5, 1.25 * 116 / 5);
    assertThat(matchesPerTeam).isBetween(0.75 * 6508 / 116, 1.25 * 6508 / 116);
  }

  @Test
  void theDeepestLevelDoesNotDependOnThePartitioning() {
    Dataset<Row> one =
        model
            .generate(spark, "divisions", 12, GenerateOptions.defaults().withPartitions(1))
            .get("matches");
    Dataset<Row> four =
        model
            .generate(spark, "divisions", 12, GenerateOptions.defaults().withPartitions(4))
            .get("matches");
    assertThat(one.count()).isEqualTo(four.count());
    assertThat(one.exceptAll(four).count()).isZero();
  }
}
