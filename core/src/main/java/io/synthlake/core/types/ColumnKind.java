package io.synthlake.core.types;

import io.synthlake.core.SynthlakeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a column is modelled. Detected from the data at fit time and overridable per column. */
public enum ColumnKind {
  /**
   * Real numbers: an empirical (or Gaussian-mixture) marginal, rounded to the observed precision.
   */
  CONTINUOUS,
  /** Whole numbers: like continuous, rounded to integers. */
  INTEGER,
  /** A small set of values with frequencies; rare values are never emitted as themselves. */
  CATEGORICAL,
  /** True or false, with frequencies. */
  BOOLEAN,
  /** Calendar dates, modelled as epoch days. */
  DATE,
  /** Instants, modelled as epoch microseconds at the observed granularity. */
  TIMESTAMP,
  /** Unique identifiers: generated unique from the row index, never copied from the input. */
  KEY,
  /**
   * High-cardinality strings: frequent values as categories, the rest composed from frequent words.
   */
  TEXT;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ColumnKind parse(String text, String where) {
    for (ColumnKind kind : values()) {
      if (kind.jsonName().equalsIgnoreCase(text.trim())) {
        return kind;
      }
    }

    throw SynthlakeException.of(
        "%s: unknown column kind '%s'; use one of %s",
        where,
        SynthlakeException.shown(text),
        Arrays.stream(values()).map(ColumnKind::jsonName).collect(Collectors.joining(", ")));
  }

  /** Whether the kind takes part in the copula (keys are generated from the row index alone). */
  public boolean inCopula() {
    return this != KEY;
  }

  /** Whether values are numbers mapped through a quantile function. */
  public boolean isNumeric() {
    return this == CONTINUOUS || this == INTEGER || this == DATE || this == TIMESTAMP;
  }
}
