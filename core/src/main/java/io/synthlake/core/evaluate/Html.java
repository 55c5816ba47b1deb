package io.synthlake.core.evaluate;

import java.util.Locale;

/**
 * Escaping and number formatting for the HTML report. Every user string goes through {@link
 * #escape}.
 */
final class Html {
  static final String UNDEFINED = "n/a";

  private Html() {}

  /** Text safe inside an element or a quoted attribute. */
  static String escape(String text) {
    if (text == null) {
      return "(null)";
    }

    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }

    return out.toString();
  }

  /**
   * JSON made safe as the text of a {@code <script>} element. '<' can only occur inside JSON
   * strings, where its escape (backslash, u003c) is the same character, so neither "</script" nor
   * "<!--" can end or confuse the element.
   */
  static String scriptSafeJson(String json) {
    return json.replace("<", "\\u003c");
  }

  /** A figure with three decimals, or n/a when undefined. */
  static String figure(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : UNDEFINED;
  }

  /**
   * A share as a percentage; small non-zero shares keep two significant digits so they do not read
   * as 0%.
   */
  static String percent(double share) {
    if (!Double.isFinite(share)) {
      return UNDEFINED;
    }

    double percent = share * 100;
    if (percent != 0 && Math.abs(percent) < 1) {
      return String.format(Locale.ROOT, "%.2g%%", percent);
    }

    return String.format(Locale.ROOT, "%.1f%%", percent);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String seconds(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f s", value) : UNDEFINED;
  }
}
