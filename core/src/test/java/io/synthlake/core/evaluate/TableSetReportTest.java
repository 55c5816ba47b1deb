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
                        "shops.size", EvaluationFixtures.HOSTILE, new Score(0.8, 0.9)))));
    Map<String, EvaluationResult> tables = new LinkedHashMap<>();
    tables.put("shops", EvaluationFixtures.sample());
    tables.put("orders", EvaluationFixtures.withoutTargetOrCorrelations());
    return new TableSetEvaluationResult(
        TableSetFidelity.headline(List.of(relation)),
        List.of(relation),
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
    assertThat(html).doesNotContain("<b>x");
  }
}
