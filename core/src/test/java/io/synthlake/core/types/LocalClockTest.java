package io.synthlake.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The wall clock of a zone, both ways, against java.time: summer-time gaps and overlaps, zones with
 * half-hour changes, and instants before 1970 (Paris kept its local mean time, +0:09:21, until
 * 1911) inside and outside the span the clock tabulates.
 */
class LocalClockTest {
  private static final String[] ZONES = {
    "UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "+05:30"
  };

  /** 1890-01-01 to 2100-01-01, in epoch seconds. */
  private static final long FROM = -2_524_521_600L;

  private static final long TO = 4_102_444_800L;

  private static long javaEpochSecond(long localSecond, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    return ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
  }

  @Test
  void agreesWithJavaTimeInsideAndOutsideItsTable() {
    SplittableRandom random = new SplittableRandom(11);
    for (String name : ZONES) {
      ZoneId zone = ZoneId.of(name);
      // The table covers 1950 to 2030; draws fall from 1890 to 2100.
      LocalClock clock = LocalClock.of(name, -631_152_000L, 1_893_456_000L);
      for (int i = 0; i < 200_000; i++) {
        long second = random.nextLong(FROM, TO);
        long local =
            second + zone.getRules().getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
        assertThat(clock.localSecond(second)).as("%s at %d", name, second).isEqualTo(local);
        assertThat(clock.epochSecond(second))
            .as("%s local %d", name, second)
            .isEqualTo(javaEpochSecond(second, zone));
      }
    }
  }

  @Test
  void aSkippedTimeMovesForwardAndARepeatedOneTakesTheEarlierInstant() {
    LocalClock paris = LocalClock.of("Europe/Paris", 1_600_000_000L, 1_700_000_000L);
    // 2021-03-28 02:30 does not exist in Paris: it is read as 03:30 CEST, 01:30 UTC.
    long gap = LocalDateTime.of(2021, 3, 28, 2, 30).toEpochSecond(ZoneOffset.UTC);
    assertThat(paris.epochSecond(gap))
        .isEqualTo(LocalDateTime.of(2021, 3, 28, 1, 30).toEpochSecond(ZoneOffset.UTC));
    // 2021-10-31 02:30 happens twice: the first, in CEST, is 00:30 UTC.
    long overlap = LocalDateTime.of(2021, 10, 31, 2, 30).toEpochSecond(ZoneOffset.UTC);
    assertThat(paris.epochSecond(overlap))
        .isEqualTo(LocalDateTime.of(2021, 10, 31, 0, 30).toEpochSecond(ZoneOffset.UTC));
    // Either side of the overlap the offsets are plain: 01:59:59 CEST and 03:00 CET.
    assertThat(paris.epochSecond(overlap - 1801)).isEqualTo(overlap - 1801 - 7200);
    assertThat(paris.epochSecond(overlap + 1800)).isEqualTo(overlap + 1800 - 3600);
  }

  @Test
  void beforeNineteenSeventyTheOffsetsOfTheTimeHold() {
    LocalClock paris = LocalClock.of("Europe/Paris", FROM, 0);
    // 1900-06-01 12:00 local mean time (+0:09:21) is 11:50:39 UTC.
    long noon = LocalDateTime.of(1900, 6, 1, 12, 0).toEpochSecond(ZoneOffset.UTC);
    assertThat(paris.epochSecond(noon)).isEqualTo(noon - 561);
    assertThat(paris.localSecond(noon - 561)).isEqualTo(noon);
    // A negative instant with a time of day: 1969-12-31 23:59:59 UTC is 00:59:59 in Paris (CET).
    assertThat(Math.floorMod(paris.localSecond(-1), LocalClock.SECONDS_PER_DAY)).isEqualTo(3599);
  }
}
