package io.synthlake.spark.source;

import io.synthlake.core.generate.TableSampler;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** A table's model read range by range: the blocks a batch read of the same rows generates. */
final class ModelRanges implements RowRanges {
  private final ModelCache.Entry entry;
  private final long seed;
  private final int[] columns;
  private final TableSampler sampler;

  ModelRanges(ModelCache.Entry entry, long seed, int[] columns) {
    this.entry = entry;
    this.seed = seed;
    this.columns = columns;
    this.sampler = TableSampler.of(entry.model(), seed);
  }

  @Override
  public String key() {
    return entry.key();
  }

  @Override
  public void checkCapacity(long firstRow, long rows) {
    sampler.checkCapacity(firstRow, rows);
  }

  @Override
  public InputPartition[] partitions(long firstRow, long rows, int count) {
    return GenerationPartition.split(firstRow, rows, count);
  }

  @Override
  public PartitionReaderFactory readerFactory() {
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
    Broadcast<ModelBroadcast> broadcast = context.broadcast(new ModelBroadcast(entry, seed));
    return new BlockReaderFactory(broadcast, columns);
  }
}
