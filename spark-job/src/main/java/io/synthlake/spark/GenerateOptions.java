package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;

/** Options of {@link SynthesisModel#generate}: the seed and, optionally, the partition count. */
public final class GenerateOptions {
  /** Most rows in one partition (one output file) when the partition count is left to synthlake. */
  public static final long ROWS_PER_PARTITION = 4_000_000L;

  private final long seed;
  private final int partitions;

  private GenerateOptions(long seed, int partitions) {
    this.seed = seed;
    this.partitions = partitions;
  }

  public static GenerateOptions defaults() {
    return new GenerateOptions(42L, 0);
  }

  /** Same seed, same rows, whatever the partition count. */
  public GenerateOptions withSeed(long value) {
    return new GenerateOptions(value, partitions);
  }

  /** The number of partitions (output files); 0 chooses from the row count and the cluster's parallelism. */
  public GenerateOptions withPartitions(int value) {
    SynthlakeException.check(value >= 0, "--partitions must be a positive whole number, got %d", value);
    return new GenerateOptions(seed, value);
  }

  /**
   * The partition count chosen when none is given: at most {@link #ROWS_PER_PARTITION} rows each (about 250 MB of
   * Parquet for a 10-column table), rounded up to a whole number of waves of {@code parallelism} tasks, since 3
   * partitions on 2 cores would leave one core idle through the last third of the job.
   */
  public static int defaultPartitions(long rows, int parallelism) {
    long files = (rows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
    long waves = Math.max(1, (files + parallelism - 1) / parallelism);
    return (int) Math.min(waves * parallelism, Integer.MAX_VALUE);
  }

  public long seed() {
    return seed;
  }

  public int partitions() {
    return partitions;
  }
}
