package io.synthlake.core.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between instants and the wall clock of one time zone, in whole seconds: what splits a
 * timestamp into its local date and time of day, and joins them again. A local time that does not
 * exist (the hour a clock skips when summer time starts) moves forward by the length of the gap,
 * and a local time that exists twice (the hour repeated when it ends) takes the earlier instant:
 * what {@code java.time} and Spark do. Immutable; thread-safe.
 *
 * <p>Generation converts every row, so the zone's transitions within the span the clock serves are
 * looked up once: a conversion is a binary search over a few dozen transitions rather than a call
 * into {@link ZoneRules} (whose rules for years past its table compute each year's transitions).
 */
public final class LocalClock {
  public static final long SECONDS_PER_DAY = 86_400L;

  /**
   * More transitions than this in the span (centuries of a zone with summer time): use the rules.
   */
  private static final int MAX_TRANSITIONS = 4096;

  private final ZoneId zone;
  private final ZoneRules rules;

  /** Fixed offset in seconds, when the zone has one; else the transition table is used. */
  private final boolean fixed;

  private final int fixedOffset;

  /** The span of epoch seconds the table covers; outside it the rules answer. */
  private final long first;

  private final long last;

  /** Transition instants (epoch seconds), ascending. */
  private final long[] transitions;

  /** The local second from which the offset after transition i applies to local times. */
  private final long[] localThresholds;

  /** offsets[i]: the offset before transition i; offsets[n]: after the last. */
  private final int[] offsets;

  private LocalClock(ZoneId zone, long first, long last) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset();
    this.fixedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    List<ZoneOffsetTransition> found = new ArrayList<>();
    if (!fixed) {
      ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(first));
      while (next != null && next.toEpochSecond() <= last && found.size() < MAX_TRANSITIONS) {
        found.add(next);
        next = rules.nextTransition(next.getInstant());
      }

      if (next != null && next.toEpochSecond() <= last) {
        // Too many to tabulate: an empty span sends every conversion to the rules.
        first = 1;
        last = 0;
        found.clear();
      }
    }

    this.first = first;
    this.last = last;
    int n = found.size();
    this.transitions = new long[n];
    this.localThresholds = new long[n];
    this.offsets = new int[n + 1];
    offsets[0] = rules.getOffset(Instant.ofEpochSecond(first)).getTotalSeconds();
    for (int i = 0; i < n; i++) {
      ZoneOffsetTransition transition = found.get(i);
      transitions[i] = transition.toEpochSecond();
      offsets[i + 1] = transition.getOffsetAfter().getTotalSeconds();
      // Local times before the later of the two wall-clock readings of the transition keep the
      // offset before it: in a gap they move forward, in an overlap they take the earlier instant.
      localThresholds[i] = transitions[i] + Math.max(offsets[i], offsets[i + 1]);
    }
  }

  /**
   * The clock of {@code zone} (a time-zone id), fast for instants between {@code firstSecond} and
   * {@code lastSecond} (epoch seconds) and correct for all.
   */
  public static LocalClock of(String zone, long firstSecond, long lastSecond) {
    return new LocalClock(ZoneId.of(zone), firstSecond, Math.max(firstSecond, lastSecond));
  }

  /** Seconds since the epoch on the local wall clock at instant {@code epochSecond}. */
  public long localSecond(long epochSecond) {
    if (fixed) {
      return epochSecond + fixedOffset;
    }

    if (epochSecond < first || epochSecond > last) {
      return epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    return epochSecond + offsets[upperBound(transitions, epochSecond)];
  }

  /**
   * The instant (epoch seconds) whose wall clock reads {@code localSecond}; a time in a gap moves
   * forward by the gap, a time in an overlap takes the earlier instant.
   */
  public long epochSecond(long localSecond) {
    if (fixed) {
      return localSecond - fixedOffset;
    }

    // A day's margin on both sides: offsets stay within ±18 hours.
    if (localSecond < first + SECONDS_PER_DAY || localSecond > last - SECONDS_PER_DAY) {
      LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
      return ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
    }

    return localSecond - offsets[upperBound(localThresholds, localSecond)];
  }

  /** The number of entries of ascending {@code sorted} at or below {@code key}. */
  private static int upperBound(long[] sorted, long key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] <= key) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }

    return low;
  }
}
