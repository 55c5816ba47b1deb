package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import java.util.Locale;

/** What to do with child rows whose foreign key matches no parent row (or is null). */
public enum OrphanPolicy {
  /** Leave them out of the fit, with a warning that counts them (the default). */
  DROP,
  /** Refuse to fit, naming the table, the relation and how many there are. */
  FAIL;

  public static OrphanPolicy parse(String text, String where) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of("%s: unknown value '%s'; use drop or fail", where, text);
    }
  }
}
