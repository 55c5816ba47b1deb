package io.synthlake.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.generate.EdgeCases;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A spec's {@code edge-cases} block: read into the spec, and one-line errors naming the field. */
class SpecEdgeCasesTest {
  private static final String COLUMNS =
      """
      columns:
        - {name: id, type: long, key: {style: sequence}}
        - {name: amount, type: double, distribution: {type: normal, mean: 70, sd: 12}}
        - {name: name, type: string, distribution: {type: categories, weights: {Ann: 0.5, Bo: 0.5}}}
      """;

  private static Spec read(String block) {
    return SpecCompiler.read(COLUMNS + block, "shop.yaml", 42, 1000);
  }

  @Test
  void theBlockGivesShareColumnsAndNotNullColumns() {
    EdgeCases edgeCases =
        read("edge-cases: {share: 0.01, columns: [amount, name], not-null: [name]}\n").edgeCases();

    assertThat(edgeCases.share()).isEqualTo(0.01);
    assertThat(edgeCases.columns()).isEqualTo(Set.of("amount", "name"));
    assertThat(edgeCases.notNull()).isEqualTo(Set.of("name"));
    assertThat(read("").edgeCases()).isNull();
  }

  @Test
  void badBlocksFailNamingTheField() {
    assertThatThrownBy(() -> read("edge-cases: {share: 1.5}\n"))
        .hasMessage(
            "shop.yaml: edge-cases.share: must be a share of rows in [0, 1] such as 0.01, got 1.5");
    assertThatThrownBy(() -> read("edge-cases: {share: lots}\n"))
        .hasMessageContaining("edge-cases.share: must be a number");
    assertThatThrownBy(() -> read("edge-cases: 0.01\n"))
        .hasMessageContaining("edge-cases: must be a mapping such as {share: 0.01}");
    assertThatThrownBy(() -> read("edge-cases: {share: 0.1, columns: [amont]}\n"))
        .hasMessageContaining("edge-cases.columns[0]: 'amont' is not a generated column");
    assertThatThrownBy(() -> read("edge-cases: {share: 0.1, not-null: [id]}\n"))
        .hasMessageContaining("edge-cases.not-null[0]: 'id' is a key column");
    assertThatThrownBy(() -> read("edge-cases: {share: 0.1, rows: 5}\n"))
        .hasMessageContaining("edge-cases.rows: is not a known field here");
  }
}
