package io.synthlake.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableModelTest {
  private static NumericColumn numeric(String name, int components) {
    NumericDistribution distribution =
        NumericDistribution.of(
            0, EmpiricalMarginal.of(new double[0], new double[0], new double[] {0, 1}));
    return NumericColumn.of(
        name,
        DataType.of(LogicalType.DOUBLE),
        ColumnKind.CONTINUOUS,
        NumericFormat.of(0, 1, 0, -1),
        java.util.Collections.nCopies(components, distribution));
  }

  @Test
  void copulaIndexesSkipKeys() {
    KeyColumn id = KeyColumn.sequence("id", DataType.of(LogicalType.LONG), 1, 1, "", 0);
    TableModel model =
        TableModel.of(
            List.of(numeric("a", 1), id, numeric("b", 1)),
            GaussianCopulaMixture.independent(2),
            Map.of());

    assertThat(model.copulaIndex(0)).isZero();
    assertThat(model.copulaIndex(1)).isEqualTo(-1);
    assertThat(model.copulaIndex(2)).isEqualTo(1);
    assertThat(model.column("b").name()).isEqualTo("b");
  }

  @Test
  void inconsistentModelsAreRejectedNamingTheColumn() {
    assertThatThrownBy(
            () ->
                TableModel.of(
                    List.of(numeric("a", 1), numeric("a", 1)),
                    GaussianCopulaMixture.independent(2),
                    Map.of()))
        .hasMessageContaining("column 'a' appears twice");
    assertThatThrownBy(
            () ->
                TableModel.of(
                    List.of(numeric("a", 1)), GaussianCopulaMixture.independent(2), Map.of()))
        .hasMessageContaining("covers 2 columns but the model has 1 non-key columns");
    assertThatThrownBy(
            () ->
                TableModel.of(
                    List.of(numeric("a", 2)), GaussianCopulaMixture.independent(1), Map.of()))
        .hasMessageContaining(
            "column 'a' has 2 component distributions but the dependence model has 1");
    TableModel model =
        TableModel.of(List.of(numeric("a", 1)), GaussianCopulaMixture.independent(1), Map.of());
    assertThatThrownBy(() -> model.column("b"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("no column 'b'; its columns are a");
  }

  @Test
  void columnModelsValidateTheirParts() {
    assertThatThrownBy(
            () ->
                CategoricalColumn.of(
                    "c",
                    DataType.of(LogicalType.STRING),
                    ColumnKind.CATEGORICAL,
                    List.of("x", "y"),
                    List.of(new double[] {0.5}),
                    new double[] {0},
                    null))
        .hasMessageContaining("column 'c': component 0 has 1 probabilities for 2 categories");
    assertThatThrownBy(
            () ->
                CategoricalColumn.of(
                    "t",
                    DataType.of(LogicalType.STRING),
                    ColumnKind.TEXT,
                    List.of("x"),
                    List.of(new double[] {1}),
                    new double[] {0},
                    null))
        .hasMessageContaining("column 't': text columns, and only they, need a text composer");
    assertThatThrownBy(
            () -> TextComposer.of(List.of("a"), new double[] {1}, new double[] {0.5, 0.4}))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> KeyColumn.code("k", DataType.of(LogicalType.STRING), "", "AB"))
        .hasMessageContaining("column 'k': code template 'AB'");
    assertThatThrownBy(() -> KeyColumn.uuid("k", DataType.of(LogicalType.LONG)))
        .hasMessageContaining("column 'k': a uuid key needs a string type");
    assertThatThrownBy(
            () ->
                GaussianCopulaMixture.of(
                    new double[] {0.5, 0.6}, List.of(new double[][] {{1}}, new double[][] {{1}})))
        .hasMessageContaining("sum to 1");
    assertThat(KeyColumn.code("k", DataType.of(LogicalType.STRING), "", "A99x").capacity())
        .isEqualTo(26L * 10 * 10 * 36);
  }
}
