package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Broken model files fail with one line naming the file and the field. */
class ModelJsonErrorsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String VALID = ModelJson.toJson(GoldenModels.v1());

  /** The valid model with one change applied to its JSON tree. */
  private static String edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(VALID);
      edit.accept(root);
      return MAPPER.writeValueAsString(root);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode column(ObjectNode root, int index) {
    return (ObjectNode) root.get("columns").get(index);
  }

  @Test
  void theUneditedBaseReads() {
    assertThat(ModelJson.fromJson(edited(root -> {}), "test.json").columns()).hasSize(5);
  }

  @Test
  void textThatIsNotJson() {
    assertThatThrownBy(() -> ModelJson.fromJson("model: yes\n", "test.json"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("test.json is not valid JSON")
        .hasMessageContaining("truncated");
  }

  @Test
  void truncatedText() {
    String truncated = VALID.substring(0, VALID.length() / 2);

    assertThatThrownBy(() -> ModelJson.fromJson(truncated, "test.json"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("test.json is not valid JSON");
  }

  @Test
  void jsonWithoutTheFormatMarker() {
    assertThatThrownBy(() -> ModelJson.fromJson(edited(root -> root.remove("format")), "test.json"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("test.json is not a synthlake model");
    assertThatThrownBy(
            () -> ModelJson.fromJson(edited(root -> root.put("format", "other-tool")), "test.json"))
        .hasMessageContaining("is not a synthlake model");
    assertThatThrownBy(() -> ModelJson.fromJson("[1, 2]", "test.json"))
        .hasMessageContaining("is not a synthlake model");
    assertThatThrownBy(() -> ModelJson.fromJson("", "test.json"))
        .hasMessageContaining("is not a synthlake model");
  }

  @Test
  void anotherFormatVersion() {
    assertThatThrownBy(
            () -> ModelJson.fromJson(edited(root -> root.put("format-version", 3)), "test.json"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("test.json has format-version 3")
        .hasMessageContaining("reads versions 1 to 2");
    assertThatThrownBy(
            () -> ModelJson.fromJson(edited(root -> root.put("format-version", "1")), "test.json"))
        .hasMessageContaining("format-version: must be a whole number");
  }

  @Test
  void unknownFieldsNameTheirPath() {
    assertThatThrownBy(
            () -> ModelJson.fromJson(edited(root -> column(root, 0).put("bogus", 1)), "test.json"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("test.json: columns[0].bogus: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> column(root, 2).put("probabilities", 1)), "test.json"))
        .hasMessageContaining("columns[2].probabilities: is not a known field here");
    assertThatThrownBy(
            () -> ModelJson.fromJson(edited(root -> root.put("comment", "x")), "test.json"))
        .hasMessageContaining("test.json: comment: is not a known field here");
  }

  @Test
  void unknownFieldsInsideNestedObjectsNameTheirPath() {
    // A misspelt optional field would otherwise be ignored silently: "widht" would give width 0.
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> ((ObjectNode) column(root, 0).get("key")).put("widht", 6)),
                    "test.json"))
        .hasMessageContaining("test.json: columns[0].key.widht: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> ((ObjectNode) column(root, 1).get("format")).put("decimal", 2)),
                    "test.json"))
        .hasMessageContaining("columns[1].format.decimal: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root ->
                            ((ObjectNode) column(root, 1).get("components").get(1))
                                .put("nulls", 0)),
                    "test.json"))
        .hasMessageContaining("columns[1].components[1].nulls: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root ->
                            ((ObjectNode) column(root, 1).get("components").get(0).get("marginal"))
                                .put("means", 0)),
                    "test.json"))
        .hasMessageContaining("columns[1].components[0].marginal.means: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root ->
                            ((ObjectNode)
                                    column(root, 1)
                                        .get("components")
                                        .get(0)
                                        .get("marginal")
                                        .get("point-masses"))
                                .put("counts", 0)),
                    "test.json"))
        .hasMessageContaining(
            "columns[1].components[0].marginal.point-masses.counts: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root ->
                            ((ObjectNode) column(root, 4).get("components").get(0).get("marginal"))
                                .put("knots", 0)),
                    "test.json"))
        .hasMessageContaining("columns[4].components[0].marginal.knots: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root ->
                            ((ObjectNode) column(root, 2).get("components").get(0))
                                .put("weights", 0)),
                    "test.json"))
        .hasMessageContaining("columns[2].components[0].weights: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> ((ObjectNode) root.get("dependence")).put("method", "x")),
                    "test.json"))
        .hasMessageContaining("test.json: dependence.method: is not a known field here");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root ->
                            ((ObjectNode) root.get("dependence").get("components").get(1))
                                .put("weights", 1)),
                    "test.json"))
        .hasMessageContaining("dependence.components[1].weights: is not a known field here");
  }

  @Test
  void aFieldOfTheWrongType() {
    String text =
        edited(
            root ->
                ((ObjectNode) column(root, 1).get("components").get(0)).put("null-share", "none"));

    assertThatThrownBy(() -> ModelJson.fromJson(text, "test.json"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("test.json: columns[1].components[0].null-share: must be a number");
    assertThatThrownBy(
            () -> ModelJson.fromJson(edited(root -> column(root, 2).put("name", 3)), "test.json"))
        .hasMessageContaining("columns[2].name: must be a string");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> ((ArrayNode) column(root, 2).get("categories")).set(1, 7)),
                    "test.json"))
        .hasMessageContaining("columns[2].categories[1]: must be a string");
  }

  @Test
  void aMissingField() {
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> column(root, 2).remove("categories")), "test.json"))
        .hasMessageContaining("test.json: columns[2].categories: is missing");
    assertThatThrownBy(
            () -> ModelJson.fromJson(edited(root -> root.remove("dependence")), "test.json"))
        .hasMessageContaining("test.json: dependence: is missing");
  }

  @Test
  void unknownNames() {
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> column(root, 1).put("kind", "fuzzy")), "test.json"))
        .hasMessageContaining("test.json: columns[1].kind: unknown column kind 'fuzzy'");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(root -> column(root, 1).put("type", "complex")), "test.json"))
        .hasMessageContaining("columns[1].type: unknown type 'complex'");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root -> ((ObjectNode) column(root, 0).get("key")).put("style", "serial")),
                    "test.json"))
        .hasMessageContaining(
            "columns[0].key.style: unknown key style 'serial'; use sequence, uuid, code or random");
    assertThatThrownBy(
            () ->
                ModelJson.fromJson(
                    edited(
                        root ->
                            ((ObjectNode) column(root, 1).get("components").get(0).get("marginal"))
                                .put("family", "kde")),
                    "test.json"))
        .hasMessageContaining(
            "columns[1].components[0].marginal.family: unknown marginal family 'kde'");
  }

  @Test
  void inconsistentContentNamesTheColumn() {
    String badSum =
        edited(
            root ->
                ((ArrayNode) column(root, 2).get("components").get(0).get("probabilities"))
                    .set(0, 0.9));

    assertThatThrownBy(() -> ModelJson.fromJson(badSum, "test.json"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining(
            "test.json: column 'segment': component 0 probabilities must sum to 1")
        .hasMessageContaining("the file is inconsistent");
    String reordered =
        edited(root -> ((ArrayNode) root.get("dependence").get("columns")).set(0, "segment"));
    assertThatThrownBy(() -> ModelJson.fromJson(reordered, "test.json"))
        .hasMessageContaining("dependence.columns: must list the non-key columns in order");
    String notPositiveDefinite =
        edited(
            root -> {
              ArrayNode matrix =
                  (ArrayNode) root.get("dependence").get("components").get(1).get("correlation");
              ((ArrayNode) matrix.get(0)).set(1, -1.0);
              ((ArrayNode) matrix.get(1)).set(0, -1.0);
            });
    assertThatThrownBy(() -> ModelJson.fromJson(notPositiveDefinite, "test.json"))
        .hasMessageContaining("positive definite");
  }
}
