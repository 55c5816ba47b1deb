package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shared every-kind fixture really has every kind, so the tests built on it cover what they
 * claim.
 */
class TableFixturesTest {
  @Test
  void everyKindModelHasEveryColumnKindAndThreeComponents() {
    TableModel model = TableFixtures.everyKind();

    assertThat(model.columns().stream().map(ColumnModel::name).collect(Collectors.toList()))
        .isEqualTo(TableFixtures.everyKindColumns());
    assertThat(model.columns().stream().map(ColumnModel::kind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(ColumnKind.values());
    assertThat(model.dependence().componentCount()).isEqualTo(TableFixtures.COMPONENTS);
    assertThat(((KeyColumn) model.column("id")).style()).isEqualTo(KeyColumn.Style.SEQUENCE);
    assertThat(((KeyColumn) model.column("ref")).style()).isEqualTo(KeyColumn.Style.UUID);
    assertThat(((KeyColumn) model.column("account")).style()).isEqualTo(KeyColumn.Style.CODE);
    assertThat(((NumericColumn) model.column("amount")).components().get(0).marginal())
        .isInstanceOf(EmpiricalMarginal.class);
    assertThat(((NumericColumn) model.column("amount")).components().get(0).nullShare())
        .isBetween(0.05, 0.15);
    assertThat(((NumericColumn) model.column("score")).components().get(1).marginal())
        .isInstanceOf(GaussianMixtureMarginal.class);
    assertThat(model.column("quantity").kind()).isEqualTo(ColumnKind.INTEGER);
    assertThat(((CategoricalColumn) model.column("city")).categories()).contains("_RARE_");
    assertThat(((CategoricalColumn) model.column("note")).composer().words()).hasSize(10);
  }
}
