package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Cardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Integrity;
import io.synthlake.core.evaluate.TableSetEvaluationResult.KeyCount;
import io.synthlake.core.evaluate.TableSetEvaluationResult.KeyReport;
import io.synthlake.core.evaluate.TableSetEvaluationResult.ParentChildAccuracy;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON and HTML of a set's evaluation: every figure in the JSON, and the report's section. */
class TableSetReportTest {
  private static TableSetEvaluationResult sample() {
    return sample(false);
  }

  /**
   * Shops and their orders; with a further relation, orders also reference the shop they ship from.
   */
  private static TableSetEvaluationResult sample(boolean withFurther) {
    Cardinality cardinality =
        TableSetFidelity.cardinality(
            FanOut.of(Map.of(0L, 2L, 3L, 1L)),
            FanOut.of(Map.of(0L, 1L, 2L, 1L)),
            FanOut.of(Map.of(0L, 2L, 4L, 1L)),
            List.of());
    RelationReport relation =
        new RelationReport(
            "orders.shop=shops.id",
            "orders",
            "shop",
            "shops",
            "id",
            true,
            Integrity.of(6, 0, 0),
            Integrity.of(2, 0, 0),
            Integrity.of(4, 1, 0),
            cardinality,
            new ParentChildAccuracy(
                new Score(0.8, 0.9),
                List.of(
                    new EvaluationResult.PairReport(
                        "shops.size", EvaluationFixtures.HOSTILE, new Score(0.8, 0.9)))),
            null);
    RelationReport further =
        new RelationReport(
            "orders.ships_from=shops.id",
            "orders",
            "ships_from",
            "shops",
            "id",
            false,
            Integrity.of(6, 0, 1),
            Integrity.of(2, 0, 1),
            Integrity.of(4, 0, 0),
            null,
            new ParentChildAccuracy(
                new Score(0.7, 0.75),
                List.of(
                    new EvaluationResult.PairReport(
                        "ships_from.size", "orders.amount", new Score(0.7, 0.75)))),
            new ParentChildAccuracy(
                new Score(0.6, 0.8),
                List.of(
                    new EvaluationResult.PairReport(
                        "shop.size", "ships_from.size", new Score(0.6, 0.8)))));
    List<RelationReport> relations = withFurther ? List.of(relation, further) : List.of(relation);
    Map<String, EvaluationResult> tables = new LinkedHashMap<>();
    tables.put("shops", EvaluationFixtures.sample());
    tables.put("orders", EvaluationFixtures.withoutTargetOrCorrelations());
    return new TableSetEvaluationResult(
        TableSetFidelity.headline(relations),
        relations,
        List.of(
            new KeyReport(
                "shops", "id", KeyCount.of(3, 0, 3), KeyCount.of(2, 0, 2), KeyCount.of(3, 0, 2))),
        tables,
        4.5);
  }

