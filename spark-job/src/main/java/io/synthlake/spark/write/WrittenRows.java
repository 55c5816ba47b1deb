package io.synthlake.spark.write;

import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.internal.SparkJobErrors;
import java.util.List;

/**
 * The check every write makes before it reports success: the rows that reached the files are the
 * rows asked for. A count that differs means rows were lost or invented on the way, a synthlake
 * bug, so the write stops unpublished.
 */
public final class WrittenRows {
  private WrittenRows() {}

  /** Fails, before anything is published, unless {@code written} equals {@code asked}. */
  public static void check(long asked, long written, String target) {
    if (written != asked) {
      throw SparkJobErrors.rowsLost(asked, written, target);
    }
  }

  /** {@link #check} over the files one write produced. */
  public static void check(long asked, List<WrittenFile> files, String target) {
    long written = 0;
    for (WrittenFile file : files) {
      written = Math.addExact(written, file.rows());
    }

    check(asked, written, target);
  }

  /**
   * Fails after a Delta commit whose operation metrics count other rows than asked, saying how to
   * undo it.
   */
  public static void checkCommitted(long asked, long written, String table, long version) {
    SynthlakeException.check(
        written == asked,
        "generate: %,d rows were asked for but version %d of Delta table %s "
            + "holds %,d: undo it with RESTORE TABLE %s TO VERSION AS OF %d, and report this synthlake bug",
        asked,
        version,
        table,
        written,
        table,
        version - 1);
  }
}
