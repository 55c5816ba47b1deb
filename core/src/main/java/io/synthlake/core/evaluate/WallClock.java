package io.synthlake.core.evaluate;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Reads a date or timestamp column's values (as the profile holds them: epoch days, or epoch
 * microseconds) on the wall clock: the hour of day (timestamps only) and the day of week, in the
 * time zone the user reads them in. Bins: 24 hours, or 7 days from Monday, then one for nulls.
 *
 * @param column the column's index in the plan
 * @param zone the time zone id: the session's for a timestamp, UTC for a timestamp without time
 *     zone (its microseconds count wall-clock time already); ignored for a date
 * @param timestamp whether values are epoch microseconds (else epoch days, and there is no hour)
 */
public record WallClock(int column, String zone, boolean timestamp) implements Serializable {
  public static final int HOURS = 24;
  public static final int DAYS = 7;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;

  /** 1970-01-01 was a Thursday: day 3 counting from Monday. */
  private static final int EPOCH_DAY_OF_WEEK = 3;

  public WallClock {
    ZoneId.of(zone);
  }

  /** The rules of {@link #zone}; resolve once per profile, since the lookup is not free. */
  ZoneRules rules() {
    return ZoneId.of(zone).getRules();
  }

  /** The hour of day 0..23 of a value, or {@link #HOURS} for null. */
  static int hourBin(Object value, ZoneRules rules) {
    if (value == null) {
      return HOURS;
    }

    long local = localSeconds(((Number) value).doubleValue(), rules);
    return (int) (Math.floorMod(local, SECONDS_PER_DAY) / 3600);
  }

  /** The day of week 0 (Monday) .. 6 (Sunday) of a value, or {@link #DAYS} for null. */
  int dayBin(Object value, ZoneRules rules) {
    if (value == null) {
      return DAYS;
    }

    double number = ((Number) value).doubleValue();
    long day =
        timestamp
            ? Math.floorDiv(localSeconds(number, rules), SECONDS_PER_DAY)
            : (long) Math.floor(number);
    return (int) Math.floorMod(day + EPOCH_DAY_OF_WEEK, (long) DAYS);
  }

  /** Seconds since the epoch on the local wall clock. */
  private static long localSeconds(double micros, ZoneRules rules) {
    long seconds = Math.floorDiv((long) Math.floor(micros), MICROS_PER_SECOND);
    return seconds + rules.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
  }
}
