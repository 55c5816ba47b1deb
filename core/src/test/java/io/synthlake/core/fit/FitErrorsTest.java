package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.Audience;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What fitting rejects, and the messages that tell the user what to do. */
class FitErrorsTest {
  private static double[] sequence(int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = (i * 37 % 101) / 10.0;
    }

    return values;
  }

  private static FitResult fit(FitSettings settings, SampleColumn... columns) {
    return ModelFitter.fit(Samples.table(columns), settings, ScoreClusterer.single());
  }

  @Test
  void noRows() {
    assertThatThrownBy(() -> Samples.fitSingle(Samples.doubles("x", new double[0])))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("no rows");
  }

  @Test
  void aColumnThatIsNullInEveryRow() {
    boolean[] allNull = new boolean[50];
    Arrays.fill(allNull, true);
    SampleColumn x =
        SampleColumn.numbers("x", DataType.of(LogicalType.DOUBLE), new double[50], allNull);

    assertThatThrownBy(() -> Samples.fitSingle(Samples.doubles("ok", sequence(50)), x))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("column 'x'")
        .hasMessageContaining("null in all 50 sampled rows")
        .hasMessageContaining(
            "pass FitOptions.degenerate(DegeneratePolicy.KEEP) to reproduce it as is (or "
                + "FitOptions.degenerate(DegeneratePolicy.DROP) to leave out")
        .satisfies(
            e ->
                assertThat(((SynthlakeException) e).messageFor(Audience.CLI))
                    .contains(
                        "pass --degenerate keep to reproduce it as is (or --degenerate drop to leave out"));
    assertThatThrownBy(() -> Samples.fitSingle(Samples.strings("s", new String[20])))
        .hasMessageContaining("column 's'")
        .hasMessageContaining("null in all");
  }

  @Test
  void aConstantColumn() {
    double[] fives = new double[50];
    Arrays.fill(fives, 5.0);

    assertThatThrownBy(
            () ->
                Samples.fitSingle(
                    Samples.doubles("ok", sequence(50)), Samples.doubles("five", fives)))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("column 'five'")
        .hasMessageContaining("single value");
  }

  @Test
  void nanOrInfinityInADoubleColumn() {
    double[] values = sequence(50);
    values[3] = Double.NaN;
    values[7] = Double.POSITIVE_INFINITY;

    assertThatThrownBy(() -> Samples.fitSingle(Samples.doubles("ratio", values)))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("column 'ratio'")
        .hasMessageContaining("2 NaN or infinite");
  }

  @Test
  void aNaNBehindTheNullMaskIsNotAnError() {
    double[] values = sequence(50);
    values[3] = Double.NaN;
    boolean[] nulls = new boolean[50];
    nulls[3] = true;

    TableModel model =
        Samples.fitSingle(SampleColumn.numbers("x", DataType.of(LogicalType.DOUBLE), values, nulls))
            .model();

    assertThat(model.columns()).hasSize(1);
  }

  @Test
  void overridesNamingAMissingColumn() {
    FitSettings kindOverride = FitSettings.builder().kind("amount", ColumnKind.CONTINUOUS).build();
    FitSettings marginalOverride =
        FitSettings.builder().marginal("price", MarginalFamily.GAUSSIAN_MIXTURE).build();

    assertThatThrownBy(() -> fit(kindOverride, Samples.doubles("x", sequence(50))))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("column 'amount'")
        .hasMessageContaining("does not have")
        .hasMessageContaining("its columns are x");
    assertThatThrownBy(() -> fit(marginalOverride, Samples.doubles("x", sequence(50))))
        .hasMessageContaining("column 'price'")
        .hasMessageContaining("does not have");
  }

  @Test
  void anIncompatibleKindOverride() {
    String[] names = new String[50];
    Arrays.setAll(names, i -> "n" + (i % 3));
    FitSettings dateOnString = FitSettings.builder().kind("name", ColumnKind.DATE).build();
    FitSettings booleanOnDouble = FitSettings.builder().kind("x", ColumnKind.BOOLEAN).build();

    assertThatThrownBy(() -> fit(dateOnString, Samples.strings("name", names)))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("column 'name' cannot be of kind date")
        .hasMessageContaining("needs a date type")
        .hasMessageContaining("string");
    assertThatThrownBy(() -> fit(booleanOnDouble, Samples.doubles("x", sequence(50))))
        .hasMessageContaining("column 'x' cannot be of kind boolean");
  }

  @Test
  void keepReproducesAConstantColumn() {
    double[] fives = new double[200];
    Arrays.fill(fives, 5.0);
    String[] same = new String[200];
    Arrays.fill(same, "EU");
    FitSettings keep = FitSettings.builder().degenerate(DegeneratePolicy.KEEP).build();

    FitResult result =
        fit(
            keep,
            Samples.doubles("x", sequence(200)),
            Samples.doubles("five", fives),
            Samples.strings("region", same));

    assertThat(result.warnings()).isEmpty();
    assertThat(result.model().columns())
        .extracting(c -> c.name())
        .containsExactly("x", "five", "region");
    Generated rows = Generated.of(result.model(), 1, 5000);
    CollectingSink five = rows.column("five");
    CollectingSink region = rows.column("region");
    for (int row = 0; row < 5000; row++) {
      assertThat(five.doubleValue(row)).isEqualTo(5.0);
      assertThat(region.string(row)).isEqualTo("EU");
    }
  }

  @Test
  void keepReproducesAnAllNullColumnAsNulls() {
    boolean[] allNull = new boolean[200];
    Arrays.fill(allNull, true);
    FitSettings keep = FitSettings.builder().degenerate(DegeneratePolicy.KEEP).build();

    FitResult result =
        fit(
            keep,
            Samples.doubles("x", sequence(200)),
            SampleColumn.numbers("empty", DataType.of(LogicalType.INT), new double[200], allNull),
            Samples.strings("note", new String[200]));

    Generated rows = Generated.of(result.model(), 1, 5000);
    for (int row = 0; row < 5000; row++) {
      assertThat(rows.column("empty").isNull(row)).isTrue();
      assertThat(rows.column("note").isNull(row)).isTrue();
    }
  }

  @Test
  void dropLeavesDegenerateColumnsOutWithAWarning() {
    double[] fives = new double[200];
    Arrays.fill(fives, 5.0);
    FitSettings drop = FitSettings.builder().degenerate(DegeneratePolicy.DROP).build();

    FitResult result =
        fit(
            drop,
            Samples.doubles("x", sequence(200)),
            Samples.doubles("five", fives),
            Samples.strings("blank", new String[200]));

    assertThat(result.model().columns()).extracting(c -> c.name()).containsExactly("x");
    assertThat(result.warnings()).hasSize(2);
    assertThat(result.warnings().get(0))
        .contains("column 'five'")
        .contains("single value")
        .contains("dropped");
    assertThat(result.warnings().get(1))
        .contains("column 'blank'")
        .contains("null in all 200")
        .contains("dropped");
    assertThat(result.model().dependence().dimension()).isEqualTo(1);
  }

  @Test
  void dropOfEveryColumnIsAnError() {
    double[] fives = new double[200];
    Arrays.fill(fives, 5.0);
    FitSettings drop = FitSettings.builder().degenerate(DegeneratePolicy.DROP).build();

    assertThatThrownBy(() -> fit(drop, Samples.doubles("five", fives)))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("no column is left");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> FitSettings.builder().maxModes(0).build())
        .hasMessageContaining("max modes must be 1 to 50");
    assertThatThrownBy(() -> FitSettings.builder().rareCount(0).build())
        .hasMessageContaining("rare-category threshold");
    assertThatThrownBy(() -> DegeneratePolicy.parse("sometimes", "--degenerate"))
        .hasMessageContaining("--degenerate: unknown value 'sometimes'");
    assertThat(DegeneratePolicy.parse(" Keep ", "x")).isEqualTo(DegeneratePolicy.KEEP);
    assertThat(MarginalFamily.parse("gaussian-mixture", "x"))
        .isEqualTo(MarginalFamily.GAUSSIAN_MIXTURE);
    assertThatThrownBy(() -> MarginalFamily.parse("kde", "--marginal"))
        .hasMessageContaining("unknown marginal 'kde'");
  }

  @Test
  void sampleColumnsMustAgreeInLength() {
    List<SampleColumn> columns =
        List.of(Samples.doubles("a", new double[3]), Samples.doubles("b", new double[4]));

    assertThatThrownBy(() -> SampleTable.of(columns))
        .hasMessageContaining("column 'b' has 4 rows, expected 3");
    assertThatThrownBy(() -> SampleTable.of(List.of())).hasMessageContaining("no columns");
    assertThat(columns.stream().map(SampleColumn::name).collect(Collectors.toList()))
        .containsExactly("a", "b");
  }
}
