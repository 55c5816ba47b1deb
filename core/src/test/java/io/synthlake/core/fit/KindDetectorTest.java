package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KindDetectorTest {
  private static final int N = 344;

  /**
   * Palmer-penguins-like columns: species, island, bill length (mm, 1 decimal), body mass (g, int),
   * sex, year.
   */
  @Test
  void penguinLikeColumnsGetTheExpectedKinds() {
    SplittableRandom random = new SplittableRandom(8);
    String[] species = new String[N];
    String[] island = new String[N];
    double[] billLength = new double[N];
    double[] bodyMass = new double[N];
    boolean[] male = new boolean[N];
    double[] year = new double[N];
    String[] names = {"Adelie", "Gentoo", "Chinstrap"};
    for (int i = 0; i < N; i++) {
      int s = i % 7 < 3 ? 0 : i % 7 < 6 ? 1 : 2;
      species[i] = names[s];
      island[i] =
          s == 1 ? "Biscoe" : s == 2 ? "Dream" : random.nextBoolean() ? "Torgersen" : "Dream";
      billLength[i] = Math.round((39 + 5 * s + 3 * random.nextGaussian()) * 10) / 10.0;
      bodyMass[i] =
          25 * Math.round((3700 + 1300 * (s == 1 ? 1 : 0) + 450 * random.nextGaussian()) / 25);
      male[i] = random.nextBoolean();
      year[i] = 2007 + random.nextInt(3);
    }

    TableModel model =
        Samples.fitSingle(
                Samples.strings("species", species),
                Samples.strings("island", island),
                Samples.doubles("bill_length_mm", billLength),
                Samples.ints("body_mass_g", bodyMass),
                Samples.booleans("male", male),
                Samples.ints("year", year))
            .model();

    assertThat(model.column("species").kind()).isEqualTo(ColumnKind.CATEGORICAL);
    assertThat(((CategoricalColumn) model.column("species")).categories())
        .containsExactlyInAnyOrder("Adelie", "Gentoo", "Chinstrap");
    assertThat(model.column("island").kind()).isEqualTo(ColumnKind.CATEGORICAL);
    assertThat(model.column("bill_length_mm").kind()).isEqualTo(ColumnKind.CONTINUOUS);
    assertThat(model.column("body_mass_g").kind()).isEqualTo(ColumnKind.INTEGER);
    assertThat(model.column("male").kind()).isEqualTo(ColumnKind.BOOLEAN);
    assertThat(model.column("year").kind()).isEqualTo(ColumnKind.INTEGER);
  }

  @Test
  void temporalTypesAreDatesAndTimestamps() {
    double[] values = {1, 2, 3};

    assertThat(KindDetector.detect(Samples.numbers("d", DataType.of(LogicalType.DATE), values), 5))
        .isEqualTo(ColumnKind.DATE);
    assertThat(
            KindDetector.detect(
                Samples.numbers("t", DataType.of(LogicalType.TIMESTAMP), values), 5))
        .isEqualTo(ColumnKind.TIMESTAMP);
    assertThat(
            KindDetector.detect(
                Samples.numbers("t", DataType.of(LogicalType.TIMESTAMP_NTZ), values), 5))
        .isEqualTo(ColumnKind.TIMESTAMP);
  }

  @Test
  void uniqueIntegersAreKeysOnlyWithEnoughRowsOrAnIdName() {
    double[] unique100 = new double[100];
    double[] unique99 = new double[99];
    double[] unique30 = new double[30];
    for (int i = 0; i < 100; i++) {
      unique100[i] = 1000 + 3 * i;
      if (i < 99) {
        unique99[i] = unique100[i];
      }

      if (i < 30) {
        unique30[i] = unique100[i];
      }
    }

    assertThat(KindDetector.detect(Samples.ints("reading", unique100), 5))
        .isEqualTo(ColumnKind.KEY);
    assertThat(KindDetector.detect(Samples.ints("reading", unique99), 5))
        .isEqualTo(ColumnKind.INTEGER);
    assertThat(KindDetector.detect(Samples.ints("customer_id", unique30), 5))
        .isEqualTo(ColumnKind.KEY);
    assertThat(KindDetector.detect(Samples.ints("customerId", unique30), 5))
        .isEqualTo(ColumnKind.KEY);
    assertThat(KindDetector.detect(Samples.ints("customerID", unique30), 5))
        .isEqualTo(ColumnKind.KEY);
    assertThat(KindDetector.detect(Samples.ints("ORDER_ID", unique30), 5))
        .isEqualTo(ColumnKind.KEY);
    assertThat(KindDetector.detect(Samples.ints("id", unique30), 5)).isEqualTo(ColumnKind.KEY);
    assertThat(KindDetector.detect(Samples.ints("zip-code", unique30), 5))
        .isEqualTo(ColumnKind.KEY);
    // Words that merely end in "id" are not key names: an amount paid or a bid is a measurement.
    assertThat(KindDetector.detect(Samples.ints("paid", unique30), 5))
        .isEqualTo(ColumnKind.INTEGER);
    assertThat(KindDetector.detect(Samples.ints("amount_paid", unique30), 5))
        .isEqualTo(ColumnKind.INTEGER);
    assertThat(KindDetector.detect(Samples.ints("bid", unique30), 5)).isEqualTo(ColumnKind.INTEGER);
    // Doubles are never keys.
    assertThat(KindDetector.detect(Samples.doubles("reading", unique100), 5))
        .isEqualTo(ColumnKind.CONTINUOUS);
  }

  @Test
  void stringsAreCategoricalWhenFrequentValuesCoverNinetyPercent() {
    String[] covered = new String[100];
    String[] uncovered = new String[100];
    for (int i = 0; i < 100; i++) {
      // 91 rows in 7 frequent values, 9 rows unique.
      covered[i] = i < 91 ? "value " + (i % 7) : "unique " + i;
      uncovered[i] = i < 89 ? "value " + (i % 7) : "unique " + i;
    }

    assertThat(KindDetector.detect(Samples.strings("s", covered), 5))
        .isEqualTo(ColumnKind.CATEGORICAL);
    assertThat(KindDetector.detect(Samples.strings("s", uncovered), 5)).isEqualTo(ColumnKind.TEXT);
  }

  @Test
  void incompatibilityNamesTheNeededType() {
    assertThat(KindDetector.incompatibility(ColumnKind.CONTINUOUS, LogicalType.DECIMAL)).isNull();
    assertThat(KindDetector.incompatibility(ColumnKind.CONTINUOUS, LogicalType.DATE))
        .isEqualTo("needs a numeric type");
    assertThat(KindDetector.incompatibility(ColumnKind.KEY, LogicalType.DOUBLE))
        .contains("integer, decimal or string");
    assertThat(KindDetector.incompatibility(ColumnKind.CATEGORICAL, LogicalType.DOUBLE)).isNull();
  }
}
