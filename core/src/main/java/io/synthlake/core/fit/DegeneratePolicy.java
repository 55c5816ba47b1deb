package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import java.util.Locale;

/** What to do with a column that is null in every sampled row or holds one value only. */
public enum DegeneratePolicy {
  /**
   * Stop with an error naming the column (the default: such a column usually means a wrong input).
   */
  FAIL,
  /** Model it as it is: always null, or always the one value. */
  KEEP,
  /** Leave it out of the model, with a warning. */
  DROP;

  public static DegeneratePolicy parse(String text, String where) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of("%s: unknown value '%s'; use fail, keep or drop", where, text);
    }
  }
}
