package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetRun;
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
 * Card payments come by day: six an hour from 8:00 to 20:00, one every two hours at night. The gap
 * before a payment depends on the hour of the one before it, so the fit must give the gaps a daily
 * season read at the previous row's time, and the generated payments must keep to the day: 3.8% of
 * real payments fall between midnight and 6:00, where gaps drawn without their rhythm would spread
 * a quarter. 60 cards of 30 days give about 11,000 payments; the night share's standard error is
 * near 0.002 on each side, so the bound of 0.02 is no chance.
 */
class GapRhythmTest {
  private static final long HOUR = 3_600_000_000L;
  private static final DataType LONGS = DataType.of(LogicalType.LONG);
  private static final DataType TIMESTAMPS = DataType.of(LogicalType.TIMESTAMP);

  private static TableSet set;
  private static double realNight;

  @BeforeAll
  static void fit() {
    SplittableRandom random = new SplittableRandom(17);
    int cards = 60;
    double[] ids = new double[cards];
    List<double[]> rows = new ArrayList<>();
    int night = 0;
    for (int c = 0; c < cards; c++) {
      ids[c] = c + 1;
      long start = 1_700_000_000_000_000L + random.nextLong(7 * 24 * HOUR);
      // A Poisson process thinned to its hour's rate: 6 an hour by day, 0.5 by night.
      double t = start;
      while (t < start + 30 * 24 * HOUR) {
        t += -Math.log(1 - random.nextDouble()) / 6.0 * HOUR;
        int hour = (int) Math.floorMod((long) t / HOUR, 24L);
        boolean day = hour >= 8 && hour < 20;
        if (random.nextDouble() < (day ? 1 : 0.5 / 6)) {
          rows.add(new double[] {c + 1, Math.floor(t / 1e6) * 1e6, 5 + 50 * random.nextDouble()});
          night += hour < 6 ? 1 : 0;
        }
      }
    }

    realNight = (double) night / rows.size();
    double[][] columns = new double[3][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int k = 0; k < 3; k++) {
        columns[k][r] = rows.get(r)[k];
      }
    }

    FitSettings settings = FitSettings.builder().seed(6).build();
    set =
        TableSetFitter.fit(
                List.of(
                    new Input(
                        "cards", Samples.table(Samples.numbers("id", LONGS, ids)), cards, settings),
                    new Input(
                        "payments",
                        Samples.table(
                            Samples.numbers("card", LONGS, columns[0]),
                            Samples.numbers("at", TIMESTAMPS, columns[1]),
                            Samples.doubles("amount", columns[2])),
                        rows.size(),
                        settings)),
                List.of(new Relation("payments", "card", "cards", "id")),
                Map.of("payments", "at"),
                OrphanPolicy.FAIL,
                ScoreClusterer.single())
            .set();
  }

  @Test
  void theGapsHaveADailySeasonAndThePaymentsKeepToTheDay() {
    assertThat(realNight).isBetween(0.02, 0.06);
    assertThat(set.table("payments").sequence().seasons().get(TableSet.GAP_COLUMN).describe())
        .contains("day");
    CollectingSink[] payments = TableSetRun.generate(set, 4, "cards", 60, false).get("payments");
    int at = set.table("payments").columns().indexOf("at");
    int night = 0;
    for (int r = 0; r < payments[at].size(); r++) {
      long hour = Math.floorMod((long) payments[at].number(r) / HOUR, 24L);
      night += hour < 6 ? 1 : 0;
    }

    assertThat((double) night / payments[at].size()).isCloseTo(realNight, within(0.02));
  }
}
