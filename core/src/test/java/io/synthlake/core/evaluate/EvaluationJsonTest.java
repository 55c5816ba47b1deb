package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void parsesBackWithFormatFieldsAndFigures() throws IOException {
    JsonNode json = MAPPER.readTree(EvaluationJson.toJson(EvaluationFixtures.sample()));

    assertThat(json.get("format").asText()).isEqualTo("synthlake-evaluation");
    assertThat(json.get("format-version").asInt()).isEqualTo(2);
    assertThat(json.at("/accuracy/overall/synthetic").asDouble()).isEqualTo(0.91);
    assertThat(json.at("/accuracy/overall-uni-bi/synthetic").asDouble()).isEqualTo(0.92);
    assertThat(json.at("/tables/train-rows").asLong()).isEqualTo(8_000);
    assertThat(json.at("/columns/0/name").asText()).isEqualTo("segment");
    assertThat(json.at("/columns/1/synthetic-shares/2").asDouble()).isEqualTo(0.29);
    assertThat(json.at("/privacy/rare-categories-leaked/0/value").asText())
        .isEqualTo("<rare & secret>");
    assertThat(json.at("/dependencies/0/adherence/ceiling").asDouble()).isEqualTo(0.99);
  }

  @Test
  void writesDerivedRatios() throws IOException {
    JsonNode json = MAPPER.readTree(EvaluationJson.toJson(EvaluationFixtures.sample()));

    assertThat(json.at("/accuracy/overall/ratio").asDouble()).isCloseTo(0.91 / 0.95, within(1e-12));
    assertThat(json.at("/columns/1/accuracy/ratio").asDouble())
        .isCloseTo(0.93 / 0.96, within(1e-12));
    assertThat(json.at("/ml-utility/ratio").asDouble()).isCloseTo(0.81 / 0.84, within(1e-12));
  }

  @Test
  void writesNonFiniteNumbersAsNull() throws IOException {
    String text = EvaluationJson.toJson(EvaluationFixtures.sample());
    JsonNode json = MAPPER.readTree(text);

    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(json.at("/correlations/train/0/2").isNull()).isTrue();
    assertThat(json.at("/correlations/synthetic/2/2").isNull()).isTrue();
    assertThat(json.at("/correlations/train/0/1").asDouble()).isEqualTo(0.6);
    assertThat(json.at("/columns/2/statistic").isNull()).isTrue();
    assertThat(json.at("/columns/2/accuracy/ratio").isNull())
        .as("ratio with a zero ceiling")
        .isTrue();
  }

  @Test
  void writesNullWithoutTarget() throws IOException {
    JsonNode json =
        MAPPER.readTree(EvaluationJson.toJson(EvaluationFixtures.withoutTargetOrCorrelations()));

    assertThat(json.has("ml-utility")).isTrue();
    assertThat(json.get("ml-utility").isNull()).isTrue();
  }

  @Test
  void writesFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("evaluation.json");
    EvaluationJson.write(EvaluationFixtures.sample(), file);

    assertThat(Files.readString(file))
        .isEqualTo(EvaluationJson.toJson(EvaluationFixtures.sample()));
  }
}
