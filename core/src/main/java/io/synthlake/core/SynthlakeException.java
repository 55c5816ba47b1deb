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

  /** Throws {@link #of(String, Object...)} unless {@code condition} holds. */
  public static void check(boolean condition, String template, Object... args) {
    if (!condition) {
      throw of(template, args);
    }
  }
}
