package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.SequenceReport;
import io.synthlake.core.evaluate.SequenceSpec;
import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.spark.EntitySequence;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import io.synthlake.spark.TableSetSplit;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Football teams' match histories (five European leagues, 2013-2017): each match of football.csv
 * gives one row to each of its two teams (the date, whether the team played at home, its goals for
 * and against, the division), fitted as a history per team ordered by date on 70% of the teams,
 * generated, and evaluated against the 30% held out: how long the histories are, the gaps between a
 * team's matches (a week, midweek rounds, winter and summer breaks), each column's autocorrelation,
 * the transitions, the next-step pairs and the order never going back. Figures measured with these
 * seeds are in docs/bench/sequences.md.
 */
class TeamHistoriesIT {
  private static final EntitySequence MATCHES = new EntitySequence("games", "team", "date");
  private static final SequenceSpec SPEC = SequenceSpec.of("games", "team", "date");

  /**
   * Synthetic teams. The length similarity is 1 − KS between 77 training teams and these: with
   * 1,000 draws the draw's own KS is about 0.03, so the 0.95 target measures the model; with 100 it
   * would be about 0.09 and fail on noise.
   */
  private static final int TEAMS = 1000;

  private static SparkSession spark;
  private static TableSetSplit split;
  private static List<String> relations;
  private static Map<String, Dataset<Row>> synthetic;

  @BeforeAll
  static void fitAndGenerate() {
    spark = SharedSpark.session();
    spark
        .read()
        .option("header", true)
        .option("inferSchema", true)
        .csv(SharedSpark.dataset("football.csv"))
        .withColumn("date", functions.to_date(functions.col("date")))
        .createOrReplaceTempView("football_matches");
    Dataset<Row> games =
        spark.sql(
            "SELECT home_team AS team, date, true AS home, home_score AS goals_for,"
                + " away_score AS goals_against, division FROM football_matches"
                + " UNION ALL"
                + " SELECT away_team AS team, date, false AS home, away_score AS goals_for,"
                + " home_score AS goals_against, division FROM football_matches");
    EntitySequence.Inputs inputs =
        EntitySequence.withEntities(Map.of("games", games), List.of(), List.of(MATCHES));
    relations = inputs.relations();
    // By team: 77 teams train, 39 are held out (whole histories).
    split = TableSetSplit.of(inputs.tables(), relations, 0.3, 1);
    split.train().values().forEach(Dataset::cache);
    TableSetModel model =
        Synthesizer.fitTables(
            split.train(),
            relations,
            List.of(MATCHES),
            // At most 8 components keeps the test under 40 s: the default (up to 160) picks 42 and
            // takes 26 s to fit rather than 14 s, for the same figures (ACF distance 0.021 against
            // 0.022, lengths 0.970 both).
            FitOptions.builder().seed(3).maxComponents(8).build());
    synthetic = model.generate(spark, "games_team", TEAMS, GenerateOptions.defaults().withSeed(5));
  }

  @Test
  void teamHistoriesKeepTheirLengthsGapsAndOrder() {
    TableSetEvaluationResult result =
        Evaluation.evaluateTables(
            split.train(),
            split.holdout(),
            synthetic,
            relations,
            List.of(SPEC),
            EvaluationSettings.defaults());
    SequenceReport report = result.sequences().get(0);
    assertThat(report.sides().train().entities()).isEqualTo(77);
    assertThat(report.sides().holdout().entities()).isEqualTo(39);
    assertThat(report.sides().synthetic().entities()).isEqualTo(TEAMS);
    // The targets. Measured with these seeds: lengths 0.970 (held-out teams: 0.798), gaps 0.998
    // (0.986). Seeds are fixed, so a failure is a change in the model, not bad luck: investigate
    // it rather than loosen the bound.
    assertThat(report.lengths().synthetic()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.gaps().synthetic()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.monotone().synthetic().share()).isEqualTo(1.0);
    // Measured 0.022 against the held-out teams' 0.014 (goals_for's between-team level is kept
    // only in part, docs/bench/sequences.md). Goals drawn afresh each match would lose their
    // real 0.05-0.13 at every lag, a distance near 0.07; the bound tells the two apart.
    assertThat(report.autocorrelation().synthetic()).isLessThanOrEqualTo(0.05);
    // home and division are Markov chains: measured 0.000 (held-out teams 0.001).
    assertThat(report.transitions().synthetic()).isLessThan(0.02);
    assertThat(report.nextStep().synthetic()).isGreaterThan(report.nextStep().ceiling());
  }

  @Test
  void teamsKeepTheirDivision() {
    // No real team changes division in these four seasons (relegated teams leave the data), so the
    // division's chain never moves: the fitted matrix keeps the moves the data never make
    // impossible. A chain that forgot its state would move most teams.
    Dataset<Row> games = synthetic.get("games");
    long teams = games.select("team").distinct().count();
    long switching =
        games
            .groupBy("team")
            .agg(functions.countDistinct("division").as("divisions"))
            .where(functions.col("divisions").gt(1))
            .count();
    assertThat(teams).isEqualTo(TEAMS);
    assertThat(switching).isZero();
  }
}
