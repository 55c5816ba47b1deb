package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sensors and their daily readings: each sensor reads for 150 to 250 days from its own start, a
 * reading is skipped one day in ten (a two-day gap), and the temperature follows an AR(1) with
 * lag-1 autocorrelation 0.8 around the sensor's level. The fitted sequence must keep the order, the
 * gaps and the autocorrelation. About 40 sensors of 200 rows give the generated lag-1
 * autocorrelation a standard error near 0.01; the bound of 0.06 sits beyond five of them.
 */
class SequenceFitTest {
  private static final DataType LONGS = DataType.of(LogicalType.LONG);
  private static final DataType DATES = DataType.of(LogicalType.DATE);
  private static final int SENSORS = 40;

  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;
  private static double realLagOne;

  @BeforeAll
  static void fitAndGenerate() {
    SplittableRandom random = new SplittableRandom(12);
    double[] ids = new double[SENSORS];
    List<double[]> readings = new ArrayList<>(); // sensor, day, temperature
    double sum = 0;
    double squares = 0;
    for (int s = 0; s < SENSORS; s++) {
      ids[s] = s + 1;
      int days = 150 + random.nextInt(101);
      double day = 15_000 + random.nextInt(400);
      double z = random.nextGaussian();
      double previous = Double.NaN;
      for (int d = 0; d < days; d++) {
        day += d == 0 ? 0 : random.nextDouble() < 0.1 ? 2 : 1;
        z = d == 0 ? z : 0.8 * z + 0.6 * random.nextGaussian();
        double temperature = 15 + 5 * z;
        readings.add(new double[] {s + 1, day, temperature});
        if (!Double.isNaN(previous)) {
          sum += (temperature - 15) * (previous - 15);
        }

        squares += (temperature - 15) * (temperature - 15);
        previous = temperature;
      }
    }

    realLagOne = sum / squares;
    double[][] columns = new double[3][readings.size()];
    for (int r = 0; r < readings.size(); r++) {
      for (int c = 0; c < 3; c++) {
        columns[c][r] = readings.get(r)[c];
      }
    }

    FitSettings settings = FitSettings.builder().seed(4).build();
    List<Input> inputs =
        List.of(
            new Input(
                "sensors", Samples.table(Samples.numbers("id", LONGS, ids)), SENSORS, settings),
            new Input(
                "readings",
                Samples.table(
                    Samples.numbers("sensor", LONGS, columns[0]),
                    Samples.numbers("day", DATES, columns[1]),
                    Samples.doubles("temperature", columns[2])),
                readings.size(),
                settings));
    set =
        TableSetFitter.fit(
                inputs,
                List.of(new Relation("readings", "sensor", "sensors", "id")),
                Map.of("readings", "day"),
                OrphanPolicy.FAIL,
                ScoreClusterer.single())
            .set();
    generated = TableSetRun.generate(set, 3, "sensors", 60, false);
  }

  @Test
  void theSequenceKeepsItsOrderColumnAndLearnsTheTemperaturesProcess() {
    TableSet.Table readings = set.table("readings");
    assertThat(readings.columns()).containsExactly("sensor", "day", "temperature");
    assertThat(readings.sequence().order()).isEqualTo("day");
    assertThat(set.type("readings", "day")).isEqualTo(DATES);
    assertThat(readings.model().columnNames()).contains(TableSet.GAP_COLUMN).doesNotContain("day");
    assertThat(set.table("sensors").model().columnNames())
        .contains(TableSet.startColumn("readings"));
    AutoRegression temperature = readings.sequence().processes().get("temperature");
    assertThat(temperature).isNotNull();
    assertThat(temperature.autocorrelations()[0]).isCloseTo(realLagOne, within(0.05));
  }

  @Test
  void daysNeverGoBackAndKeepTheirGaps() {
    CollectingSink[] readings = generated.get("readings");
    int twoDayGaps = 0;
    int gaps = 0;
    for (int r = 1; r < readings[0].size(); r++) {
      if (readings[0].value(r).equals(readings[0].value(r - 1))) {
        double gap = readings[1].number(r) - readings[1].number(r - 1);
        assertThat(gap).isGreaterThanOrEqualTo(0);
        twoDayGaps += gap == 2 ? 1 : 0;
        gaps++;
      }
    }

    // Planted: one gap in ten is two days; 60 sensors give about 12,000 gaps.
    assertThat(gaps).isGreaterThan(6_000);
    assertThat((double) twoDayGaps / gaps).isBetween(0.07, 0.13);
  }

  @Test
  void temperaturesKeepTheirAutocorrelationWithinEachSensor() {
    CollectingSink[] readings = generated.get("readings");
    double mean = 0;
    for (int r = 0; r < readings[0].size(); r++) {
      mean += readings[2].number(r) / readings[0].size();
    }

    double sum = 0;
    double squares = 0;
    for (int r = 0; r < readings[0].size(); r++) {
      double x = readings[2].number(r) - mean;
      squares += x * x;
      if (r > 0 && readings[0].value(r).equals(readings[0].value(r - 1))) {
        sum += x * (readings[2].number(r - 1) - mean);
      }
    }

    assertThat(sum / squares).isCloseTo(realLagOne, within(0.06));
  }

  @Test
  void aChunkWrittenAloneHasTheRowsOfAWholeRun() {
    TableSetSampler sampler = TableSetSampler.of(set, 3);
    TableSetLayout layout = TableSetRun.layout(sampler, "sensors", 60);
    TableSetSampler.Walker walker = sampler.newWalker("readings");
    long rows = walker.start(0, 60, layout.rowsBefore("sensors", 0), layout.tableRows());
    assertThat(rows).isGreaterThan(TableSampler.BLOCK_ROWS);
    CollectingSink[] alone = new CollectingSink[3];
    for (int c = 0; c < 3; c++) {
      alone[c] = new CollectingSink(TableSampler.BLOCK_ROWS);
    }

    walker.write(1, TableSampler.BLOCK_ROWS, alone);
    CollectingSink[] whole = generated.get("readings");
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < TableSampler.BLOCK_ROWS; r++) {
        assertThat(alone[c].value(r)).isEqualTo(whole[c].value(TableSampler.BLOCK_ROWS + r));
      }
    }
  }

  @Test
  void roundTripsThroughTheFileWithTheSameRows() {
    String json = TableSetJson.toJson(set);
    assertThat(json).contains("\"sequence\"").contains("\"processes\"");
    TableSet read = TableSetJson.fromJson(json, "sensors.json");
    assertThat(TableSetJson.toJson(read)).isEqualTo(json);
    Map<String, CollectingSink[]> again = TableSetRun.generate(read, 3, "sensors", 60, true);
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < generated.get("readings")[c].size(); r++) {
        assertThat(again.get("readings")[c].value(r))
            .isEqualTo(generated.get("readings")[c].value(r));
      }
    }
  }

  @Test
  void aSequenceNeedsANumericOrder() {
    List<Input> one =
        List.of(
            new Input(
                "readings",
                Samples.table(Samples.strings("day", new String[] {"Mon", "Tue"})),
                2,
                FitSettings.defaults()));
    assertThatThrownBy(
            () ->
                TableSetFitter.fit(
                    one,
                    List.of(),
                    Map.of("readings", "day"),
                    OrphanPolicy.FAIL,
                    ScoreClusterer.single()))
        .hasMessageContaining("order column 'day' is")
        .hasMessageContaining("order a sequence by a date, a timestamp or a number");
  }
}
