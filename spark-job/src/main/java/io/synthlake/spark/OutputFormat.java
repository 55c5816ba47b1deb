package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import java.util.Locale;

/** Table formats synthlake writes. */
public enum OutputFormat {
  DELTA, PARQUET, CSV, JSON;

  public String sparkName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OutputFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of("--format '%s' is not supported for output; use delta, parquet, csv or json", text);
    }
  }
}
