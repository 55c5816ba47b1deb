package io.synthlake.core.generate;

import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.types.LogicalType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes key values as a function of the global row index alone. */
final class KeyGenerator implements ColumnGenerator {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** Both hex digits of each byte value, high digit first: a UUID takes 16 look-ups instead of 32. */
  private static final byte[] HEX_PAIRS = new byte[512];

  static {
    for (int b = 0; b < 256; b++) {
      HEX_PAIRS[2 * b] = HEX[b >>> 4];
      HEX_PAIRS[2 * b + 1] = HEX[b & 0xF];
    }
  }
  private static final String DIGITS = "0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

  private final KeyColumn column;
  private final long seed;
  private final byte[] prefix;
  private final boolean numeric;
  private final long decimalFactor;
  private final byte[][] alphabets;
  private final long capacity;
  private final long multiplier;
  private final long offset;
  private final long randomKeySalt;
  private final byte[] buffer = new byte[128];

  KeyGenerator(KeyColumn column, long seed) {
    this.column = column;
    this.seed = seed;
    this.prefix = column.prefix().getBytes(StandardCharsets.UTF_8);
    this.numeric = column.type().logicalType() != LogicalType.STRING;
    this.decimalFactor = column.type().logicalType() == LogicalType.DECIMAL ? BigInteger.TEN.pow(column.type().scale()).longValueExact() : 1;
    String template = column.template();
    this.alphabets = new byte[template.length()][];
    for (int i = 0; i < template.length(); i++) {
      alphabets[i] = alphabet(template.charAt(i)).getBytes(StandardCharsets.US_ASCII);
    }

    this.capacity = column.capacity();
    this.randomKeySalt = Seeds.derive(seed, 0, 103);
    if (column.style() == KeyColumn.Style.CODE) {
      // An affine map row -> (a * row + b) mod capacity with gcd(a, capacity) = 1 is a seeded bijection.
      long a = Math.floorMod(Seeds.derive(seed, 0, 101), capacity);
      while (BigInteger.valueOf(a).gcd(BigInteger.valueOf(capacity)).longValue() != 1) {
        a = (a + 1) % capacity;
      }

      this.multiplier = a;
      this.offset = Math.floorMod(Seeds.derive(seed, 0, 102), capacity);
    } else {
      this.multiplier = 1;
      this.offset = 0;
    }
  }

  private static String alphabet(char templateClass) {
    switch (templateClass) {
      case '9': return DIGITS;
      case 'A': return UPPER;
      case 'a': return LOWER;
      case 'X': return DIGITS + UPPER;
      default: return DIGITS + LOWER;
    }
  }

  @Override
  public void fill(long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    if (column.style() == KeyColumn.Style.UUID) {
      // The most common key of fixtures, in a loop of its own.
      for (int r = 0; r < rows; r++) {
        sink.putUtf8(r, buffer, 0, writeUuid(firstRow + r));
      }

      return;
    }

    for (int r = 0; r < rows; r++) {
      long row = firstRow + r;
      switch (column.style()) {
        case SEQUENCE:
          long value = column.start() + row * column.step();
          if (numeric) {
            sink.putLong(r, value * decimalFactor);
          } else {
            sink.putUtf8(r, buffer, 0, writeSequence(value));
          }

          break;
        case RANDOM:
          sink.putLong(r, randomKey(row));
          break;
        default:
          sink.putUtf8(r, buffer, 0, writeCode(row));
      }
    }
  }

  /**
   * A bijection of [0, 2⁶³): the seeded SplitMix finalizer permutes all longs, and cycle-walking past negative results
   * keeps it a permutation of the non-negative ones (two steps expected).
   */
  private long randomKey(long row) {
    long value = Seeds.mix(row ^ randomKeySalt);
    while (value < 0) {
      value = Seeds.mix(value ^ randomKeySalt);
    }

    return value;
  }

  private int writeSequence(long value) {
    int length = copyPrefix();
    String digits = Long.toString(value);
    for (int pad = digits.length(); pad < column.width(); pad++) {
      buffer[length++] = '0';
    }

    for (int i = 0; i < digits.length(); i++) {
      buffer[length++] = (byte) digits.charAt(i);
    }

    return length;
  }

  private int writeUuid(long row) {
    long key = Seeds.blockKey(seed, row);
    long high = Seeds.stream(key, 201);
    long low = Seeds.stream(key, 202);
    high = (high & ~0xF000L) | 0x4000L;
    low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    writeHexBytes(high >>> 32, 0, 4);
    buffer[8] = '-';
    writeHexBytes(high >>> 16, 9, 2);
    buffer[13] = '-';
    writeHexBytes(high, 14, 2);
    buffer[18] = '-';
    writeHexBytes(low >>> 48, 19, 2);
    buffer[23] = '-';
    writeHexBytes(low, 24, 6);
    return 36;
  }

  /** Writes the low {@code bytes} bytes of {@code bits} as hex at {@code at}, most significant first. */
  private void writeHexBytes(long bits, int at, int bytes) {
    for (int i = at + 2 * bytes - 2; i >= at; i -= 2) {
      int pair = 2 * (int) (bits & 0xFF);
      buffer[i] = HEX_PAIRS[pair];
      buffer[i + 1] = HEX_PAIRS[pair + 1];
      bits >>>= 8;
    }
  }

  private int writeCode(long row) {
    long index = mulMod(multiplier, Math.floorMod(row, capacity), capacity);
    index = (index + offset) % capacity;
    int length = copyPrefix();
    int start = length;
    length += alphabets.length;
    for (int i = alphabets.length - 1; i >= 0; i--) {
      byte[] alphabet = alphabets[i];
      buffer[start + i] = alphabet[(int) (index % alphabet.length)];
      index /= alphabet.length;
    }

    return length;
  }

  private int copyPrefix() {
    System.arraycopy(prefix, 0, buffer, 0, prefix.length);
    return prefix.length;
  }

  private static long mulMod(long a, long b, long m) {
    if (a < (1L << 31) && b < (1L << 31)) {
      return (a * b) % m;
    }

    return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(BigInteger.valueOf(m)).longValue();
  }
}
