package io.synthlake.core.generate;

import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.types.LogicalType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes key values as a function of the global row index alone. */
final class KeyGenerator implements ColumnGenerator {
  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BIG_ENDIAN_INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final int UUID_LENGTH = 36;
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
  private final byte[] buffer = new byte[KeyColumn.MAX_VALUE_BYTES];

  /** A block's UUIDs, one after another; made on first use. */
  private byte[] uuids;

  KeyGenerator(KeyColumn column, long seed) {
    this.column = column;
    this.seed = seed;
    this.prefix = column.prefix().getBytes(StandardCharsets.UTF_8);
    this.numeric = column.type().logicalType() != LogicalType.STRING;
    this.decimalFactor =
        column.type().logicalType() == LogicalType.DECIMAL
            ? BigInteger.TEN.pow(column.type().scale()).longValueExact()
            : 1;
    String template = column.template();
    this.alphabets = new byte[template.length()][];
    for (int i = 0; i < template.length(); i++) {
      alphabets[i] = alphabet(template.charAt(i)).getBytes(StandardCharsets.US_ASCII);
    }

    this.capacity = column.capacity();
    this.randomKeySalt = Seeds.derive(seed, 0, 103);
    if (column.style() == KeyColumn.Style.CODE) {
      // An affine map row -> (a * row + b) mod capacity with gcd(a, capacity) = 1 is a seeded
      // bijection.
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
      case '9':
        return DIGITS;
      case 'A':
        return UPPER;
      case 'a':
        return LOWER;
      case 'X':
        return DIGITS + UPPER;
      default:
        return DIGITS + LOWER;
    }
  }

  @Override
  public void fill(
      long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    if (column.style() == KeyColumn.Style.UUID) {
      // The most common key of fixtures, in a loop of its own, handed over as one block of bytes.
      if (uuids == null) {
        uuids = new byte[UUID_LENGTH * TableSampler.BLOCK_ROWS];
      }

      for (int r = 0; r < rows; r++) {
        writeUuid(firstRow + r, uuids, r * UUID_LENGTH);
      }

      sink.putFixedWidthUtf8(uuids, UUID_LENGTH, rows);
      return;
    }

    for (int r = 0; r < rows; r++) {
      writeKey(firstRow + r, r, sink);
    }
  }

  /**
   * Writes the keys of global rows {@code rowIndex[0..rows)} as rows 0 to rows - 1: a foreign key's
   * values.
   */
  void fillAt(long[] rowIndex, int rows, ColumnSink sink) {
    for (int r = 0; r < rows; r++) {
      writeKey(rowIndex[r], r, sink);
    }
  }

  private void writeKey(long row, int r, ColumnSink sink) {
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
      case UUID:
        writeUuid(row, buffer, 0);
        sink.putUtf8(r, buffer, 0, UUID_LENGTH);
        break;
      default:
        sink.putUtf8(r, buffer, 0, writeCode(row));
    }
  }

  /**
   * A bijection of [0, 2⁶³): the seeded SplitMix finalizer permutes all longs, and cycle-walking
   * past negative results keeps it a permutation of the non-negative ones (two steps expected).
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

  /**
   * Writes row {@code row}'s version-4 UUID, {@link #UUID_LENGTH} bytes, into {@code out} at {@code
   * at}.
   */
  private void writeUuid(long row, byte[] out, int at) {
    long key = Seeds.blockKey(seed, row);
    long high = Seeds.stream(key, 201);
    long low = Seeds.stream(key, 202);
    high = (high & ~0xF000L) | 0x4000L;
    low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    // 8-4-4-4-12 hex digits: each 32-bit half of high and low becomes 8 digits at once, split
    // around the dashes.
    long lowerHighDigits = hexDigits(high);
    long upperLowDigits = hexDigits(low >>> 32);
    BIG_ENDIAN_LONGS.set(out, at, hexDigits(high >>> 32));
    out[at + 8] = '-';
    BIG_ENDIAN_INTS.set(out, at + 9, (int) (lowerHighDigits >>> 32));
    out[at + 13] = '-';
    BIG_ENDIAN_INTS.set(out, at + 14, (int) lowerHighDigits);
    out[at + 18] = '-';
    BIG_ENDIAN_INTS.set(out, at + 19, (int) (upperLowDigits >>> 32));
    out[at + 23] = '-';
    BIG_ENDIAN_INTS.set(out, at + 24, (int) upperLowDigits);
    BIG_ENDIAN_LONGS.set(out, at + 28, hexDigits(low));
  }

  /**
   * The 8 lowercase hex digits of the low 32 bits of {@code bits} as ASCII bytes, most significant
   * digit in the highest byte: the nibbles are spread one to a byte, and each becomes '0' + n, plus
   * 39 more (to reach 'a') when n > 9.
   */
  static long hexDigits(long bits) {
    long x = bits & 0xFFFFFFFFL;
    x = (x | x << 16) & 0x0000FFFF0000FFFFL;
    x = (x | x << 8) & 0x00FF00FF00FF00FFL;
    x = (x | x << 4) & 0x0F0F0F0F0F0F0F0FL;
    long letters = ((x + 0x0606060606060606L) >>> 4) & 0x0101010101010101L;
    return x + 0x3030303030303030L + letters * 39;
  }

  private int writeCode(long row) {
    long index = mulMod(multiplier, Math.floorMod(row, capacity), capacity);
    // (index + offset) mod capacity, without the sum overflowing when capacity exceeds 2^62.
    index = index >= capacity - offset ? index - (capacity - offset) : index + offset;
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

    return BigInteger.valueOf(a)
        .multiply(BigInteger.valueOf(b))
        .mod(BigInteger.valueOf(m))
        .longValue();
  }
}
