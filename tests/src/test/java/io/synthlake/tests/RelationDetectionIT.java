package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.fit.NameMatch;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.RelationProposal;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableSetModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreign keys found from the tables' names and values: the routes between airports (two keys that
 * match by values only), three levels derived from the football matches (keys that match by name),
 * keys that merely share values or repeat, and the command line printing and fitting them.
 */
class RelationDetectionIT {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SharedSpark.session();
  }

  private static Dataset<Row> csv(String file) {
    return spark
        .read()
        .option("header", true)
        .option("inferSchema", true)
        .csv(SharedSpark.dataset(file));
  }

  @Test
  void routesReferenceAirportsByTheirValues() {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("airports", csv("airports.csv"));
    tables.put("flights", csv("flights-airport.csv"));
    List<RelationProposal> proposals = Synthesizer.detectRelations(tables);

    // Neither name relates to iata and every value of both is an airport's, so the evidence ties
    // and the column order of flights decides: origin comes first and names the parent.
    assertThat(proposals)
        .extracting(RelationProposal::relation)
        .containsExactly("flights.origin=airports.iata", "flights.destination=airports.iata");
    RelationProposal origin = proposals.get(0);
    assertThat(origin.inclusion()).isEqualTo(1.0);
    assertThat(origin.keyValues()).isEqualTo(3376);
    assertThat(origin.nameMatch()).isEqualTo(NameMatch.NONE);
    assertThat(origin.evidence())
        .isEqualTo("100.0% of values found, 3,376 key values, values only");

    TableSetModel model =
        Synthesizer.fitTables(
            tables,
            proposals.stream().map(RelationProposal::relation).toList(),
            FitOptions.builder().seed(3).maxComponents(1).build());
    assertThat(model.parent("flights")).isEqualTo("airports");
  }

  @Test
  void footballLevelsReferenceEachOtherByName() {
    csv("football.csv").createOrReplaceTempView("football_detected");
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("divisions", spark.sql("SELECT DISTINCT division FROM football_detected"));
    tables.put(
        "teams",
        spark.sql(
            "SELECT home_team AS team, first(division) AS division FROM football_detected "
                + "GROUP BY 1"));
    tables.put(
        "matches",
        spark.sql(
            "SELECT date, home_team, away_team, home_score, away_score FROM football_detected"));
    List<RelationProposal> proposals = Synthesizer.detectRelations(tables);
    assertThat(proposals)
        .extracting(RelationProposal::relation)
        .containsExactly(
            "teams.division=divisions.division",
            "matches.home_team=teams.team",
            "matches.away_team=teams.team");
    assertThat(proposals)
        .extracting(RelationProposal::nameMatch)
        .containsExactly(NameMatch.SAME_NAME, NameMatch.AFFIX, NameMatch.AFFIX);
  }

  @Test
  void sharedValuesAndRepeatedKeysAreNoForeignKeys() {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    // Both ids are unique and share half their values: a coincidence, not a reference.
    tables.put("shops", spark.sql("SELECT id, id * 2.5 AS area FROM range(1, 101)"));
    tables.put("products", spark.sql("SELECT id, id % 7 AS colour FROM range(51, 151)"));
    // Every city of a visit is among the cities' values, but those repeat: no key.
    tables.put(
        "cities",
        spark.sql("SELECT concat('c', id % 40) AS city, -id AS population FROM range(0, 200)"));
    tables.put("visits", spark.sql("SELECT concat('c', id % 30) AS city FROM range(0, 300)"));
    assertThat(Synthesizer.detectRelations(tables)).isEmpty();
  }

  @Test
  void aNamedKeyMayHaveAFewOrphans() {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("customers", spark.sql("SELECT id FROM range(1, 201)"));
    // 995 of 1,000 orders name a customer; five name none.
    tables.put(
        "orders",
        spark.sql(
            "SELECT IF(id < 995, id % 200 + 1, 10000 + id) AS customer_id FROM range(0, 1000)"));
    List<RelationProposal> proposals = Synthesizer.detectRelations(tables);
    assertThat(proposals)
        .extracting(RelationProposal::toString)
        .containsExactly(
            "orders.customer_id=customers.id (99.5% of values found, 200 key values, named after "
                + "the table)");

    // Below 99%, it is left out.
    tables.put(
        "orders",
        spark.sql(
            "SELECT IF(id < 980, id % 200 + 1, 10000 + id) AS customer_id FROM range(0, 1000)"));
    assertThat(Synthesizer.detectRelations(tables)).isEmpty();
  }

  @Test
  void theCommandLinePrintsTheRelationsAndFitsWithThem(@TempDir Path temp) {
    String airports = "airports=" + SharedSpark.dataset("airports.csv");
    String flights = "flights=" + SharedSpark.dataset("flights-airport.csv");
    Cli.Result printed =
        Cli.run("fit", "--input", airports, "--input", flights, "--detect-relations");
    assertThat(printed.status()).as(printed.err()).isZero();
    assertThat(printed.out())
        .contains(
            "--relation flights.origin=airports.iata   (100.0% of values found, 3,376 key values, "
                + "values only)\n--relation flights.destination=airports.iata   (")
        .doesNotContain("Fitting");

    Path model = temp.resolve("routes.json");
    Cli.Result fitted =
        Cli.run(
            "fit",
            "--input",
            airports,
            "--input",
            flights,
            "--detect-relations",
            "--model",
            model.toString(),
            "--max-components",
            "1");
    assertThat(fitted.status()).as(fitted.err()).isZero();
    assertThat(fitted.out())
        .contains("--relation flights.origin=airports.iata")
        .contains("Fitting with the relations above")
        .contains("Fitted 2 related tables (airports, flights)");
    assertThat(Files.exists(model)).isTrue();
    assertThat(TableSetModel.load(spark, model.toString()).parent("flights")).isEqualTo("airports");

    Cli.Result both =
        Cli.run(
            "fit",
            "--input",
            airports,
            "--input",
            flights,
            "--detect-relations",
            "--relation",
            "flights.origin=airports.iata",
            "--model",
            model.toString());
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err().strip())
        .startsWith("synthlake: error: fit: --detect-relations proposes the relations")
        .doesNotContain("\n");
  }
}
