package io.synthlake.spark.write;

import java.io.Serializable;

/**
 * A data file a task wrote and closed: what the driver needs to move it into place or add it to a
 * Delta log.
 */
public final class WrittenFile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final long bytes;
  private final long modificationTime;
  private final long rows;
  private final ColumnStatistics[] statistics;

  WrittenFile(
      String path, long bytes, long modificationTime, long rows, ColumnStatistics[] statistics) {
    this.path = path;
    this.bytes = bytes;
    this.modificationTime = modificationTime;
    this.rows = rows;
    this.statistics = statistics;
  }

  public String path() {
    return path;
  }

  public long bytes() {
    return bytes;
  }

  /** Milliseconds since the epoch, from the file system. */
  public long modificationTime() {
    return modificationTime;
  }

  public long rows() {
    return rows;
  }

  /** Per output column: null count, and minimum and maximum where the file has them. */
  public ColumnStatistics statistics(int column) {
    return statistics[column];
  }
}
