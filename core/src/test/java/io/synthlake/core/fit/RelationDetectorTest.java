package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.fit.RelationDetector.Candidate;
import io.synthlake.core.fit.TableSetFitter.Relation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name rules and the choice among joined column pairs, without data. */
class RelationDetectorTest {
  @Test
  void namesMatchByWordsWhateverTheirCase() {
    assertThat(NameMatch.of("division", "divisions", "division")).isEqualTo(NameMatch.SAME_NAME);
    assertThat(NameMatch.of("CustomerID", "customers", "customer_id"))
        .isEqualTo(NameMatch.SAME_NAME);
    assertThat(NameMatch.of("customer_id", "customers", "id")).isEqualTo(NameMatch.TABLE_NAME);
    assertThat(NameMatch.of("customerId", "customers", "code")).isEqualTo(NameMatch.TABLE_NAME);
    assertThat(NameMatch.of("country", "countries", "iso")).isEqualTo(NameMatch.TABLE_NAME);
    assertThat(NameMatch.of("country_iso", "countries", "iso")).isEqualTo(NameMatch.TABLE_NAME);
    assertThat(NameMatch.of("match_id", "matches", "id")).isEqualTo(NameMatch.TABLE_NAME);
    assertThat(NameMatch.of("home_team", "teams", "team")).isEqualTo(NameMatch.AFFIX);
    assertThat(NameMatch.of("team_home", "teams", "team")).isEqualTo(NameMatch.AFFIX);
    assertThat(NameMatch.of("origin_airport_id", "airports", "iata")).isEqualTo(NameMatch.AFFIX);
    assertThat(NameMatch.of("origin", "airports", "iata")).isEqualTo(NameMatch.NONE);
    // A key named id relates to a column only through its table's name.
    assertThat(NameMatch.of("product_id", "customers", "id")).isEqualTo(NameMatch.NONE);
    assertThat(NameMatch.of("teams", "teams", "")).isEqualTo(NameMatch.NONE);
  }

  @Test
  void pluralsBecomeSingular() {
    assertThat(NameMatch.singular("airports")).isEqualTo("airport");
    assertThat(NameMatch.singular("countries")).isEqualTo("country");
    assertThat(NameMatch.singular("addresses")).isEqualTo("address");
    assertThat(NameMatch.singular("boxes")).isEqualTo("box");
    assertThat(NameMatch.singular("class")).isEqualTo("class");
    assertThat(NameMatch.words("originAirport_ID2x")).containsExactly("origin", "airport", "id2x");
  }

  @Test
  void namedColumnsAllowOrphansButValuesAloneMustAllBeFound() {
    assertThat(candidate("a.k=b.k", NameMatch.SAME_NAME, 1000, 990).holds()).isTrue();
    assertThat(candidate("a.k=b.k", NameMatch.SAME_NAME, 1000, 989).holds()).isFalse();
    assertThat(candidate("a.x=b.k", NameMatch.NONE, 1000, 999).holds()).isFalse();
    assertThat(candidate("a.x=b.k", NameMatch.NONE, 1000, 1000).holds()).isTrue();
    assertThat(RelationDetector.worthJoining(NameMatch.NONE, 9, 100)).isFalse();
    assertThat(RelationDetector.worthJoining(NameMatch.NONE, 101, 100)).isFalse();
    assertThat(RelationDetector.worthJoining(NameMatch.NONE, 10, 100)).isTrue();
    assertThat(RelationDetector.worthJoining(NameMatch.AFFIX, 2, 1)).isTrue();
  }

  @Test
  void theStrongestFirstAndEachChildTogether() {
    List<Candidate> chosen =
        RelationDetector.choose(
            List.of("airports", "flights", "teams"),
            List.of(
                candidate("teams.city=airports.city", NameMatch.SAME_NAME, 10, 10),
                candidate("flights.origin=airports.iata", NameMatch.NONE, 100, 100),
                candidate("flights.destination=airports.iata", NameMatch.NONE, 100, 100),
                candidate("flights.airport=airports.iata", NameMatch.TABLE_NAME, 100, 99)));
    assertThat(chosen)
        .extracting(candidate -> candidate.relation().toString())
        .containsExactly(
            "flights.airport=airports.iata",
            "flights.origin=airports.iata",
            "flights.destination=airports.iata",
            "teams.city=airports.city");
  }

  @Test
  void theWeakerOfTwoConflictingRelationsIsLeftOut() {
    // A cycle: a references b by name, b references a by values only.
    assertThat(
            RelationDetector.choose(
                List.of("a", "b"),
                List.of(
                    candidate("b.x=a.id", NameMatch.NONE, 50, 50),
                    candidate("a.b_id=b.id", NameMatch.TABLE_NAME, 50, 50))))
        .extracting(candidate -> candidate.relation().toString())
        .containsExactly("a.b_id=b.id");
    // One column, two keys: the one with more values found.
    assertThat(
            RelationDetector.choose(
                List.of("a", "b", "c"),
                List.of(
                    candidate("a.code=b.code", NameMatch.SAME_NAME, 1000, 995),
                    candidate("a.code=c.code", NameMatch.SAME_NAME, 1000, 1000))))
        .extracting(candidate -> candidate.relation().toString())
        .containsExactly("a.code=c.code");
    // A key that is itself a foreign key (one to one) is not referenced.
    assertThat(
            RelationDetector.choose(
                List.of("a", "b", "c"),
                List.of(
                    candidate("b.id=a.id", NameMatch.SAME_NAME, 100, 100),
                    candidate("c.id=b.id", NameMatch.SAME_NAME, 100, 99))))
        .extracting(candidate -> candidate.relation().toString())
        .containsExactly("b.id=a.id");
  }

  private static Candidate candidate(String relation, NameMatch match, long rows, long found) {
    return new Candidate(Relation.parse(relation, "test"), match, rows, found, rows);
  }
}
