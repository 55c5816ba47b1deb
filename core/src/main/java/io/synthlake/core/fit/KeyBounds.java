package io.synthlake.core.fit;

/**
 * Statistics of a column over the whole input, not just the sample, so that generated keys avoid
 * every real key: the largest whole number, the longest string, and the largest trailing number of
 * a string ({@code TX-0042} → 42).
 */
public record KeyBounds(long maxWhole, int maxLength, long maxTrailingNumber) {
  /** Unknown values are {@link Long#MIN_VALUE} (whole numbers) and 0 (lengths). */
  public static KeyBounds of(long maxWhole, int maxLength, long maxTrailingNumber) {
    return new KeyBounds(maxWhole, maxLength, maxTrailingNumber);
  }
}
