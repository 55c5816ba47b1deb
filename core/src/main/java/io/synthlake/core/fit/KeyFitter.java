package io.synthlake.core.fit;

import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.types.LogicalType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how a key column is generated so that no real key is reproduced: numbers continue after the largest real
 * one, prefixed numbers likewise, UUIDs are drawn fresh, and other codes get one more character than any real code.
 * "Real" covers the whole input when the caller supplies {@link KeyBounds}, not only the sample.
 */
final class KeyFitter {
  private KeyFitter() {}

  static KeyColumn fit(SampleColumn sample) {
    String name = sample.name();
    LogicalType type = sample.type().logicalType();
    KeyBounds bounds = sample.keyBounds() != null ? sample.keyBounds() : KeyBounds.of(Long.MIN_VALUE, 0, Long.MIN_VALUE);
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
      return KeyColumn.sequence(name, sample.type(), max == Long.MIN_VALUE ? 1 : max + step, step, "", 0);
    }

    List<String> values = new ArrayList<>();
    for (int row = 0; row < sample.size(); row++) {
      if (!sample.isNull(row)) {
        values.add(sample.string(row));
      }
    }

    if (!values.isEmpty() && values.stream().allMatch(v -> KindDetector.UUID.matcher(v).matches())) {
      return KeyColumn.uuid(name, sample.type());
    }

    String prefix = commonPrefix(values);
    boolean numbered = !values.isEmpty() && values.stream().allMatch(v -> v.length() > prefix.length()
        && v.length() - prefix.length() <= 18 && v.substring(prefix.length()).chars().allMatch(Character::isDigit));
    if (numbered) {
      long max = Math.max(0, bounds.maxTrailingNumber());
      int width = 0;
      for (String value : values) {
        String digits = value.substring(prefix.length());
        max = Math.max(max, Long.parseLong(digits));
        width = Math.max(width, digits.length());
      }

      return KeyColumn.sequence(name, sample.type(), max + 1, 1, prefix, width);
    }

    return KeyColumn.code(name, sample.type(), prefix, template(values, prefix.length(), bounds.maxLength() - prefix.length()));
  }

  /** The longest prefix of non-alphanumeric-ended text shared by every value (such as {@code TX-}). */
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

    // Keep the prefix only up to its last separator, so that shared leading digits stay part of the code.
    int cut = prefix.length();
    while (cut > 0 && Character.isLetterOrDigit(prefix.charAt(cut - 1))) {
      cut--;
    }

    return prefix.substring(0, cut);
  }

  /**
   * Per position, the narrowest class covering every value, out to the longest real value (sampled or not); then one
   * more position like the last, so every generated code is longer than every real one.
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

      template.append(upper && lower ? 'X' : upper ? (digit ? 'X' : 'A') : lower ? (digit ? 'x' : 'a') : '9');
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
