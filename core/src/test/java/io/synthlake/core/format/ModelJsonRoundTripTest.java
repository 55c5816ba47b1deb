package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.fit.TableFixtures;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.types.ColumnKind;
import org.junit.jupiter.api.Test;

class ModelJsonRoundTripTest {
  @Test
  void aModelWithEveryColumnKindRoundTripsByteForByte() {
    TableModel model = TableFixtures.everyKind();

    String json = ModelJson.toJson(model);
    TableModel read = ModelJson.fromJson(json, "test.json");

    assertThat(ModelJson.toJson(read)).isEqualTo(json);
    assertThat(json)
        .contains(
            "\"family\" : \"gaussian-mixture\"",
            "\"family\" : \"empirical\"",
            "\"style\" : \"uuid\"",
            "\"style\" : \"code\"",
            "\"style\" : \"sequence\"",
            "\"word-weights\"",
            "\"_RARE_\"",
            "\"type\" : \"decimal(10,2)\"",
            "\"type\" : \"timestamp\"",
            "\"type\" : \"date\"");
    assertThat(read.dependence().componentCount()).isEqualTo(TableFixtures.COMPONENTS);
    assertThat(read.column("note").kind()).isEqualTo(ColumnKind.TEXT);
    assertThat(((KeyColumn) read.column("account")).template())
        .isEqualTo(((KeyColumn) model.column("account")).template());
    assertThat(read.properties()).isEqualTo(model.properties());
  }

  @Test
  void rebalanceSharesWriteBackAsGiven() {
    // Stored as (1 - null share) * share and divided back, 0.55 came out as 0.5499999999999999 at a
    // null share of 0.01.
    TableModel model =
        SpecCompiler.read(
                String.join(
                    "\n",
                    "columns:",
                    "  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 1}}",
                    "  - {name: flag, type: string, null-share: 0.01, distribution: {type: categories, weights: {a: 0.5, b: 0.5}}}",
                    "rebalance: {column: flag, shares: {a: 0.45, b: 0.55}}"),
                "rebalanced.yaml",
                1,
                100)
            .model();

    String json = ModelJson.toJson(model);
    assertThat(json).contains("0.45", "0.55").doesNotContain("0.5499999");
    assertThat(ModelJson.toJson(ModelJson.fromJson(json, "rebalanced.json"))).isEqualTo(json);
  }

  @Test
  void aModelReadBackGeneratesTheSameRows() {
    TableModel model = TableFixtures.everyKind();
    TableModel read = ModelJson.fromJson(ModelJson.toJson(model), "test.json");

    Generated original = Generated.of(model, 3, 5000);
    Generated again = Generated.of(read, 3, 5000);

    for (int row = 0; row < 5000; row++) {
      assertThat(again.row(row)).as("row %d", row).isEqualTo(original.row(row));
    }
  }
}
