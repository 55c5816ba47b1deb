package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TimeOfDay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The format-version 2 file of a timestamp whose time of day is modelled apart, {@code
 * golden/model-v2-time-of-day.json}: departures in Paris over four weeks around the clock change of
 * 2021-03-28, an "early" airline leaving 6:00–9:45 and a "late" one 17:00–22:45, on a quarter-hour
 * grid. It reads, writes back byte for byte and generates the same rows. If this fails, the change
 * breaks model files or output that users already have: fix the change, never the golden file.
 */
class GoldenTimeOfDayTest {
  private static final String GOLDEN = "golden/model-v2-time-of-day.json";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static String golden() throws IOException {
    try (InputStream in = GoldenTimeOfDayTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theGoldenFileReadsWithItsTimeOfDayAndWritesBackByteForByte() throws IOException {
    String text = golden();
    TableModel model = ModelJson.fromJson(text, GOLDEN);

    TimeOfDay timeOfDay = ((NumericColumn) model.column("departure")).timeOfDay();
    assertThat(timeOfDay.zone()).isEqualTo("Europe/Paris");
    assertThat(timeOfDay.step()).isEqualTo(900);
    assertThat(model.timeOfDaySlot(1)).isEqualTo(2);
    assertThat(ModelJson.versionFor(model)).isEqualTo(2);
    assertThat(ModelJson.toJson(model)).isEqualTo(text);
  }

  @Test
  void theGoldenModelGeneratesTheSameRowsOnItsGridAndHours() throws IOException {
    TableModel model = ModelJson.fromJson(golden(), GOLDEN);

    Generated rows = Generated.of(model, 7, 5_000);
    List<String> first = new ArrayList<>();
    for (int row = 0; row < 5; row++) {
      first.add(rows.row(row).toString());
    }

    // Any change to these rows changes every user's output: fix the change, not the rows.
    assertThat(first).containsExactly(EXPECTED);
    CollectingSink airline = rows.column("airline");
    CollectingSink departure = rows.column("departure");
    int early = 0;
    int earlyInHours = 0;
    for (int row = 0; row < 5_000; row++) {
      if (departure.isNull(row)) {
        continue;
      }

      ZonedDateTime at =
          Instant.ofEpochSecond(Math.floorDiv(departure.longValue(row), 1_000_000L)).atZone(PARIS);
      assertThat(at.getMinute() % 15).as("row %d at %s", row, at).isZero();
      if (airline.string(row).equals("early")) {
        early++;
        earlyInHours += at.getHour() >= 6 && at.getHour() <= 9 ? 1 : 0;
      }
    }

    // One Gaussian copula (correlation 0.63) keeps 75% of early departures in the morning, where
    // a time of day independent of the airline would keep 57% (the morning's share of all flights).
    assertThat((double) earlyInHours / early).isGreaterThan(0.7);
  }

  private static final String[] EXPECTED = {
    "[early, 1616688000000000]",
    "[late, 1617689700000000]",
    "[early, 1616311800000000]",
    "[late, 1617901200000000]",
    "[early, 1617508800000000]"
  };
}
