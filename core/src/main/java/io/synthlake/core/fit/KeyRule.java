package io.synthlake.core.fit;

import io.synthlake.core.types.LogicalType;
import java.util.regex.Pattern;

/**
 * The one rule that says whether a column holds keys, documented in docs/model-format.md ("Looks
 * like a key"). Fitting applies it to a sample ({@code KindDetector}); evaluation applies it to
 * whole tables, whose distinct counts Spark estimates, so it passes the estimate's relative error.
 *
 * <p>A column can be a key when it is integral (byte, short, int, long), or a string whose every
 * non-null value is an identifier-like token; a string column of UUIDs is always one. It is one
 * when its non-null values are all distinct and there are at least {@link #MIN_KEY_ROWS} of them,
 * or when its name looks like an identifier, at least {@link #NAMED_KEY_DISTINCT_SHARE} of its
 * non-null values are distinct and there are at least {@link #MIN_NAMED_KEY_ROWS} of them.
 */
public final class KeyRule {
  /** A UUID: 8-4-4-4-12 hex digits. */
  public static final String UUID_REGEX =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  /** An identifier-like token: 1 to 64 characters from {@code A-Z a-z 0-9 _ - . : / #}. */
  public static final String IDENTIFIER_REGEX = "[A-Za-z0-9_\\-.:/#]{1,64}";

  /**
   * Unique columns smaller than this are not called keys: a small sample makes most measurements
   * unique.
   */
  public static final int MIN_KEY_ROWS = 100;

  /** The fewest non-null values of a column that is a key by its name. */
  public static final int MIN_NAMED_KEY_ROWS = 20;

  /** The share of distinct non-null values a column named like an identifier needs to be a key. */
  public static final double NAMED_KEY_DISTINCT_SHARE = 0.95;

  static final Pattern UUID = Pattern.compile(UUID_REGEX);
  static final Pattern IDENTIFIER = Pattern.compile(IDENTIFIER_REGEX);
  // Case-insensitive suffixes after a separator (order_id, ORDER-KEY), or a camel-case Id (orderId,
  // orderID); the
  // camel-case branch must stay case-sensitive, or every word ending in "id" (paid, bid, valid)
  // would name a key.
  private static final Pattern ID_NAME =
      Pattern.compile("(?i:.*(^|[_\\s.-])(id|key|uuid|code)$)|.*[a-z](Id|ID)$");

  /** What a string column's non-null values look like; numbers are always {@link #IDENTIFIERS}. */
  public enum Values {
    /** Every value is a UUID (and so an identifier too). */
    UUIDS,
    /** Every value is an identifier-like token. */
    IDENTIFIERS,
    /** Some value is neither. */
    OTHER
  }

  private KeyRule() {}

  /**
   * Whether a column named {@code name} is named like an identifier ({@code id}, {@code order_id},
   * {@code orderId}).
   */
  public static boolean namedLikeKey(String name) {
    return ID_NAME.matcher(name).matches();
  }

  /** Whether a string value is a UUID. */
  public static boolean isUuid(String value) {
    return UUID.matcher(value).matches();
  }

  /** Whether a string value is an identifier-like token. */
  public static boolean isIdentifier(String value) {
    return IDENTIFIER.matcher(value).matches();
  }

  /**
   * Whether a column is a key.
   *
   * @param name the column's name
   * @param type its type
   * @param values what its non-null values look like (for strings; pass {@link Values#IDENTIFIERS}
   *     for numbers)
   * @param nonNull how many non-null values it has
   * @param distinct how many of them are distinct (exactly, or an estimate)
   * @param distinctError the relative error of {@code distinct}: 0 when counted exactly; a column
   *     is "all distinct" when {@code distinct >= (1 - distinctError) * nonNull}
   */
  public static boolean isKey(
      String name,
      LogicalType type,
      Values values,
      long nonNull,
      long distinct,
      double distinctError) {
    if (nonNull == 0) {
      return false;
    }

    if (type == LogicalType.STRING) {
      if (values == Values.UUIDS) {
        return true;
      }

      if (values != Values.IDENTIFIERS) {
        return false;
      }
    } else if (!type.isIntegral()) {
      return false;
    }

    boolean unique =
        (distinctError == 0 ? distinct == nonNull : distinct >= (1 - distinctError) * nonNull)
            && nonNull >= MIN_KEY_ROWS;
    boolean named =
        namedLikeKey(name)
            && distinct >= NAMED_KEY_DISTINCT_SHARE * nonNull
            && nonNull >= MIN_NAMED_KEY_ROWS;
    return unique || named;
  }
}
