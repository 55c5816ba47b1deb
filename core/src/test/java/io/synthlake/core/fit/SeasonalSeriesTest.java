package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.Seasonality;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One long daily series with no entity: eight years of a level rising by 2 a year, a yearly swing
 * of ±8 and AR(1) noise (lag-1 autocorrelation 0.7, spread 1.4). The fit must find the trend and
 * the year, and the generated series keep the time of year's profile, go on past one chunk without
 * going back in time, and be the same rows whatever order its chunks are generated in.
 */
class SeasonalSeriesTest {
  private static final DataType DATES = DataType.of(LogicalType.DATE);
  private static final int DAYS = 8 * 365;
  private static final int START = 10_957; // 2000-01-01

  private static TableSet set;
  private static double[] realMonths;

  @BeforeAll
  static void fit() {
    SplittableRandom random = new SplittableRandom(21);
    double[] days = new double[DAYS];
    double[] values = new double[DAYS];
    double noise = 0;
    for (int d = 0; d < DAYS; d++) {
      days[d] = START + d;
      noise = 0.7 * noise + Math.sqrt(1 - 0.49) * 1.4 * random.nextGaussian();
      values[d] =
          10 + 2 * d / 365.0 + 8 * Math.sin(2 * Math.PI * Seasonality.yearPhase(days[d])) + noise;
    }

    realMonths = monthProfile(days, values, DAYS);
    // Shuffled, as a table's rows come: the fit orders them.
    for (int i = DAYS - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double day = days[i];
      days[i] = days[j];
      days[j] = day;
      double value = values[i];
      values[i] = values[j];
      values[j] = value;
    }

    FitSettings settings = FitSettings.builder().seed(5).build();
    set =
        TableSetFitter.fit(
                List.of(
                    new Input(
                        "series",
                        Samples.table(
                            Samples.numbers("day", DATES, days), Samples.doubles("value", values)),
                        DAYS,
                        settings)),
                List.of(),
                Map.of("series", "day"),
                OrphanPolicy.FAIL,
                ScoreClusterer.single())
            .set();
  }

  @Test
  void theFitFindsTheTrendAndTheYearAndTheSeriesChunks() {
    TableSet.Sequence sequence = set.table("series").sequence();
    assertThat(sequence.series()).isNotNull();
    assertThat(sequence.series().start()).isEqualTo(START);
    assertThat(sequence.series().span()).isEqualTo(TableSampler.BLOCK_ROWS);
    assertThat(sequence.series().minGap()).isEqualTo(1);
    assertThat(sequence.seasons().get("value").describe()).isEqualTo("trend, year");
    String json = TableSetJson.toJson(set);
    assertThat(TableSetJson.toJson(TableSetJson.fromJson(json, "series.json"))).isEqualTo(json);
  }

  @Test
  void theGeneratedSeriesKeepsTheYearsProfileAndNeverGoesBack() {
    CollectingSink[] rows =
        TableSetRun.generate(set, 3, "series", 3L * 4096 + 100, false).get("series");
    int n = rows[0].size();
    assertThat(n).isEqualTo(3 * 4096 + 100);
    for (int r = 1; r < n; r++) {
      // Daily steps: each chunk starts the day after the last one ends.
      assertThat(rows[0].number(r) - rows[0].number(r - 1)).isEqualTo(1);
    }

    double[] days = new double[DAYS];
    double[] values = new double[DAYS];
    for (int r = 0; r < DAYS; r++) {
      days[r] = rows[0].number(r);
      values[r] = rows[1].number(r);
    }

    // Each month's mean over eight years has a standard error near 0.2 (AR noise, 240 days);
    // months differ by up to 16, so a profile off by more than 1.5 in any month is no chance.
    double[] generatedMonths = monthProfile(days, values, DAYS);
    for (int m = 0; m < 12; m++) {
      assertThat(generatedMonths[m]).as("month %d", m).isCloseTo(realMonths[m], within(1.5));
    }
  }

  @Test
  void chunksGeneratedInAnotherOrderGiveTheSameRows() {
    long rows = 2L * 4096 + 7;
    CollectingSink[] forward = TableSetRun.generate(set, 9, "series", rows, false).get("series");
    CollectingSink[] backward = TableSetRun.generate(set, 9, "series", rows, true).get("series");
    for (int c = 0; c < forward.length; c++) {
      for (int r = 0; r < rows; r++) {
        assertThat(backward[c].value(r)).isEqualTo(forward[c].value(r));
      }
    }
  }

  /** The mean value in each twelfth of the year. */
  private static double[] monthProfile(double[] days, double[] values, int n) {
    double[] sums = new double[12];
    int[] counts = new int[12];
    for (int r = 0; r < n; r++) {
      int month = (int) (Seasonality.yearPhase(days[r]) * 12);
      sums[month] += values[r];
      counts[month]++;
    }

    for (int m = 0; m < 12; m++) {
      sums[m] /= counts[m];
    }

    return sums;
  }
}
