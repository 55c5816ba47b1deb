package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.ConditionalModel;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TimeOfDay;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A timestamp's time of day, fitted apart from its date and joined again at generation: a planted
 * flights table in New York whose departures peak by airline, with a few red-eye flights, over two
 * years that cross the clock changes four times.
 */
class TimeOfDayFitTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final int ROWS = 4_000;
  private static final int GENERATED = 20_000;
  private static final String[] AIRLINES = {"AA", "BB", "CC"};

  /**
   * Two years of departures: more days than a marginal of whole instants has knots, so that it
   * cannot resolve each day's hours (as on real tables spanning years).
   */
  private static final int DAYS = 730;

  private static SampleColumn airline;
  private static SampleColumn departure;
  private static TableModel model;
  private static Generated rows;

  /** Minutes on a five-minute grid, on the hour and half past more often. */
  private static int minute(SplittableRandom random) {
    double u = random.nextDouble();
    return u < 0.3 ? 0 : u < 0.5 ? 30 : 5 * random.nextInt(12);
  }

  private static int hour(String airline, SplittableRandom random) {
    switch (airline) {
      case "AA":
        return (int) Math.max(6, Math.min(21, Math.rint(8 + 1.5 * random.nextGaussian())));
      case "BB":
        return random.nextDouble() < 0.3 ? 17 : 6 + random.nextInt(16);
      default:
        // Red-eye flights: 8% of this airline's departures between 0:00 and 4:59.
        return random.nextDouble() < 0.08
            ? random.nextInt(5)
            : (int) Math.max(6, Math.min(23, Math.rint(19 + 2 * random.nextGaussian())));
    }
  }

  @BeforeAll
  static void fit() {
    SplittableRandom random = new SplittableRandom(5);
    String[] airlines = new String[ROWS];
    double[] micros = new double[ROWS];
    boolean[] nulls = new boolean[ROWS];
    LocalDate first = LocalDate.of(2024, 2, 15);
    for (int row = 0; row < ROWS; row++) {
      double u = random.nextDouble();
      airlines[row] = u < 0.45 ? "AA" : u < 0.8 ? "BB" : "CC";
      LocalDateTime local =
          first.plusDays(random.nextInt(DAYS)).atTime(hour(airlines[row], random), minute(random));
      micros[row] = ZonedDateTime.of(local, NEW_YORK).toEpochSecond() * 1e6;
      nulls[row] = random.nextDouble() < 0.02;
    }

    airline = Samples.strings("airline", airlines);
    departure =
        SampleColumn.numbers("departure", DataType.of(LogicalType.TIMESTAMP), micros, nulls);
    model =
        ModelFitter.fit(
                Samples.table(airline, departure),
                FitSettings.builder().timeZone("America/New_York").build(),
                new KMeans(6))
            .model();
    rows = Generated.of(model, 3, GENERATED);
  }

  private static ZonedDateTime local(CollectingSink sink, int row) {
    return Instant.ofEpochSecond(Math.floorDiv(sink.longValue(row), 1_000_000L)).atZone(NEW_YORK);
  }

  /** Shares of departures per local hour: of the fit sample, or of generated rows. */
  private static double[] hourShares(CollectingSink sink, int count) {
    double[] shares = new double[24];
    int valued = 0;
    for (int row = 0; row < count; row++) {
      if (!sink.isNull(row)) {
        shares[local(sink, row).getHour()]++;
        valued++;
      }
    }

    for (int h = 0; h < 24; h++) {
      shares[h] /= valued;
    }

    return shares;
  }

  private static double[] realHourShares() {
    double[] shares = new double[24];
    int valued = 0;
    for (int row = 0; row < ROWS; row++) {
      if (!departure.isNull(row)) {
        long second = (long) (departure.number(row) / 1e6);
        shares[Instant.ofEpochSecond(second).atZone(NEW_YORK).getHour()]++;
        valued++;
      }
    }

    for (int h = 0; h < 24; h++) {
      shares[h] /= valued;
    }

    return shares;
  }

  private static double totalVariation(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }

    return sum / 2;
  }

  @Test
  void theTimeOfDayIsModelledInTheSessionZoneOnItsFiveMinuteGrid() {
    TimeOfDay timeOfDay = ((NumericColumn) model.column("departure")).timeOfDay();

    assertThat(timeOfDay).isNotNull();
    assertThat(timeOfDay.zone()).isEqualTo("America/New_York");
    assertThat(timeOfDay.step()).isEqualTo(300);
    assertThat(model.copulaNames())
        .containsExactly("airline", "departure", "synthlake:time-of-day:departure");
    assertThat(ModelJson.toJson(model)).contains("\"format-version\" : 2");
  }

  @Test
  void generatedDeparturesKeepTheirHoursTheirGridAndTheirNulls() {
    CollectingSink generated = rows.column("departure");
    double[] real = realHourShares();
    double[] synthetic = hourShares(generated, GENERATED);
    // Sampling noise alone gives a distance of about 0.02 here (4,000 real against 20,000 rows);
    // whole instants drawn from one marginal give 0.35 (checked below).
    assertThat(totalVariation(real, synthetic)).isLessThan(0.045);
    double realNight = real[0] + real[1] + real[2] + real[3] + real[4];
    double night = synthetic[0] + synthetic[1] + synthetic[2] + synthetic[3] + synthetic[4];
    // 1.6% of real departures; a binomial 99.9% band on 20,000 rows is ±0.3 points.
    assertThat(night).isCloseTo(realNight, org.assertj.core.data.Offset.offset(0.006));
    int nulls = 0;
    for (int row = 0; row < GENERATED; row++) {
      if (generated.isNull(row)) {
        nulls++;
        continue;
      }

      ZonedDateTime at = local(generated, row);
      LocalDate first = LocalDate.of(2024, 2, 15);
      assertThat(at.getMinute() % 5).as("row %d at %s", row, at).isZero();
      assertThat(at.getSecond()).isZero();
      assertThat(at.toLocalDate()).isBetween(first, first.plusDays(DAYS - 1));
    }

    assertThat((double) nulls / GENERATED).isBetween(0.01, 0.03);
  }

  @Test
  void departureHoursDependOnTheAirline() {
    CollectingSink airlines = rows.column("airline");
    CollectingSink departures = rows.column("departure");
    double[] sum = new double[3];
    int[] count = new int[3];
    for (int row = 0; row < GENERATED; row++) {
      if (!departures.isNull(row)) {
        int a = java.util.Arrays.asList(AIRLINES).indexOf(airlines.string(row));
        sum[a] += local(departures, row).getHour();
        count[a]++;
      }
    }

    // Planted means: about 8.1, 13.5 and 17.5 (the red-eyes pull the last one down).
    assertThat(sum[0] / count[0]).isBetween(7.5, 9.5);
    assertThat(sum[1] / count[1]).isBetween(12.5, 14.5);
    assertThat(sum[2] / count[2]).isBetween(16.0, 19.0);
  }

  @Test
  void withoutTheSplitTheHoursSpreadOverTheNight() {
    TableModel whole =
        ModelFitter.fit(
                Samples.table(airline, departure),
                FitSettings.builder().timeZone("America/New_York").withoutTimeOfDay().build(),
                new KMeans(6))
            .model();

    assertThat(((NumericColumn) whole.column("departure")).timeOfDay()).isNull();
    double[] synthetic =
        hourShares(Generated.of(whole, 3, GENERATED).column("departure"), GENERATED);
    assertThat(totalVariation(realHourShares(), synthetic)).isGreaterThan(0.25);
  }

  @Test
  void theModelFileKeepsTheTimeOfDayAndTheRows() {
    TableModel read = ModelJson.fromJson(ModelJson.toJson(model), "model.json");

    assertThat(ModelJson.toJson(read)).isEqualTo(ModelJson.toJson(model));
    Generated again = Generated.of(read, 3, 5_000);
    for (int row = 0; row < 5_000; row++) {
      assertThat(again.row(row)).isEqualTo(rows.row(row));
    }
  }

  @Test
  void aConditionOnTheWholeTimestampIsRefusedInOneLine() {
    assertThatThrownBy(() -> ConditionalModel.of(model, "departure >= '2024-03-01 00:00:00'"))
        .hasMessageContaining("condition on column 'departure'")
        .hasMessageContaining("--no-time-of-day");
    // Conditions on other columns still shape the hours: airline CC leaves late.
    Generated late = Generated.of(ConditionalModel.of(model, "airline = 'CC'"), 3, 4_000);
    double[] shares = hourShares(late.column("departure"), 4_000);
    // About half its departures against 15% of all airlines'.
    assertThat(shares[18] + shares[19] + shares[20]).isGreaterThan(0.35);
  }

  @Test
  void datesStoredAsTimestampsAndTimestampsWithoutZoneKeepTheirForm() {
    double[] midnights = new double[500];
    double[] wallClock = new double[500];
    SplittableRandom random = new SplittableRandom(2);
    for (int row = 0; row < 500; row++) {
      midnights[row] = random.nextInt(1000) * 86_400e6;
      wallClock[row] = midnights[row] + random.nextInt(24) * 3_600e6;
    }

    TableModel fitted =
        Samples.fitSingle(
                Samples.numbers("day", DataType.of(LogicalType.TIMESTAMP), midnights),
                Samples.numbers("seen", DataType.of(LogicalType.TIMESTAMP_NTZ), wallClock))
            .model();

    assertThat(((NumericColumn) fitted.column("day")).timeOfDay()).isNull();
    TimeOfDay seen = ((NumericColumn) fitted.column("seen")).timeOfDay();
    assertThat(seen.zone()).isEqualTo("UTC");
    assertThat(seen.step()).isEqualTo(3600);
  }
}
