package io.synthlake.core;

import java.util.Locale;

/**
 * A problem with what the user gave synthlake: input data, options, a model or spec file. The message states the
 * problem, its cause and the fix on one line, naming the file, column or field; the CLI prints it without a stack trace.
 */
public class SynthlakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SynthlakeException(String message) {
    super(message);
  }

  public SynthlakeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Builds an exception from a {@link String#format} template, formatted in the root locale. */
  public static SynthlakeException of(String template, Object... args) {
    return new SynthlakeException(String.format(Locale.ROOT, template, args));
  }

  /** Characters of a value that {@link #shown(Object)} keeps. */
  public static final int SHOWN_CHARS = 60;

  /**
   * A value from the user's input as a message quotes it: on one line (line breaks and control characters escaped) and
   * at most {@value #SHOWN_CHARS} characters, so that a long or multi-line value keeps the message one readable line.
   */
  public static String shown(Object value) {
    return shown(value, SHOWN_CHARS);
  }

  /** Like {@link #shown(Object)}, keeping at most {@code limit} characters. */
  public static String shown(Object value, int limit) {
    String text = String.valueOf(value);
    StringBuilder line = new StringBuilder();
    int i = 0;
    for (; i < text.length() && line.length() < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line.append("\\n");
      } else if (c == '\r') {
        line.append("\\r");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        line.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }

    return i == text.length() ? line.toString() : line.substring(0, Math.min(line.length(), limit - 1)) + "… ("
        + text.length() + " characters)";
  }

  /** Throws {@link #of(String, Object...)} unless {@code condition} holds. */
  public static void check(boolean condition, String template, Object... args) {
    if (!condition) {
      throw of(template, args);
    }
  }
}
