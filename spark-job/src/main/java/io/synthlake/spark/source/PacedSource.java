package io.synthlake.spark.source;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.connector.read.streaming.SupportsAdmissionControl;
import org.apache.spark.sql.connector.read.streaming.SupportsTriggerAvailableNow;
import org.apache.spark.sql.execution.streaming.Offset;
import org.apache.spark.sql.execution.streaming.Source;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A stream on Spark's older source interface whose batches its own pace sizes (a spec's derived
 * columns are Spark expressions, which a batch of this interface, a DataFrame, can hold): Spark's
 * read limits are not used, and generated rows are never stored, so a committed batch has nothing
 * to release.
 */
interface PacedSource extends Source, SupportsAdmissionControl, SupportsTriggerAvailableNow {
  @Override
  default Option<Offset> getOffset() {
    throw new UnsupportedOperationException(
        "latestOffset(Offset, ReadLimit) should be called instead of this method");
  }

  @Override
  default ReadLimit getDefaultReadLimit() {
    return ReadLimit.allAvailable();
  }

  @Override
  default void commit(Offset end) {
    // Nothing to release: generated rows are never stored.
  }

  /**
   * {@code batch}'s rows as a streaming frame of {@code schema}: a source's batch must say it is
   * part of a stream.
   */
  static Dataset<Row> streamingFrame(
      org.apache.spark.sql.SparkSession spark, Dataset<Row> batch, StructType schema) {
    @SuppressWarnings("unchecked")
    RDD<InternalRow> internal = (RDD<InternalRow>) (RDD<?>) batch.queryExecution().toRdd();
    return ((SparkSession) spark).internalCreateDataFrame(internal, schema, true);
  }
}
