package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A unique identifier generated from the row index alone, never copied from the input:
 *
 * <ul>
 *   <li>{@code sequence}: {@code start + row * step}, numbers or {@code prefix} + zero-padded
 *       digits; fitted keys start above the largest real one, at a round number (model-format.md
 *       section 6);
 *   <li>{@code uuid}: a version-4-shaped UUID derived from (seed, row);
 *   <li>{@code code}: {@code prefix} + characters drawn per position from {@code template} classes
 *       ({@code 9} digit, {@code A} upper-case letter, {@code a} lower-case letter, {@code X} digit
 *       or upper-case letter, {@code x} digit or lower-case letter), by a seeded bijection of the
 *       row index; fitted codes are one character longer than every real one, so none can be
 *       reproduced;
 *   <li>{@code random}: unique non-negative longs in random order, a seeded bijection of the row
 *       index.
 * </ul>
 */
public record KeyColumn(
    String name,
    DataType type,
    Style style,
    long start,
    long step,
    String prefix,
    int width,
    String template)
    implements ColumnModel {
  /**
   * Longest string key value in UTF-8 bytes, prefix included: generators compose values in a buffer
   * this size.
   */
  public static final int MAX_VALUE_BYTES = 128;

  /** How key values are formed. */
  public enum Style {
    SEQUENCE,
    UUID,
    CODE,
    RANDOM;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates per style, so that every key column, however made, fits the generators' buffers and
   * types.
   */
  public KeyColumn {
    LogicalType logical = type.logicalType();
    prefix = prefix == null ? "" : prefix;
    switch (style) {
      case SEQUENCE:
        if (!logical.isIntegral()
            && logical != LogicalType.STRING
            && logical != LogicalType.DECIMAL) {
          throw Errors.invalidColumn(
              name,
              "type",
              "a sequence key needs an integer, decimal or string type, not %s",
              type);
        }

        if (step == 0) {
          throw Errors.invalidColumn(name, "step", "a sequence key needs a non-zero step");
        }

        if (logical == LogicalType.STRING) {
          // The longest number is Long.MIN_VALUE's 20 characters.
          requireFits(name, prefix, Math.max(20, width), "the width " + width);
        }

        width = Math.max(0, width);
        break;
      case UUID:
        requireString(name, type, Style.UUID);
        break;
      case RANDOM:
        if (type.logicalType() != LogicalType.LONG) {
          throw Errors.invalidColumn(
              name, "type", "a random key needs the type long, not %s", type);
        }

        break;
      case CODE:
        requireString(name, type, Style.CODE);
        if (template.isEmpty() || !template.chars().allMatch(c -> "9AaXx".indexOf(c) >= 0)) {
          throw Errors.invalidColumn(
              name,
              "template",
              "code template '%s' must be non-empty and use only 9, A, a, X, x",
              SynthlakeException.shown(template));
        }

        requireFits(
            name, prefix, template.length(), "the template's " + template.length() + " positions");
        break;
    }
  }

  public static KeyColumn sequence(
      String name, DataType type, long start, long step, String prefix, int width) {
    return new KeyColumn(name, type, Style.SEQUENCE, start, step, prefix, width, "");
  }

  public static KeyColumn uuid(String name, DataType type) {
    return new KeyColumn(name, type, Style.UUID, 0, 1, "", 0, "");
  }

  public static KeyColumn random(String name, DataType type) {
    return new KeyColumn(name, type, Style.RANDOM, 0, 1, "", 0, "");
  }

  public static KeyColumn code(String name, DataType type, String prefix, String template) {
    return new KeyColumn(name, type, Style.CODE, 0, 1, prefix, 0, template);
  }

  /**
   * Key values are composed in a buffer of {@link #MAX_VALUE_BYTES}: the prefix and the generated
   * part must fit.
   */
  private static void requireFits(
      String name, String prefix, long generatedBytes, String generated) {
    long bytes = prefix.getBytes(StandardCharsets.UTF_8).length + generatedBytes;
    if (bytes > MAX_VALUE_BYTES) {
      throw Errors.invalidColumn(
          name,
          "prefix",
          "key values may have at most %d bytes, but the prefix (%d bytes) and %s "
              + "make up to %d; shorten the prefix or the generated part",
          MAX_VALUE_BYTES,
          bytes - generatedBytes,
          generated,
          bytes);
    }
  }

  private static void requireString(String name, DataType type, Style style) {
    if (type.logicalType() != LogicalType.STRING) {
      throw Errors.invalidColumn(
          name, "type", "a %s key needs a string type, not %s", style.jsonName(), type);
    }
  }

  /**
   * How many rows can get distinct values: a code key's template size, a numeric sequence's room
   * before its type's largest value (an int key starting at 2,000,000,000 has little), otherwise
   * {@link Long#MAX_VALUE}.
   */
  public long capacity() {
    if (style == Style.SEQUENCE) {
      LogicalType logical = type.logicalType();
      if (logical == LogicalType.STRING || step < 0) {
        return Long.MAX_VALUE;
      }

      double largest =
          logical == LogicalType.DECIMAL
              ? Math.pow(10, type.precision() - type.scale()) - 1
              : logical.maxValue();
      double room = Math.floor((largest - start) / step) + 1;
      return room <= 0 ? 0 : room >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) room;
    }

    if (style != Style.CODE) {
      return Long.MAX_VALUE;
    }

    long capacity = 1;
    for (char c : template.toCharArray()) {
      int size = classSize(c);
      if (capacity > Long.MAX_VALUE / size) {
        return Long.MAX_VALUE;
      }

      capacity *= size;
    }

    return capacity;
  }

  /** The number of characters a code template class can take. */
  public static int classSize(char templateClass) {
    switch (templateClass) {
      case '9':
        return 10;
      case 'A':
      case 'a':
        return 26;
      default:
        return 36;
    }
  }

  @Override
  public ColumnKind kind() {
    return ColumnKind.KEY;
  }
}