  @Test
  void jsonHoldsEveryFigureAndEachTablesEvaluation() throws Exception {
    JsonNode json = new ObjectMapper().readTree(TableSetEvaluationJson.toJson(sample()));
    assertThat(json.get("format").asText()).isEqualTo("synthlake-table-set-evaluation");
    assertThat(json.get("format-version").asInt()).isEqualTo(1);
    assertThat(json.at("/headline/synthetic-integrity").asDouble()).isEqualTo(1.0);
    assertThat(json.at("/headline/parent-child-accuracy/ratio").asDouble()).isEqualTo(0.8 / 0.9);
    // No categorical parent columns: undefined, written as null.
    assertThat(json.at("/headline/cardinality-by-category/synthetic").isNull()).isTrue();
    JsonNode relation = json.at("/relations/0");
    assertThat(relation.get("parent-relation").asBoolean()).isTrue();
    assertThat(relation.at("/synthetic-integrity/null-keys").asLong()).isEqualTo(1);
    assertThat(relation.at("/cardinality/chart/bins").toString())
        .isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\"]");
    assertThat(relation.at("/cardinality/chart/train-shares/0").asDouble()).isEqualTo(2.0 / 3);
    assertThat(relation.at("/cardinality/synthetic/max").asLong()).isEqualTo(4);
    assertThat(json.at("/keys/0/synthetic/duplicates").asLong()).isEqualTo(1);
    assertThat(json.at("/keys/0/synthetic/unique").asBoolean()).isFalse();
    assertThat(json.at("/tables/shops/accuracy/overall/synthetic").asDouble()).isEqualTo(0.91);
    assertThat(json.at("/tables/orders/format").isMissingNode()).isTrue();
    // A parent relation has no co-parent pairs, and a set without further relations no means of
    // them.
    assertThat(relation.get("co-parent-accuracy").isNull()).isTrue();
    assertThat(json.at("/headline/co-parent-accuracy/synthetic").isNull()).isTrue();
    assertThat(json.at("/headline/further-parent-child-accuracy/ceiling").isNull()).isTrue();
  }

  @Test
  void jsonHoldsTheFurtherRelationsPairFigures() throws Exception {
    JsonNode json = new ObjectMapper().readTree(TableSetEvaluationJson.toJson(sample(true)));
    JsonNode further = json.at("/relations/1");
    assertThat(further.get("parent-relation").asBoolean()).isFalse();
    assertThat(further.get("cardinality").isNull()).isTrue();
    assertThat(further.at("/accuracy/accuracy/synthetic").asDouble()).isEqualTo(0.7);
    assertThat(further.at("/accuracy/pairs/0/first").asText()).isEqualTo("ships_from.size");
    assertThat(further.at("/co-parent-accuracy/accuracy/ceiling").asDouble()).isEqualTo(0.8);
    assertThat(further.at("/co-parent-accuracy/accuracy/ratio").asDouble()).isEqualTo(0.6 / 0.8);
    assertThat(further.at("/co-parent-accuracy/pairs/0/second").asText())
        .isEqualTo("ships_from.size");
    // The headline keeps the parent relation's pair accuracy on its own.
    assertThat(json.at("/headline/parent-child-accuracy/synthetic").asDouble()).isEqualTo(0.8);
    assertThat(json.at("/headline/further-parent-child-accuracy/synthetic").asDouble())
        .isEqualTo(0.7);
    assertThat(json.at("/headline/co-parent-accuracy/synthetic").asDouble()).isEqualTo(0.6);
  }

  @Test
  void summaryListsTheFurtherRelationsPairFigures() {
    String text = TableSetSummary.text(sample(true));
    assertThat(text)
        .contains("parent-child accuracy, orders per shops")
        .containsPattern("parent-child accuracy, orders\\.ships_from +0\\.7000 +0\\.7500 +0\\.933")
        .containsPattern("co-parent accuracy, orders\\.ships_from +0\\.6000 +0\\.8000 +0\\.750");
    assertThat(TableSetSummary.text(sample(false))).doesNotContain("co-parent");
  }

  @Test
  void reportHasTheRelationsSectionThenEveryTable() {
    String html = TableSetReport.render(sample(), "shop set");
    assertThat(html)
        .contains("<section id=\"relations\">")
        .contains("Referential integrity")
        .contains("<div class=\"chart\" data-relation=\"0\">")
        .contains("<section id=\"table-0-summary\">\n<h2>shops: Summary</h2>")
        .contains("<section id=\"table-1-columns\">")
        .contains("<div class=\"chart\" data-table=\"orders\" data-column=\"0\">")
        .contains("&lt;/script&gt;&lt;b&gt;x")
        .contains("1 repeated, 0 null");
    assertThat(html.indexOf("id=\"relations\"")).isLessThan(html.indexOf("id=\"table-0-summary\""));
    assertThat(html).doesNotContain("<b>x").doesNotContain("Co-parent accuracy");
  }

  @Test
  void reportShowsTheFurtherRelationsPairs() {
    String html = TableSetReport.render(sample(true), "shop set");
    assertThat(html)
        .contains("Further parent-child accuracy")
        .contains("<h3>orders by ships_from <small>(orders.ships_from=shops.id)</small></h3>")
        .contains("Co-parent accuracy <b>0.600</b>")
        .contains("Parent column × referenced column")
        .contains("shop.size <span class=\"times\">×</span> ships_from.size");
    // The further relation has no fan-out chart of its own.
    assertThat(html).doesNotContain("data-relation=\"1\"");
  }
}
