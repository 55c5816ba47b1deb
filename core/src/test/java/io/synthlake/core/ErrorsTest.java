package io.synthlake.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.fit.DegeneratePolicy;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  @Test
  void aSettingIsNamedByItsApiNameInTheMessageAndByItsFlagOnTheCommandLine() {
    SynthlakeException error = Errors.notPositive(Setting.ROWS, 0);

    assertThat(error.getMessage())
        .isEqualTo("the row count of generate must be a positive whole number, got 0");
    assertThat(error.messageFor(Audience.API)).isEqualTo(error.getMessage());
    assertThat(error.messageFor(Audience.CLI))
        .isEqualTo("--rows must be a positive whole number, got 0");
  }

  @Test
  void aSettingWithAValueIsACallInTheApiAndAFlagWithItsValueOnTheCommandLine() {
    SynthlakeException error =
        SynthlakeException.of(
            "pass %s or %s",
            Setting.DEGENERATE.to(DegeneratePolicy.KEEP),
            Setting.KIND.to("amount", "ColumnKind.CONTINUOUS", ColumnKind.CONTINUOUS.jsonName()));

    assertThat(error.getMessage())
        .isEqualTo(
            "pass FitOptions.degenerate(DegeneratePolicy.KEEP) or FitOptions.kind(\"amount\", ColumnKind.CONTINUOUS)");
    assertThat(error.messageFor(Audience.CLI))
        .isEqualTo("pass --degenerate keep or --kind amount=continuous");
  }

  @Test
  void noMessageOfTheApiSpellsAFlag() {
    for (Setting setting : Setting.values()) {
      assertThat(setting.nameFor(Audience.API)).doesNotContain("--");
      assertThat(setting.toString()).isEqualTo(setting.nameFor(Audience.API));
    }
  }

  @Test
  void aMessageWithoutSettingsReadsTheSameForBoth() {
    SynthlakeException error = SynthlakeException.of("model %s is not valid JSON", "m.json");

    assertThat(error.messageFor(Audience.CLI))
        .isEqualTo(error.getMessage())
        .isEqualTo("model m.json is not valid JSON");
  }

  @Test
  void withinPrefixesBothRenderingsAndKeepsTheCause() {
    SynthlakeException error = Errors.negativeFirstRow(-1);
    SynthlakeException wrapped = error.within("spec.yaml");

    assertThat(wrapped.getMessage())
        .isEqualTo(
            "spec.yaml: GenerateOptions.withFirstRow must be 0 or a positive whole number, got -1");
    assertThat(wrapped.messageFor(Audience.CLI))
        .isEqualTo("spec.yaml: --first-row must be 0 or a positive whole number, got -1");
    assertThat(wrapped.getCause()).isSameAs(error);
  }

  @Test
  void aModelConstructorNamesTheColumnAndTheFieldInItsOwnExceptionType() {
    assertThatThrownBy(
            () ->
                CategoricalColumn.of(
                    "city",
                    DataType.of(LogicalType.STRING),
                    ColumnKind.CATEGORICAL,
                    List.of("a", "b"),
                    List.of(new double[] {1.0}),
                    new double[] {0},
                    null))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "column 'city': component 0 has 1 probabilities for 2 categories; give one probability per category")
        .satisfies(
            e -> {
              assertThat(((InvalidModelException) e).column()).isEqualTo("city");
              assertThat(((InvalidModelException) e).field()).isEqualTo("probabilities");
            });
    assertThatThrownBy(() -> KeyColumn.random("id", DataType.of(LogicalType.INT)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("column 'id': a random key needs the type long, not int")
        .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo("type"));
  }
}
