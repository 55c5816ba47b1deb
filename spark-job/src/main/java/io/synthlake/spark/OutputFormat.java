package io.synthlake.spark;

import java.util.Locale;

/** Table formats synthlake writes ({@link WriteOptions.Builder#format}). */
@PublicApi
public enum OutputFormat {
  /** A Delta Lake table: committed atomically, appendable, with per-file statistics. */
  DELTA,
  /** Parquet files. */
  PARQUET,
  /** CSV files with a header line. */
  CSV,
  /** JSON lines. */
  JSON;

  /**
   * The name Spark knows the format by ({@code delta}, {@code parquet}, …).
   *
   * @return the Spark format name
   */
  public String sparkName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
