package io.synthlake.core.model;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A unique identifier generated from the row index alone, never copied from the input:
 * <ul>
 *   <li>{@code sequence}: {@code start + row * step}, numbers or {@code prefix} + zero-padded digits; fitted keys start
 *       above the largest real one, at a round number (model-format.md section 6);
 *   <li>{@code uuid}: a version-4-shaped UUID derived from (seed, row);
 *   <li>{@code code}: {@code prefix} + characters drawn per position from {@code template} classes ({@code 9} digit,
 *       {@code A} upper-case letter, {@code a} lower-case letter, {@code X} digit or upper-case letter, {@code x} digit or
 *       lower-case letter), by a seeded bijection of the row index; fitted codes are one character longer than every real
 *       one, so none can be reproduced;
 *   <li>{@code random}: unique non-negative longs in random order, a seeded bijection of the row index.
 * </ul>
 */
public final class KeyColumn implements ColumnModel {
  /** Longest string key value in UTF-8 bytes, prefix included: generators compose values in a buffer this size. */
  public static final int MAX_VALUE_BYTES = 128;

  /** How key values are formed. */
  public enum Style {
    SEQUENCE, UUID, CODE, RANDOM;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String name;
  private final DataType type;
  private final Style style;
  private final long start;
  private final long step;
  private final String prefix;
  private final int width;
  private final String template;

  private KeyColumn(String name, DataType type, Style style, long start, long step, String prefix, int width, String template) {
    this.name = name;
    this.type = type;
    this.style = style;
    this.start = start;
    this.step = step;
    this.prefix = prefix;
    this.width = width;
    this.template = template;
  }

  public static KeyColumn sequence(String name, DataType type, long start, long step, String prefix, int width) {
    LogicalType logical = type.logicalType();
    if (!logical.isIntegral() && logical != LogicalType.STRING && logical != LogicalType.DECIMAL) {
      throw new IllegalArgumentException("column '" + name + "': a sequence key needs an integer, decimal or string type, not " + type);
    }

    if (step == 0) {
      throw new IllegalArgumentException("column '" + name + "': a sequence key needs a non-zero step");
    }

    String checkedPrefix = prefix == null ? "" : prefix;
    if (logical == LogicalType.STRING) {
      // The longest number is Long.MIN_VALUE's 20 characters.
      requireFits(name, checkedPrefix, Math.max(20, width), "the width " + width);
    }

    return new KeyColumn(name, type, Style.SEQUENCE, start, step, checkedPrefix, Math.max(0, width), "");
  }

  public static KeyColumn uuid(String name, DataType type) {
    requireString(name, type, Style.UUID);
    return new KeyColumn(name, type, Style.UUID, 0, 1, "", 0, "");
  }

  public static KeyColumn random(String name, DataType type) {
    if (type.logicalType() != LogicalType.LONG) {
      throw new IllegalArgumentException("column '" + name + "': a random key needs the type long, not " + type);
    }

    return new KeyColumn(name, type, Style.RANDOM, 0, 1, "", 0, "");
  }

  public static KeyColumn code(String name, DataType type, String prefix, String template) {
    requireString(name, type, Style.CODE);
    if (template.isEmpty() || !template.chars().allMatch(c -> "9AaXx".indexOf(c) >= 0)) {
      throw new IllegalArgumentException("column '" + name + "': code template '" + SynthlakeException.shown(template)
          + "' must be non-empty and use only 9, A, a, X, x");
    }

    String checkedPrefix = prefix == null ? "" : prefix;
    requireFits(name, checkedPrefix, template.length(), "the template's " + template.length() + " positions");
    return new KeyColumn(name, type, Style.CODE, 0, 1, checkedPrefix, 0, template);
  }

  /** Key values are composed in a buffer of {@link #MAX_VALUE_BYTES}: the prefix and the generated part must fit. */
  private static void requireFits(String name, String prefix, long generatedBytes, String generated) {
    long bytes = prefix.getBytes(StandardCharsets.UTF_8).length + generatedBytes;
    if (bytes > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException("column '" + SynthlakeException.shown(name) + "': key values may have at most "
          + MAX_VALUE_BYTES + " bytes, but the prefix (" + (bytes - generatedBytes) + " bytes) and " + generated
          + " make up to " + bytes + "; shorten the prefix or the generated part");
    }
  }

  private static void requireString(String name, DataType type, Style style) {
    if (type.logicalType() != LogicalType.STRING) {
      throw new IllegalArgumentException("column '" + name + "': a " + style.jsonName() + " key needs a string type, not " + type);
    }
  }

  /**
   * How many rows can get distinct values: a code key's template size, a numeric sequence's room before its type's
   * largest value (an int key starting at 2,000,000,000 has little), otherwise {@link Long#MAX_VALUE}.
   */
  public long capacity() {
    if (style == Style.SEQUENCE) {
      LogicalType logical = type.logicalType();
      if (logical == LogicalType.STRING || step < 0) {
        return Long.MAX_VALUE;
      }

      double largest = logical == LogicalType.DECIMAL ? Math.pow(10, type.precision() - type.scale()) - 1 : logical.maxValue();
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
      case '9': return 10;
      case 'A': case 'a': return 26;
      default: return 36;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public ColumnKind kind() {
    return ColumnKind.KEY;
  }

  public Style style() {
    return style;
  }

  public long start() {
    return start;
  }

  public long step() {
    return step;
  }

  public String prefix() {
    return prefix;
  }

  public int width() {
    return width;
  }

  public String template() {
    return template;
  }
}
