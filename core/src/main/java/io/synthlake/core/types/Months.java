package io.synthlake.core.types;

import java.time.LocalDate;

/**
 * Dates counted in calendar months: a month's index is {@code 12·year + month - 1}, so consecutive
 * months differ by 1 whatever their lengths. Monthly sequences (prices on the first of each month)
 * take their gaps in months, so each generated row falls on the same day of its month.
 */
public final class Months {
  private Months() {}

  /** The month index of the date {@code epochDay} days after 1970-01-01. */
  public static long index(double epochDay) {
    LocalDate date = LocalDate.ofEpochDay((long) Math.floor(epochDay));
    return 12L * date.getYear() + date.getMonthValue() - 1;
  }

  /** The day of the month of the date {@code epochDay} days after 1970-01-01. */
  public static int dayOfMonth(double epochDay) {
    return LocalDate.ofEpochDay((long) Math.floor(epochDay)).getDayOfMonth();
  }

  /**
   * Days after 1970-01-01 of day {@code day} of month {@code index}, or of its last day when the
   * month is shorter.
   */
  public static double epochDay(long index, int day) {
    LocalDate first =
        LocalDate.of((int) Math.floorDiv(index, 12L), (int) (Math.floorMod(index, 12L) + 1), 1);
    return first.withDayOfMonth(Math.min(day, first.lengthOfMonth())).toEpochDay();
  }
}
