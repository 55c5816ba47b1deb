package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import java.util.Locale;
import org.apache.spark.sql.SaveMode;

/** What to do when the output already exists. */
public enum WriteMode {
  /** Fail before any work if the output exists (the default: nothing is ever replaced by accident). */
  ERROR(SaveMode.ErrorIfExists),
  /** Replace the output once the new data is completely written. */
  OVERWRITE(SaveMode.Overwrite),
  /** Add the new rows to the output. */
  APPEND(SaveMode.Append);

  private final SaveMode saveMode;

  WriteMode(SaveMode saveMode) {
    this.saveMode = saveMode;
  }

  public SaveMode saveMode() {
    return saveMode;
  }

  public static WriteMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of("--mode '%s' is not a write mode; use error, overwrite or append", text);
    }
  }
}
