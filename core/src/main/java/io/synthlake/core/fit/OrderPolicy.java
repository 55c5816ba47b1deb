package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import java.util.Locale;

/** What a sequence's fit does with rows whose order value is null or repeats within an entity. */
public enum OrderPolicy {
  /**
   * The default: rows with a null order value are left out, with a warning; rows of one entity at
   * the same order value stay in the sample's order, a gap of 0 between them, with a warning.
   */
  LENIENT,
  /** Stop with an error naming the order column and how many rows are null or tied. */
  STRICT;

  public static OrderPolicy parse(String text, String where) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of("%s: unknown value '%s'; use lenient or strict", where, text);
    }
  }
}
