package io.synthlake.tests;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Three levels of related tables from the football matches: divisions, the teams that play in them
 * (derived as a parent; every team plays its home matches in one division), and matches with two
 * foreign keys to teams (home, the parent, and away). Shared by the tests that fit the chain in
 * this JVM and in a cluster's driver JVM.
 */
final class FootballChain {
  /**
   * The foreign keys, as {@code child.column=parent.column}; the first of a child is its parent.
   */
  static final List<String> RELATIONS =
      List.of(
          "teams.division=divisions.division",
          "matches.home_team=teams.team",
          "matches.away_team=teams.team");

  /** The primary key of each table that has one. */
  static final Map<String, String> KEYS = Map.of("divisions", "division", "teams", "team");

  private FootballChain() {}

  /** Fits the three levels read from {@code csv} (football.csv), with a fixed seed. */
  static TableSetModel fit(SparkSession spark, String csv) {
    return Synthesizer.fitTables(
        tables(spark, csv), RELATIONS, FitOptions.builder().seed(5).build());
  }

  /** The three real levels read from {@code csv} (football.csv). */
  static Map<String, Dataset<Row>> tables(SparkSession spark, String csv) {
    Dataset<Row> matches = spark.read().option("header", true).option("inferSchema", true).csv(csv);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("divisions", matches.select("division").distinct());
    tables.put(
        "teams",
        matches.groupBy(col("home_team").as("team")).agg(first("division").as("division")));
    tables.put(
        "matches", matches.select("date", "home_team", "away_team", "home_score", "away_score"));
    return tables;
  }

  /** Asserts that every primary key is unique and every foreign key finds its row. */
  static void assertKeysHold(Map<String, Dataset<Row>> tables) {
    KEYS.forEach(
        (name, key) -> {
          Dataset<Row> table = tables.get(name);
          assertThat(table.select(key).distinct().count())
              .as("distinct %s.%s", name, key)
              .isEqualTo(table.count());
        });
    for (String relation : RELATIONS) {
      String[] child = relation.split("=")[0].split("\\.");
      String[] parent = relation.split("=")[1].split("\\.");
      Dataset<Row> rows = tables.get(child[0]);
      Dataset<Row> referenced = tables.get(parent[0]);
      assertThat(
              rows.join(
                      referenced,
                      rows.col(child[1]).equalTo(referenced.col(parent[1])),
                      "left_anti")
                  .count())
          .as("%s rows whose %s is no %s", child[0], child[1], parent[0])
          .isZero();
    }
  }
}
