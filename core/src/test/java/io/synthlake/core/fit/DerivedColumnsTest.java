package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.format.SpecWriter;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.ConditionalModel;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Columns computed from others: found on the fit sample, kept as derived columns and computed at
 * generation from the generated inputs, so the relation holds in the rows generated.
 */
class DerivedColumnsTest {
  private static final int ROWS = 4_000;
  private static final int GENERATED = 20_000;

  private static TableModel fit(SampleColumn... columns) {
    return ModelFitter.fit(Samples.table(columns), FitSettings.defaults(), ScoreClusterer.single())
        .model();
  }

  /** Costs as in bird strikes: mostly zero, the total the sum of repair and other costs. */
  private static SampleColumn[] costs(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] repair = new double[ROWS];
    double[] other = new double[ROWS];
    double[] total = new double[ROWS];
    double[] speed = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      repair[row] =
          random.nextDouble() < 0.8 ? 0 : Math.rint(Math.exp(8 + 2 * random.nextGaussian()));
      other[row] =
          random.nextDouble() < 0.85 ? 0 : Math.rint(Math.exp(6 + 2 * random.nextGaussian()));
      total[row] = repair[row] + other[row];
      speed[row] = 100 + random.nextInt(200);
    }

    return new SampleColumn[] {
      Samples.ints("other", other),
      Samples.ints("repair", repair),
      Samples.ints("total", total),
      Samples.ints("speed", speed)
    };
  }

  @Test
  void anExactSumIsFoundAndHoldsInEveryGeneratedRow() {
    TableModel model = fit(costs(1));

    assertThat(model.derivations()).hasSize(1);
    assertThat(model.derivations().get(0).formula()).isEqualTo("total = other + repair");
    Generated rows = Generated.of(model, 7, GENERATED);
    CollectingSink total = rows.column("total");
    CollectingSink repair = rows.column("repair");
    CollectingSink other = rows.column("other");
    int nonZero = 0;
    for (int row = 0; row < GENERATED; row++) {
      assertThat(total.longValue(row))
          .as("row %d", row)
          .isEqualTo(repair.longValue(row) + other.longValue(row));
      nonZero += total.longValue(row) != 0 ? 1 : 0;
    }

    // The inputs keep their own shapes: about 1 - 0.8 * 0.85 = 32% of totals are not zero.
    assertThat((double) nonZero / GENERATED).isBetween(0.28, 0.36);
  }

  @Test
  void aDifferenceWithAConstantHoldingInMostRowsIsExactInTheGeneratedRows() {
    SplittableRandom random = new SplittableRandom(2);
    double[] education = new double[ROWS];
    double[] experience = new double[ROWS];
    double[] age = new double[ROWS];
    double[] wage = new double[ROWS];
    int broken = 0;
    for (int row = 0; row < ROWS; row++) {
      education[row] = 8 + random.nextInt(11);
      experience[row] = random.nextInt(45);
      age[row] = experience[row] + education[row] + 6;
      if (random.nextDouble() < 0.004) {
        age[row] += 1 + random.nextInt(3); // a few survey answers that do not add up
        broken++;
      }

      wage[row] =
          Math.rint(100 * Math.exp(2 + 0.02 * experience[row] + 0.3 * random.nextGaussian())) / 100;
    }

    assertThat(broken).isPositive();
    TableModel model =
        fit(
            Samples.ints("education", education),
            Samples.ints("experience", experience),
            Samples.doubles("wage", wage),
            Samples.ints("age", age));

    assertThat(model.derivations()).hasSize(1);
    Derivation derivation = model.derivations().get(0);
    assertThat(derivation.exact()).isTrue();
    // Which of the three columns is derived is a choice (sums first); the relation is the same.
    assertThat(derivation.formula()).isEqualTo("age = education + experience + 6");
    Generated rows = Generated.of(model, 3, GENERATED);
    for (int row = 0; row < GENERATED; row++) {
      assertThat(rows.column("age").longValue(row))
          .isEqualTo(
              rows.column("education").longValue(row)
                  + rows.column("experience").longValue(row)
                  + 6);
    }
  }

  /**
   * Weather readings: Celsius and Fahrenheit each rounded to a tenth from the same temperature (so
   * F is 1.8 C + 32 only within both roundings), a price in dollars and cents, and humidity.
   */
  private static SampleColumn[] readings(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] celsius = new double[ROWS];
    double[] fahrenheit = new double[ROWS];
    double[] dollars = new double[ROWS];
    double[] cents = new double[ROWS];
    double[] humidity = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      double temperature = 12 + 9 * random.nextGaussian();
      celsius[row] = Math.rint(10 * temperature) / 10;
      fahrenheit[row] = Math.rint(10 * (1.8 * temperature + 32)) / 10;
      dollars[row] = Math.rint(100 * Math.exp(1 + random.nextGaussian())) / 100;
      cents[row] = Math.rint(100 * dollars[row]);
      humidity[row] = Math.rint(40 + 50 * random.nextDouble());
    }

    return new SampleColumn[] {
      Samples.doubles("celsius", celsius),
      Samples.doubles("fahrenheit", fahrenheit),
      Samples.doubles("dollars", dollars),
      Samples.ints("cents", cents),
      Samples.ints("humidity", humidity)
    };
  }

  @Test
  void aScaleOfOneColumnPlusAConstantIsFoundAndHoldsInEveryGeneratedRow() {
    TableModel model = fit(readings(4));

    assertThat(model.derivations())
        .extracting(Derivation::formula)
        .containsExactlyInAnyOrder("fahrenheit = 1.8 · celsius + 32", "cents = 100 · dollars");
    Generated rows = Generated.of(model, 9, GENERATED);
    CollectingSink celsius = rows.column("celsius");
    CollectingSink fahrenheit = rows.column("fahrenheit");
    CollectingSink dollars = rows.column("dollars");
    CollectingSink cents = rows.column("cents");
    for (int row = 0; row < GENERATED; row++) {
      // Computed from the generated Celsius and rounded to Fahrenheit's tenth.
      assertThat(fahrenheit.doubleValue(row))
          .as("row %d", row)
          .isCloseTo(1.8 * celsius.doubleValue(row) + 32, within(0.05 + 1e-9));
      assertThat(cents.longValue(row)).isEqualTo(Math.round(100 * dollars.doubleValue(row)));
    }

    // The round trip through a file keeps the scales and the rows.
    TableModel read = ModelJson.fromJson(ModelJson.toJson(model), "readings.json");
    assertThat(read.derivations()).isEqualTo(model.derivations());
    Generated again = Generated.of(read, 9, 2_000);
    for (int row = 0; row < 2_000; row++) {
      assertThat(again.row(row)).isEqualTo(rows.row(row));
    }
  }

  @Test
  void aScaleThatHoldsOnlyBeyondTheColumnsRoundingIsNotExact() {
    SplittableRandom random = new SplittableRandom(6);
    double[] x = new double[ROWS];
    double[] y = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      x[row] = Math.rint(1000 * random.nextDouble()) / 10;
      // 2.5 x + 3 with an error of up to 2 in a column of tenths: a trend, not a formula.
      y[row] = Math.rint(10 * (2.5 * x[row] + 3 + 4 * (random.nextDouble() - 0.5))) / 10;
    }

    assertThat(fit(Samples.doubles("x", x), Samples.doubles("y", y)).derivations()).isEmpty();
  }

  /** Diamonds: the carat weight is about 0.0061 times the product of the three dimensions. */
  private static SampleColumn[] diamonds(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[ROWS];
    double[] y = new double[ROWS];
    double[] z = new double[ROWS];
    double[] carat = new double[ROWS];
    double[] price = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      x[row] = Math.rint(100 * (4 + 4 * random.nextDouble())) / 100;
      y[row] = Math.rint(100 * x[row] * (0.85 + 0.3 * random.nextDouble())) / 100;
      z[row] = Math.rint(100 * x[row] * (0.5 + 0.2 * random.nextDouble())) / 100;
      carat[row] =
          Math.rint(100 * 0.0061 * x[row] * y[row] * z[row] * (1 + 0.01 * random.nextGaussian()))
              / 100;
      price[row] =
          Math.rint(4000 * Math.pow(carat[row], 1.7) * Math.exp(0.4 * random.nextGaussian()));
    }

    return new SampleColumn[] {
      Samples.doubles("carat", carat),
      Samples.ints("price", price),
      Samples.doubles("x", x),
      Samples.doubles("y", y),
      Samples.doubles("z", z)
    };
  }

  @Test
  void aProductOfDimensionsIsFoundAndHoldsWithinItsTolerance() {
    TableModel model = fit(diamonds(3));

    assertThat(model.derivations()).hasSize(1);
    Derivation derivation = model.derivations().get(0);
    assertThat(derivation.target()).isEqualTo("carat");
    assertThat(derivation.form()).isEqualTo(Derivation.Form.LOG_LINEAR);
    assertThat(derivation.inputs()).containsExactly("x", "y", "z");
    assertThat(derivation.coefficients()).containsExactly(1, 1, 1);
    assertThat(Math.exp(derivation.constant())).isBetween(0.0059, 0.0063);
    assertThat(derivation.tolerance()).isLessThanOrEqualTo(0.05);
    Generated rows = Generated.of(model, 4, GENERATED);
    int within = 0;
    for (int row = 0; row < GENERATED; row++) {
      double formula =
          Math.exp(derivation.constant())
              * rows.column("x").doubleValue(row)
              * rows.column("y").doubleValue(row)
              * rows.column("z").doubleValue(row);
      double carat = rows.column("carat").doubleValue(row);
      within += Math.abs(carat / formula - 1) <= derivation.tolerance() ? 1 : 0;
    }

    // At least the 99% the fit required of the real rows: the residual is drawn from theirs.
    assertThat((double) within / GENERATED).isGreaterThanOrEqualTo(0.99);
  }

  /**
   * No relation is found among independent columns: small whole numbers (which a sum matches by
   * chance in about one row in ten), mostly-zero counts (which a sum of zeros matches in most
   * rows), a nearly constant column and positive reals of narrow spread (which any product matches
   * within 10%). Over 20 tables (7,000 candidate relations each) none is found: a chance relation
   * must hold in 99% of at least 20 informative rows and fail a shuffle test, which independent
   * columns do with a probability far below 1e-20 per candidate.
   */
  @Test
  void independentColumnsHaveNoRelation() {
    int found = 0;
    for (long seed = 0; seed < 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<SampleColumn> columns = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        double[] dice = new double[ROWS];
        double[] counts = new double[ROWS];
        for (int row = 0; row < ROWS; row++) {
          dice[row] = 1 + random.nextInt(6);
          counts[row] = random.nextDouble() < 0.97 ? 0 : 1 + random.nextInt(2);
        }

        columns.add(Samples.ints("dice" + c, dice));
        columns.add(Samples.ints("count" + c, counts));
      }

      for (int c = 0; c < 3; c++) {
        double[] narrow = new double[ROWS];
        for (int row = 0; row < ROWS; row++) {
          narrow[row] = 100 + 5 * random.nextDouble();
        }

        columns.add(Samples.doubles("narrow" + c, narrow));
      }

      double[] nearlyConstant = new double[ROWS];
      for (int row = 0; row < ROWS; row++) {
        nearlyConstant[row] = random.nextDouble() < 0.995 ? 5 : 6;
      }

      columns.add(Samples.ints("nearly_constant", nearlyConstant));
      TableModel model = fit(columns.toArray(SampleColumn[]::new));
      found += model.derivations().size();
    }

    assertThat(found).isZero();
  }

  @Test
  void aRelationHoldsWhereItsInputsArePresentAndTheTargetIsNullWhereOneIsNull() {
    SampleColumn[] costs = costs(5);
    SplittableRandom random = new SplittableRandom(6);
    double[] repair = new double[ROWS];
    boolean[] repairNulls = new boolean[ROWS];
    double[] total = new double[ROWS];
    boolean[] totalNulls = new boolean[ROWS];
    int nulls = 0;
    for (int row = 0; row < ROWS; row++) {
      repair[row] = costs[1].number(row);
      total[row] = costs[2].number(row);
      if (random.nextDouble() < 0.1) {
        repairNulls[row] = true;
        totalNulls[row] = true;
        nulls++;
      }
    }

    DataType type = DataType.of(LogicalType.INT);
    TableModel model =
        fit(
            costs[0],
            SampleColumn.numbers("repair", type, repair, repairNulls),
            SampleColumn.numbers("total", type, total, totalNulls),
            costs[3]);

    assertThat(model.derivations()).hasSize(1);
    assertThat(model.derivations().get(0).target()).isEqualTo("total");
    Generated rows = Generated.of(model, 8, GENERATED);
    int nullTotals = 0;
    for (int row = 0; row < GENERATED; row++) {
      if (rows.column("repair").isNull(row)) {
        assertThat(rows.column("total").isNull(row)).as("row %d", row).isTrue();
      } else if (!rows.column("total").isNull(row)) {
        assertThat(rows.column("total").longValue(row))
            .isEqualTo(rows.column("repair").longValue(row) + rows.column("other").longValue(row));
      }

      nullTotals += rows.column("total").isNull(row) ? 1 : 0;
    }

    // The residual's null share is drawn on top of the null inputs, so a little more than the real
    // 10% (at most twice as much, when the copula does not tie the two nulls at all).
    assertThat((double) nullTotals / GENERATED)
        .isBetween((double) nulls / ROWS - 0.01, 2.0 * nulls / ROWS);
  }

  @Test
  void aDerivedColumnWrittenAloneHasTheValuesItHasBesideItsInputs() {
    TableModel model = fit(costs(9));

    Generated all = Generated.of(model, 11, 10_000);
    Generated alone = Generated.pruned(model, 11, 10_000, name -> name.equals("total"));
    for (int row = 0; row < 10_000; row++) {
      assertThat(alone.column("total").longValue(row))
          .isEqualTo(all.column("total").longValue(row));
    }
  }

  @Test
  void aFittedModelWithRelationsRoundTripsThroughItsFileAsVersion2() {
    TableModel model = fit(diamonds(12));
    String text = ModelJson.toJson(model);

    assertThat(text).contains("\"format-version\" : 2").contains("\"derived\" : [");
    TableModel read = ModelJson.fromJson(text, "m.json");
    assertThat(read.derivations()).isEqualTo(model.derivations());
    assertThat(ModelJson.toJson(read)).isEqualTo(text);
    Generated before = Generated.of(model, 5, 5_000);
    Generated after = Generated.of(read, 5, 5_000);
    for (int row = 0; row < 5_000; row++) {
      assertThat(after.row(row)).isEqualTo(before.row(row));
    }
  }

  @Test
  void aFileWhoseRelationsFormACycleOrNameAnUnknownFormFailsNamingTheColumn() {
    String text = ModelJson.toJson(fit(costs(1)));
    String cycle =
        text.replace(
            "\"derived\" : [ {",
            "\"derived\" : [ {\n    \"column\" : \"other\",\n    \"form\" : \"linear\",\n"
                + "    \"inputs\" : [ \"total\" ],\n    \"coefficients\" : [ 1.0 ],\n"
                + "    \"constant\" : 0.0,\n    \"tolerance\" : 0.0\n  }, {");
    String badForm = text.replace("\"form\" : \"linear\"", "\"form\" : \"cubic\"");

    assertThatThrownBy(() -> ModelJson.fromJson(cycle, "m.json"))
        .hasMessageContaining("m.json")
        .hasMessageContaining("derived column 'other' reads 'total', which is derived later");
    assertThatThrownBy(() -> ModelJson.fromJson(badForm, "m.json"))
        .hasMessageContaining("m.json: derived[0].form: is 'cubic'; use linear or log-linear");
  }

  @Test
  void anExportedModelGeneratesItsRowsAsASpecWithItsRelations() {
    TableModel model = fit(costs(13));
    String yaml = SpecWriter.toYaml(model);

    assertThat(yaml).contains("derived:");
    TableModel spec = SpecCompiler.read(yaml, "export.yaml", 42, 5_000).model();
    assertThat(spec.derivations()).isEqualTo(model.derivations());
    Generated fromModel = Generated.of(model, 5, 5_000);
    Generated fromSpec = Generated.of(spec, 5, 5_000);
    for (int row = 0; row < 5_000; row++) {
      assertThat(fromSpec.row(row)).isEqualTo(fromModel.row(row));
    }
  }

  @Test
  void aConditionOnAnInputKeepsTheRelationAndOneOnTheDerivedColumnFailsInOneLine() {
    TableModel model = fit(costs(14));
    TableModel conditioned = ConditionalModel.of(model, "repair > 1000");

    Generated rows = Generated.of(conditioned, 6, 5_000);
    for (int row = 0; row < 5_000; row++) {
      assertThat(rows.column("repair").longValue(row)).isGreaterThan(1000);
      assertThat(rows.column("total").longValue(row))
          .isEqualTo(rows.column("repair").longValue(row) + rows.column("other").longValue(row));
    }

    assertThatThrownBy(() -> ConditionalModel.of(model, "total > 1000"))
        .hasMessage(
            "condition on column 'total': it is derived (total = other + repair), computed from its "
                + "inputs in every row, so it cannot be conditioned; condition on its inputs instead");
  }

  @Test
  void derivingCanBeTurnedOff() {
    TableModel model =
        ModelFitter.fit(
                Samples.table(costs(1)),
                FitSettings.builder().withoutDerivedColumns().build(),
                ScoreClusterer.single())
            .model();

    assertThat(model.derivations()).isEmpty();
  }
}
