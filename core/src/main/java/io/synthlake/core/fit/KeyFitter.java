package io.synthlake.core.fit;

import io.synthlake.core.Errors;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.types.LogicalType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Chooses how a key column is generated so that no real key is reproduced: numbers start above the
 * largest real one, at a round number ({@link #sequenceAbove}) that reveals only its order of
 * magnitude; prefixed numbers likewise; UUIDs are drawn fresh; and other codes get one more
 * character than any real code. "Real" covers the whole input when the caller supplies {@link
 * KeyBounds}, not only the sample.
 */
final class KeyFitter {
  private KeyFitter() {}

  static KeyColumn fit(SampleColumn sample) {
    String name = sample.name();
    LogicalType type = sample.type().logicalType();
    KeyBounds bounds =
        sample.keyBounds() != null
            ? sample.keyBounds()
            : KeyBounds.of(Long.MIN_VALUE, 0, Long.MIN_VALUE);
    if (type != LogicalType.STRING) {
      long max = Long.MIN_VALUE;
      long gcd = 0;
      for (int row = 0; row < sample.size(); row++) {
        if (!sample.isNull(row)) {
          long value = (long) Math.floor(sample.number(row));
          max = Math.max(max, value);
          gcd = BigInteger.valueOf(gcd).gcd(BigInteger.valueOf(value)).longValue();
        }
      }

      long step = gcd > 1 ? gcd : 1;
      max = Math.max(max, bounds.maxWhole());
      if (max == Long.MIN_VALUE) {
        return KeyColumn.sequence(name, sample.type(), 1, step, "", 0);
      }

      return sequenceAbove(
          name, max, step, start -> KeyColumn.sequence(name, sample.type(), start, step, "", 0));
    }

    List<String> values = new ArrayList<>();
    for (int row = 0; row < sample.size(); row++) {
      if (!sample.isNull(row)) {
        values.add(sample.string(row));
      }
    }

    if (!values.isEmpty() && values.stream().allMatch(KeyRule::isUuid)) {
      return KeyColumn.uuid(name, sample.type());
    }

    String prefix = commonPrefix(values);
    boolean numbered =
        !values.isEmpty()
            && values.stream()
                .allMatch(
                    v ->
                        v.length() > prefix.length()
                            && v.length() - prefix.length() <= 18
                            && v.substring(prefix.length()).chars().allMatch(Character::isDigit));
    if (numbered) {
      long max = Math.max(0, bounds.maxTrailingNumber());
      int width = 0;
      for (String value : values) {
        String digits = value.substring(prefix.length());
        max = Math.max(max, Long.parseLong(digits));
        width = Math.max(width, digits.length());
      }

      int digits = width;
      return sequenceAbove(
          name, max, 1, start -> KeyColumn.sequence(name, sample.type(), start, 1, prefix, digits));
    }

    return KeyColumn.code(
        name,
        sample.type(),
        prefix,
        template(values, prefix.length(), bounds.maxLength() - prefix.length()));
  }

  /**
   * The fitted sequence: its start is the first multiple of {@code step} at or above R, where R
   * rounds the real maximum {@code max} up to the coarsest power of ten that leaves the key's type
   * room for a row. First 10^d, the smallest power of ten above {@code |max|} (500 and 907 give
   * 1000; 1000 gives 10,000; 0 gives 1; negatives give 0); when the type has no room there, the
   * next multiple of 10^(d-1) above {@code max}, then of 10^(d-2), and so on (an int key whose real
   * maximum is 2,000,000,000 starts at 2,100,000,000). Every generated key is above every real one,
   * and the start reveals only the maximum's order of magnitude, or its leading digits when the
   * type forces a finer round. When no start fits, the last one tried: the capacity check at
   * generate time then names the key.
   */
  static KeyColumn sequenceAbove(
      String name, long max, long step, LongFunction<KeyColumn> sequence) {
    KeyColumn last = null;
    for (long unit = powerOfTenAbove(max); unit >= 1; unit /= 10) {
      BigInteger rounded =
          BigInteger.valueOf(Math.floorDiv(max, unit))
              .add(BigInteger.ONE)
              .multiply(BigInteger.valueOf(unit));
      BigInteger[] steps = rounded.divideAndRemainder(BigInteger.valueOf(step));
      BigInteger start =
          steps[0]
              .add(steps[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO)
              .multiply(BigInteger.valueOf(step));
      if (start.bitLength() >= Long.SIZE) {
        continue; // beyond a long: try a finer round
      }

      last = sequence.apply(start.longValueExact());
      if (last.capacity() > 0) {
        return last;
      }
    }

    if (last == null) { // even max + step is beyond a long
      throw Errors.keyHasNoRoom(name, max, step);
    }

    return last;
  }

  /**
   * The smallest power of ten above {@code |max|} (1 for 0), at most 10^18, the largest power of
   * ten in a long.
   */
  private static long powerOfTenAbove(long max) {
    long power = 1;
    while (power < 1_000_000_000_000_000_000L && (max >= power || max <= -power)) {
      power *= 10;
    }

    return power;
  }

  /**
   * The longest prefix of non-alphanumeric-ended text shared by every value (such as {@code TX-}).
   */
  private static String commonPrefix(List<String> values) {
    if (values.isEmpty()) {
      return "";
    }

    String prefix = values.get(0);
    for (String value : values) {
      int i = 0;
      while (i < prefix.length() && i < value.length() && prefix.charAt(i) == value.charAt(i)) {
        i++;
      }

      prefix = prefix.substring(0, i);
    }

    // Keep the prefix only up to its last separator, so that shared leading digits stay part of the
    // code.
    int cut = prefix.length();
    while (cut > 0 && Character.isLetterOrDigit(prefix.charAt(cut - 1))) {
      cut--;
    }

    return prefix.substring(0, cut);
  }

  /**
   * Per position, the narrowest class covering every value, out to the longest real value (sampled
   * or not); then one more position like the last, so every generated code is longer than every
   * real one.
   */
  private static String template(List<String> values, int skip, int longestReal) {
    int longest = 0;
    for (String value : values) {
      longest = Math.max(longest, value.length() - skip);
    }

    StringBuilder template = new StringBuilder();
    for (int position = 0; position < longest; position++) {
      boolean digit = false;
      boolean upper = false;
      boolean lower = false;
      for (String value : values) {
        if (value.length() - skip > position) {
          char c = value.charAt(skip + position);
          digit |= Character.isDigit(c) || !Character.isLetter(c);
          upper |= Character.isUpperCase(c);
          lower |= Character.isLowerCase(c);
        }
      }

      template.append(
          upper && lower ? 'X' : upper ? (digit ? 'X' : 'A') : lower ? (digit ? 'x' : 'a') : '9');
    }

    if (template.length() == 0) {
      template.append('X');
    }

    while (template.length() < longestReal) {
      template.append(template.charAt(template.length() - 1));
    }

    template.append(template.charAt(template.length() - 1));
    return template.toString();
  }
}
