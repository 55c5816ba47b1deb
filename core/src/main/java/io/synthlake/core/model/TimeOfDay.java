package io.synthlake.core.model;

import io.synthlake.core.Errors;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * The time of day of a timestamp column, modelled apart from its date: per mixture component, the
 * distribution of seconds since local midnight in {@code zone} (flights leave at 8:00 and 8:30, not
 * at 3:00), drawn from a copula column of its own right after the timestamp's, so that it depends
 * on the other columns. The timestamp's own marginal still describes whole instants; generation
 * keeps the local date of its draw and sets the time of day from this one.
 *
 * @param zone the time-zone id whose wall clock the times of day are read on: the session's at fit
 *     for a timestamp, UTC for a timestamp without time zone (its values count wall-clock time)
 * @param step the grid times of day are rounded to, in seconds (300: every five minutes, as
 *     timetables are), the coarsest that holds every fitted value; 0 for none
 * @param components per mixture component, seconds since local midnight in [0, 86,400), no nulls
 */
public record TimeOfDay(String zone, double step, List<NumericDistribution> components) {
  /** Prefix of the hidden copula column's name, which the dependence model lists. */
  public static final String NAME_PREFIX = "synthlake:time-of-day:";

  /** The coarsest step: an hour. */
  public static final double MAX_STEP = 3600;

  public TimeOfDay {
    try {
      ZoneId.of(zone);
    } catch (DateTimeException | NullPointerException e) {
      throw Errors.invalidModel(
          "time-of-day",
          "time-of-day zone '%s' is not a time-zone id (%s); give one such as UTC or Europe/Paris",
          zone,
          e.getMessage());
    }

    if (!(step >= 0 && step <= MAX_STEP)) {
      throw Errors.invalidModel(
          "time-of-day", "time-of-day step must be 0 to %d seconds, got %s", (long) MAX_STEP, step);
    }

    if (components.isEmpty()) {
      throw Errors.invalidModel(
          "time-of-day", "a time of day needs one distribution per mixture component, got none");
    }

    for (NumericDistribution component : components) {
      if (component.nullShare() != 0 || component.marginal() == null) {
        throw Errors.invalidModel(
            "time-of-day",
            "a time of day has no nulls (a null timestamp has none): give null-share 0 and a "
                + "marginal in every component");
      }
    }

    components = List.copyOf(components);
  }

  public static TimeOfDay of(String zone, double step, List<NumericDistribution> components) {
    return new TimeOfDay(zone, step, components);
  }

  /** The hidden copula column's name for timestamp column {@code column}. */
  public static String copulaName(String column) {
    return NAME_PREFIX + column;
  }
}
