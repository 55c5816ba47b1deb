package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;

/** Options of {@link SynthesisModel#generate}: the seed and, optionally, the partition count. */
public final class GenerateOptions {
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

  public long seed() {
    return seed;
  }

  public int partitions() {
    return partitions;
  }
}
