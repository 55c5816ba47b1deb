package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Table-set files of each format version, as a release wrote them, must keep reading and keep
 * generating the same rows: every value of every table hashed. Version 1 has no key affinity, so
 * its routes pick destinations by popularity alone; version 2 adds it; version 3 adds a sequence's
 * seasons, Markov transitions, month-counted gaps and single series (monthly account statements and
 * a daily series of readings); version 4 holds tables whose models use model version 2 (a
 * customer's state and region drawn as a group, an order's total derived from its subtotal and
 * shipping, its placing time's time of day, a statement's charge derived in a sequence). A change
 * here changes every user's output: make it on purpose, before a release.
 */
class GoldenTableSetTest {
  private static TableSet read(String name) throws IOException {
    try (InputStream in = GoldenTableSetTest.class.getResourceAsStream("/golden/" + name)) {
      return TableSetJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    }
  }

  private static long fingerprint(TableSet set) {
    return fingerprint(set, "airports", 5000);
  }

  private static long fingerprint(TableSet set, String sizedTable, long rows) {
    Map<String, CollectingSink[]> tables = TableSetRun.generate(set, 7, sizedTable, rows, false);
    long hash = 17;
    for (String table : set.names()) {
      for (CollectingSink column : tables.get(table)) {
        hash = 31 * hash + column.size();
        for (int r = 0; r < column.size(); r++) {
          hash = 31 * hash + Objects.hashCode(column.value(r));
        }
      }
    }

    return hash;
  }

  @Test
  void versionOneReadsWithoutAffinityAndGeneratesTheSameRows() throws IOException {
    TableSet set = read("table-set-v1.json");
    assertThat(set.table("routes").foreignKey("destination").affinity()).isNull();
    assertThat(set.table("routes").foreignKey("destination").popularity()).isNotNull();
    assertThat(fingerprint(set)).isEqualTo(-6136334219661578122L);
  }

  @Test
  void versionTwoReadsWithAffinityAndGeneratesTheSameRows() throws IOException {
    TableSet set = read("table-set-v2.json");
    assertThat(set.table("routes").foreignKey("destination").affinity()).isNotNull();
    assertThat(fingerprint(set)).isEqualTo(-1505881481400403499L);
  }

  @Test
  void versionThreeReadsItsSequencesAndGeneratesTheSameRows() throws IOException {
    TableSet set = read("table-set-v3.json");
    TableSet.Sequence statements = set.table("statements").sequence();
    assertThat(statements.monthDay()).isEqualTo(1);
    assertThat(statements.transitions()).containsOnlyKeys("status");
    assertThat(statements.seasons()).containsOnlyKeys("amount");
    TableSet.Sequence readings = set.table("readings").sequence();
    assertThat(readings.series()).isNotNull();
    assertThat(readings.seasons().get("level").describe()).isEqualTo("trend, year");
    assertThat(fingerprint(set, "accounts", 300)).isEqualTo(-604335158430910463L);
  }

  @Test
  void versionFourReadsItsTablesGroupsDerivedColumnsAndTimesOfDay() throws IOException {
    TableSet set = read("table-set-v4.json");
    assertThat(set.table("customers").model().groups().get(0).members())
        .containsExactly("state", "region");
    assertThat(set.table("orders").model().derivations().get(0).target()).isEqualTo("total");
    assertThat(((NumericColumn) set.table("orders").model().column("placed_at")).timeOfDay().step())
        .isEqualTo(300.0);
    assertThat(set.table("statements").model().derivations().get(0).target()).isEqualTo("charged");
    assertThat(fingerprint(set, "customers", 600)).isEqualTo(7912832502613455115L);
  }

  @Test
  void aNewerVersionIsRefusedWithTheVersionsThisReleaseReads() throws IOException {
    String text;
    try (InputStream in =
        GoldenTableSetTest.class.getResourceAsStream("/golden/table-set-v3.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    String newer = text.replaceFirst("\"format-version\" : 3", "\"format-version\" : 5");
    assertThatThrownBy(() -> TableSetJson.fromJson(newer, "routes.json"))
        .hasMessageContaining("routes.json has format-version 5")
        .hasMessageContaining("reads table-set versions 1 to 4");
  }
}
