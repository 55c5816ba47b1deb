package io.synthlake.spark;

import org.apache.spark.sql.SaveMode;

/** What to do when the output already exists ({@link WriteOptions.Builder#mode}). */
@PublicApi
public enum WriteMode {
  /**
   * Fail before any work if the output exists (the default: nothing is ever replaced by accident).
   */
  ERROR(SaveMode.ErrorIfExists),
  /** Replace the output once the new data is completely written. */
  OVERWRITE(SaveMode.Overwrite),
  /** Add the new rows to the output. */
  APPEND(SaveMode.Append);

  private final SaveMode saveMode;

  WriteMode(SaveMode saveMode) {
    this.saveMode = saveMode;
  }

  /**
   * Spark's save mode of the same meaning.
   *
   * @return the save mode
   */
  public SaveMode saveMode() {
    return saveMode;
  }
}
