package io.synthlake.core.math;

import java.util.SplittableRandom;

/**
 * Derives independent generators from (seed, block, stream). Every block of rows gets generators
 * that depend only on these numbers, which is what makes output independent of how rows are split
 * into partitions.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The SplitMix64 finalizer: a bijective 64-bit mix with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed for stream {@code stream} of block {@code block} under the user's {@code seed}. */
  public static long derive(long seed, long block, int stream) {
    return stream(blockKey(seed, block), stream);
  }

  /**
   * The first half of {@link #derive}: callers drawing several streams of one block mix it once.
   */
  public static long blockKey(long seed, long block) {
    return mix(mix(seed + GOLDEN) + block * GOLDEN);
  }

  /** The second half of {@link #derive}. */
  public static long stream(long blockKey, int stream) {
    return mix(blockKey + (stream + 1L) * GOLDEN);
  }

  public static SplittableRandom random(long seed, long block, int stream) {
    return new SplittableRandom(derive(seed, block, stream));
  }
}
