package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hours and days on the wall clock of the reader's time zone, daylight saving included. */
class WallClockTest {
  private static double micros(String instant) {
    return Instant.parse(instant).toEpochMilli() * 1000.0;
  }

  @Test
  void hoursFollowTheZoneAndItsDaylightSaving() {
    WallClock newYork = new WallClock(0, "America/New_York", true);
    ZoneRules rules = newYork.rules();

    assertThat(WallClock.hourBin(micros("2026-07-01T12:00:00Z"), rules)).isEqualTo(8);
    assertThat(WallClock.hourBin(micros("2026-01-15T12:00:00Z"), rules)).isEqualTo(7);
    assertThat(WallClock.hourBin(null, rules)).isEqualTo(WallClock.HOURS);
  }

  @Test
  void aHalfHourZoneMovesTheHourAndTheDay() {
    WallClock kolkata = new WallClock(0, "Asia/Kolkata", true);
    ZoneRules rules = kolkata.rules();
    // 20:45 UTC on Thursday 15 January 2026 is 02:15 on Friday in Kolkata.
    double value = micros("2026-01-15T20:45:00Z");

    assertThat(WallClock.hourBin(value, rules)).isEqualTo(2);
    assertThat(kolkata.dayBin(value, rules)).isEqualTo(4);
    WallClock utc = new WallClock(0, "UTC", true);
    assertThat(WallClock.hourBin(value, utc.rules())).isEqualTo(20);
    assertThat(utc.dayBin(value, utc.rules())).isEqualTo(3);
  }

  @Test
  void beforeTheEpochAndDatesCountFromMonday() {
    WallClock utc = new WallClock(0, "UTC", true);
    double lateOnNewYearsEve = micros("1969-12-31T23:30:00.5Z");

    assertThat(WallClock.hourBin(lateOnNewYearsEve, utc.rules())).isEqualTo(23);
    assertThat(utc.dayBin(lateOnNewYearsEve, utc.rules())).isEqualTo(2);
    WallClock date = new WallClock(0, "UTC", false);
    assertThat(date.dayBin((double) LocalDate.of(2026, 12, 7).toEpochDay(), date.rules())).isZero();
    assertThat(date.dayBin((double) LocalDate.of(1969, 12, 28).toEpochDay(), date.rules()))
        .isEqualTo(6);
    assertThat(date.dayBin(null, date.rules())).isEqualTo(WallClock.DAYS);
  }

  @Test
  void timesShiftedByAnHourLoseHourAccuracyButKeepTheirDays() {
    List<Object[]> train = times(20_000, 0, 1);
    ProfilePlan plan =
        Profiles.plan(List.of("at"), new boolean[] {true}, train, List.of(), List.of(Set.of()))
            .withClocks(List.of(new WallClock(0, "Europe/Berlin", true)));
    Fidelity fidelity =
        Fidelity.of(
            Profiles.profile(plan, train),
            Profiles.profile(plan, times(20_000, 0, 2)),
            Profiles.profile(plan, times(20_000, 1, 3)));

    EvaluationResult.TimeOfDayReport report = fidelity.timeOfDay().get(0);
    assertThat(report.zone()).isEqualTo("Europe/Berlin");
    // Sampling noise over 25 bins at 20,000 rows: TVD about 0.01.
    assertThat(report.hourOfDay().ceiling()).isGreaterThan(0.97);
    // Office hours 9 to 17 moved to 10 to 18: one of eight hours no longer overlaps, TVD 1/8.
    assertThat(report.hourOfDay().synthetic()).isCloseTo(0.875, within(0.02));
    assertThat(report.dayOfWeek().synthetic()).isGreaterThan(0.97);
  }

  /** Weekday office hours in Berlin, 9:00 to 17:00, shifted by {@code shift} hours. */
  private static List<Object[]> times(int n, int shift, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    LocalDate monday = LocalDate.of(2026, 3, 2);
    for (int i = 0; i < n; i++) {
      LocalDate day = monday.plusWeeks(random.nextInt(20)).plusDays(random.nextInt(5));
      int hour = 9 + shift + random.nextInt(8);
      Instant at =
          day.atTime(hour, random.nextInt(60))
              .atZone(java.time.ZoneId.of("Europe/Berlin"))
              .toInstant();
      rows.add(new Object[] {at.toEpochMilli() * 1000.0});
    }

    return rows;
  }
}
