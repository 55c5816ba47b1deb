package io.synthlake.core.math;

import java.math.BigInteger;

/**
 * A seeded bijection of [0, n): {@code i -> (a * i + b) mod n} with {@code gcd(a, n) = 1}. Cheap,
 * stateless and the same on every executor, so that "the k-th most popular row" lands on a row
 * index that does not reveal its rank.
 */
public final class Permutation {
  private final long size;
  private final long multiplier;
  private final long offset;

  private Permutation(long size, long multiplier, long offset) {
    this.size = size;
    this.multiplier = multiplier;
    this.offset = offset;
  }

  /** A permutation of [0, size) chosen by {@code seed}; {@code size} must be positive. */
  public static Permutation of(long size, long seed) {
    if (size <= 0) {
      throw new IllegalArgumentException("a permutation needs a positive size, got " + size);
    }

    long a = size == 1 ? 0 : 1 + Math.floorMod(Seeds.mix(seed), size - 1);
    while (size > 1 && gcd(a, size) != 1) {
      a = a + 1 == size ? 1 : a + 1;
    }

    return new Permutation(size, a, Math.floorMod(Seeds.mix(seed ^ 0x5DEECE66DL), size));
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }

    return a;
  }

  /** The image of {@code index}, in [0, size). */
  public long apply(long index) {
    long high = Math.multiplyHigh(multiplier, index);
    long product;
    if (high == 0 && multiplier * index >= 0) {
      product = (multiplier * index) % size;
    } else {
      product =
          BigInteger.valueOf(multiplier)
              .multiply(BigInteger.valueOf(index))
              .mod(BigInteger.valueOf(size))
              .longValueExact();
    }

    long sum = product + offset;
    return sum >= size || sum < 0 ? sum - size : sum;
  }

  public long size() {
    return size;
  }
}
