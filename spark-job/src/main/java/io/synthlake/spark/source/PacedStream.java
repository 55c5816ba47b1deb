package io.synthlake.spark.source;

import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.connector.read.streaming.SupportsTriggerAvailableNow;

/**
 * A micro-batch stream whose batches its own {@link StreamPace} sizes: Spark's read limits are not
 * used, and generated rows are never stored, so a committed batch has nothing to release.
 */
interface PacedStream extends MicroBatchStream, SupportsTriggerAvailableNow {
  /** The stream's pace, one per running query. */
  StreamPace pace();

  @Override
  default Offset latestOffset() {
    throw new UnsupportedOperationException(
        "latestOffset(Offset, ReadLimit) should be called instead of this method");
  }

  @Override
  default ReadLimit getDefaultReadLimit() {
    return ReadLimit.allAvailable();
  }

  @Override
  default void prepareForTriggerAvailableNow() {
    pace().availableNow();
  }

  @Override
  default void commit(Offset end) {
    // Nothing to release: generated rows are never stored.
  }
}
