package io.synthlake.core;

import java.util.Locale;

/**
 * A problem with what the user gave synthlake: input data, options, a model or spec file. The
 * message states the problem, its cause and the fix on one line, naming the file, column or field;
 * the CLI prints it without a stack trace. A message names the user's {@link Setting}s for its
 * reader: {@link #getMessage()} by their Java API names, and {@link #messageFor(Audience)
 * messageFor(Audience.CLI)} by their command-line flags. The messages themselves are made in {@link
 * Errors}.
 */
public class SynthlakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message for the command line, or null when it is the API's. */
  private final String cliMessage;

  public SynthlakeException(String message) {
    this(message, null, null);
  }

  public SynthlakeException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /** An exception whose message names settings differently for the command line. */
  protected SynthlakeException(String apiMessage, String cliMessage, Throwable cause) {
    super(apiMessage, cause);
    this.cliMessage = cliMessage == null || cliMessage.equals(apiMessage) ? null : cliMessage;
  }

  /**
   * Builds an exception from a {@link String#format} template, formatted in the root locale; a
   * {@link Setting} or {@link Setting.Value} argument is named for each {@link Audience}.
   */
  public static SynthlakeException of(String template, Object... args) {
    return of(null, template, args);
  }

  /** Like {@link #of(String, Object...)}, with the exception that caused this one. */
  public static SynthlakeException of(Throwable cause, String template, Object... args) {
    return new SynthlakeException(
        format(Audience.API, template, args), format(Audience.CLI, template, args), cause);
  }

  /**
   * {@code template} formatted with {@code args}, settings among them named for {@code audience}.
   */
  static String format(Audience audience, String template, Object... args) {
    Object[] named = args.clone();
    for (int i = 0; i < named.length; i++) {
      if (named[i] instanceof Setting) {
        named[i] = ((Setting) named[i]).nameFor(audience);
      } else if (named[i] instanceof Setting.Value) {
        named[i] = ((Setting.Value) named[i]).nameFor(audience);
      }
    }

    return String.format(Locale.ROOT, template, named);
  }

  /**
   * The message for {@code audience}: {@link #getMessage()} for the Java API, the same message
   * naming command-line flags for the CLI.
   */
  public String messageFor(Audience audience) {
    return audience == Audience.CLI && cliMessage != null ? cliMessage : getMessage();
  }

  /**
   * This problem as seen from {@code where} (a file, a command): both messages prefixed with it,
   * this as the cause.
   */
  public SynthlakeException within(String where) {
    return new SynthlakeException(
        where + ": " + getMessage(), where + ": " + messageFor(Audience.CLI), this);
  }

  /** Characters of a value that {@link #shown(Object)} keeps. */
  public static final int SHOWN_CHARS = 60;

  /**
   * A value from the user's input as a message quotes it: on one line (line breaks and control
   * characters escaped) and at most {@value #SHOWN_CHARS} characters, so that a long or multi-line
   * value keeps the message one readable line.
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

    return i == text.length()
        ? line.toString()
        : line.substring(0, Math.min(line.length(), limit - 1))
            + "… ("
            + text.length()
            + " characters)";
  }

  /** Throws {@link #of(String, Object...)} unless {@code condition} holds. */
  public static void check(boolean condition, String template, Object... args) {
    if (!condition) {
      throw of(template, args);
    }
  }
}
