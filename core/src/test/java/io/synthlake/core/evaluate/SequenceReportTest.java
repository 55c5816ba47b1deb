package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.evaluate.SequenceReport.Adherence;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.SpecCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A set's histories in the JSON, the summary and the report's section. */
class SequenceReportTest {
  private static SequenceReport report() {
    ColumnBinning temp =
        ColumnBinning.numeric(
            EvaluationFixtures.HOSTILE,
            ColumnBinning.Scale.NUMBER,
            new double[] {-1, 0, 1},
            new double[] {-1, 0, 1});
    ColumnBinning sky = ColumnBinning.categorical("sky", List.of("sun", "rain"));
    SequenceSpec spec = SequenceSpec.of("days", "city", "date").withFloor("balance", 0);
    return SequenceFidelity.report(
        spec,
        List.of(temp, sky),
        ColumnBinning.Scale.DATE,
        side(1, 100),
        side(2, 100),
        side(3, 98));
  }

  private static SequenceFidelity.SideCounts side(long seed, long kept) {
    Random random = new Random(seed);
    Histories.Builder builder = Histories.builder(2);
    for (int e = 0; e < 5; e++) {
      double x = random.nextGaussian();
      for (int t = 0; t < 20; t++) {
        builder.add(e, 19000 + t, new Object[] {x, x > 0 ? "sun" : "rain"});
        x = 0.8 * x + 0.6 * random.nextGaussian();
      }
    }

    return new SequenceFidelity.SideCounts(
        FanOut.of(Map.of(20L, 5L)),
        Adherence.of(95, 95),
        List.of(Adherence.of(100, kept)),
        builder.build());
  }

  private static TableSetEvaluationResult result() {
    return new TableSetEvaluationResult(
        TableSetFidelity.headline(List.of()),
        List.of(),
        List.of(),
        Map.of(),
        List.of(report()),
        1.0);
  }

  @Test
  void jsonHoldsEveryFigureOfTheHistories() throws Exception {
    JsonNode json = new ObjectMapper().readTree(TableSetEvaluationJson.toJson(result()));
    JsonNode sequence = json.at("/sequences/0");
    assertThat(sequence.get("table").asText()).isEqualTo("days");
    assertThat(sequence.get("lags").asInt()).isEqualTo(SequenceFidelity.LAGS);
    assertThat(sequence.at("/lengths/synthetic").asDouble()).isEqualTo(1.0);
    assertThat(sequence.at("/lengths/ratio").asDouble()).isEqualTo(1.0);
    assertThat(sequence.at("/autocorrelation/ceiling").isNumber()).isTrue();
    assertThat(sequence.at("/columns/0/train").size()).isEqualTo(SequenceFidelity.LAGS);
    assertThat(sequence.at("/columns/0/synthetic-difference").size())
        .isEqualTo(SequenceFidelity.LAGS);
    assertThat(sequence.at("/categories/0/column").asText()).isEqualTo("sky");
    assertThat(sequence.at("/monotone/synthetic/share").asDouble()).isEqualTo(1.0);
    assertThat(sequence.at("/floors/0/adherence/synthetic/share").asDouble()).isEqualTo(0.98);
    assertThat(sequence.at("/sides/synthetic/sampled-rows").asLong()).isEqualTo(100);
    assertThat(sequence.at("/chart/order-scale").asText()).isEqualTo("date");
    assertThat(sequence.at("/chart/train").size()).isEqualTo(3);
    assertThat(sequence.at("/chart/train/0/values/0").size()).isEqualTo(20);
  }

  @Test
  void theReportDrawsHistoriesAndAutocorrelationsAndEscapesNames() {
    String html = TableSetReport.render(result(), "days");
    assertThat(html)
        .contains("Histories of days", "Order kept", "balance ≥ 0.000")
        .contains("data-sequence=\"0\" data-history=\"train\" data-line=\"0\"")
        .contains("data-sequence=\"0\" data-history=\"synthetic\" data-line=\"0\"")
        .contains("data-sequence=\"0\" data-acf=\"0\"")
        .contains("&lt;/script&gt;&lt;b&gt;x")
        .doesNotContain("<b>x");
    String summary = TableSetSummary.text(result());
    assertThat(summary)
        .contains("Histories of days (city ordered by date)", "length similarity")
        .contains("balance >= 0.000", "98.00%");
  }

  @Test
  void aSetsSequencesAndBalanceFloorsBecomeSpecs() throws Exception {
    // conf/agent-transactions.yaml: transactions ordered by ts within customers, balance >= 0.
    TableSet set =
        SpecCompiler.compileSet(
                Files.readString(Path.of("..", "conf", "agent-transactions.yaml")),
                "conf/agent-transactions.yaml")
            .build(7, "customers", 10)
            .set();
    assertThat(SequenceSpec.of(set))
        .containsExactly(
            SequenceSpec.of("transactions", "customer_id", "ts").withFloor("balance", 0));
  }
}
