package io.synthlake.spark.source;

import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Generated rows by row index, for a stream that reads them range by range: the partitions of a
 * range and the readers that generate them, the same for a range however it is split.
 */
interface RowRanges {
  /** The content key of what is generated, written in each offset. */
  String key();

  /** Fails with a one-line error when rows [firstRow, firstRow + rows) cannot be generated. */
  void checkCapacity(long firstRow, long rows);

  /** {@code count} partitions covering rows [firstRow, firstRow + rows). */
  InputPartition[] partitions(long firstRow, long rows, int count);

  /** The readers of the partitions; made once per stream on the driver. */
  PartitionReaderFactory readerFactory();
}
