package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.TableSetModel;
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

  @BeforeAll
  static void fit() {
    spark = SharedSpark.session();
    model = FootballChain.fit(spark, SharedSpark.dataset("football.csv"));
  }

  @Test
  void everyKeyOfEveryLevelJoins() {
    Map<String, Dataset<Row>> tables =
        model.generate(spark, "divisions", 40, GenerateOptions.defaults().withSeed(2));
    Dataset<Row> divisions = tables.get("divisions");
    Dataset<Row> teams = tables.get("teams");
    Dataset<Row> matches = tables.get("matches");
    assertThat(divisions.count()).isEqualTo(40);
    FootballChain.assertKeysHold(tables);

    // Real: 116 teams in 5 divisions and 6,508 matches, 56 home matches per team; the generated
    // levels keep both ratios within a quarter.
    double teamsPerDivision = (double) teams.count() / 40;
    double matchesPerTeam = (double) matches.count() / teams.count();
    assertThat(teamsPerDivision).isBetween(0.75 * 116 / 5, 1.25 * 116 / 5);
    assertThat(matchesPerTeam).isBetween(0.75 * 6508 / 116, 1.25 * 6508 / 116);
  }

  @Test
  void levelsOfKeysOnlyAreEvaluatedByTheirRelations() {
    // Divisions hold a key only, teams a key and a foreign key: nothing of their own to compare,
    // so the set's evaluation compares matches and every relation, and skips their own figures.
    Map<String, Dataset<Row>> real =
        FootballChain.tables(spark, SharedSpark.dataset("football.csv"));
    Map<String, Dataset<Row>> synthetic =
        model.generate(spark, "divisions", 5, GenerateOptions.defaults().withSeed(3));
    TableSetEvaluationResult result =
        Evaluation.evaluateTables(real, real, synthetic, FootballChain.RELATIONS);
    assertThat(result.tables()).containsOnlyKeys("matches");
    assertThat(result.headline().syntheticIntegrity()).isEqualTo(1.0);
    assertThat(result.relations())
        .filteredOn(relation -> relation.parentRelation())
        .allSatisfy(
            relation -> assertThat(relation.cardinality().similarity().synthetic()).isPositive());
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
