package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.TableModel;
import org.junit.jupiter.api.Test;

/**
 * A group's components in their compact form: the tuples each component holds and their weights
 * (what the fit writes), read beside the dense probabilities of earlier files.
 */
class GroupWeightsJsonTest {
  private static final String DENSE =
      "\"components\" : [ {\n"
          + "      \"probabilities\" : [ 0.4, 0.3, 0.2, 0.1 ]\n"
          + "    }, {\n"
          + "      \"probabilities\" : [ 0.1, 0.2, 0.3, 0.4 ]\n"
          + "    } ]";

  /** The golden routes model with its group's components replaced by {@code components}. */
  private static String withComponents(String components) {
    String json = ModelJson.toJson(GoldenGroupsTest.model());
    assertThat(json).contains(DENSE);
    return json.replace(DENSE, "\"components\" : " + components);
  }

  @Test
  void weightsGiveTheirSharesAndTheTuplesAComponentLeavesOutHaveNone() {
    TableModel model =
        ModelJson.fromJson(
            withComponents(
                "[ { \"tuples\" : [ 0, 2 ], \"weights\" : [ 3, 1 ] },"
                    + " { \"tuples\" : [ [ 1, 3 ] ], \"weights\" : [ 1, 2.5, 1.5 ] } ]"),
            "weights.json");
    ColumnGroup group = model.groups().get(0);

    assertThat(group.probabilities(0)).containsExactly(0.75, 0, 0.25, 0);
    assertThat(group.probabilities(1)).containsExactly(0, 0.2, 0.5, 0.3);
    assertThat(group.weights(1)).containsExactly(0, 1, 2.5, 1.5);
  }

  @Test
  void aGroupOfWeightsWritesThemBackAndGeneratesTheSameRows() {
    String json =
        withComponents(
            "[ { \"tuples\" : [ 0, 2 ], \"weights\" : [ 3, 1 ] },"
                + " { \"tuples\" : [ 1, 2, 3 ], \"weights\" : [ 1, 2.5, 1.5 ] } ]");
    TableModel model = ModelJson.fromJson(json, "weights.json");
    String written = ModelJson.toJson(model);
    TableModel read = ModelJson.fromJson(written, "written.json");

    // Whole weights without a fraction, the others as they are, three neighbours as a run; no
    // probabilities.
    assertThat(written)
        .contains("\"tuples\" : [ 0, 2 ],")
        .contains("\"tuples\" : [ [ 1, 3 ] ],")
        .contains("\"weights\" : [ 3, 1 ]")
        .contains("\"weights\" : [ 1, 2.5, 1.5 ]")
        .doesNotContain("\"probabilities\" : [ 0.75");
    assertThat(read.groups()).isEqualTo(model.groups());
    assertThat(ModelJson.toJson(read)).isEqualTo(written);
    Generated before = Generated.of(model, 11, 2000);
    Generated after = Generated.of(read, 11, 2000);
    for (int row = 0; row < 2000; row++) {
      assertThat(after.row(row)).isEqualTo(before.row(row));
    }
  }

  @Test
  void aDenseGroupStillWritesItsProbabilities() {
    TableModel model = GoldenGroupsTest.model();

    assertThat(model.groups().get(0).hasWeights()).isFalse();
    assertThat(ModelJson.toJson(model)).contains(DENSE);
  }

  @Test
  void malformedWeightsAreRefusedInOneLineNamingTheField() {
    assertRefused(
        "[ { \"tuples\" : [ 2, 0 ], \"weights\" : [ 1, 1 ] }, { \"tuples\" : [ 1 ], \"weights\" :"
            + " [ 1 ] } ]",
        "groups[0].components[0].tuples[1]",
        "must be a tuple index or a run [first, last] of them, above 2 and below the group's 4");
    assertRefused(
        "[ { \"tuples\" : [ 0, 4 ], \"weights\" : [ 1, 1 ] }, { \"tuples\" : [ 1 ], \"weights\" :"
            + " [ 1 ] } ]",
        "groups[0].components[0].tuples[1]",
        "got 4");
    assertRefused(
        "[ { \"tuples\" : [ 0, 1 ], \"weights\" : [ 1 ] }, { \"tuples\" : [ 1 ], \"weights\" :"
            + " [ 1 ] } ]",
        "groups[0].components[0]",
        "lists more tuples than its 1 weights");
    assertRefused(
        "[ { \"tuples\" : [ [ 0, 2 ] ], \"weights\" : [ 1, 1, 1, 1 ] }, { \"tuples\" : [ 1 ],"
            + " \"weights\" : [ 1 ] } ]",
        "groups[0].components[0]",
        "lists 3 tuples and 4 weights");
    assertRefused(
        "[ { \"tuples\" : [ [ 2, 1 ] ], \"weights\" : [ 1, 1 ] }, { \"tuples\" : [ 1 ],"
            + " \"weights\" : [ 1 ] } ]",
        "groups[0].components[0].tuples[0]",
        "above 2 and below the group's 4 tuples (indexes ascend), got 1");
    assertRefused(
        "[ { \"tuples\" : [ 0 ], \"weights\" : [ -1 ] }, { \"tuples\" : [ 1 ], \"weights\" :"
            + " [ 1 ] } ]",
        "groups",
        "weights are finite and >= 0");
    assertRefused(
        "[ { \"tuples\" : [ ], \"weights\" : [ ] }, { \"tuples\" : [ 1 ], \"weights\" : [ 1 ] } ]",
        "groups",
        "positive finite sum");
    assertRefused(
        "[ { \"tuples\" : [ 0 ], \"weights\" : [ 1 ] },"
            + " { \"probabilities\" : [ 0.1, 0.2, 0.3, 0.4 ] } ]",
        "groups[0].components",
        "give every component the same form");
    assertRefused(
        "[ { \"tuples\" : [ 0 ], \"weights\" : [ 1 ], \"probabilities\" : [ 1, 0, 0, 0 ] },"
            + " { \"tuples\" : [ 1 ], \"weights\" : [ 1 ] } ]",
        "groups[0].components[0]",
        "probabilities");
  }

  private static void assertRefused(String components, String field, String problem) {
    String json = withComponents(components);
    assertThatThrownBy(() -> ModelJson.fromJson(json, "bad.json"))
        .hasMessageContaining("bad.json")
        .hasMessageContaining(field)
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
