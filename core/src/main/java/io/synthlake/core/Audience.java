package io.synthlake.core;

/**
 * Who reads an error message: a Java API user, who sets options with methods ({@code
 * GenerateOptions.withFirstRow}), or a command-line user, who passes flags ({@code --first-row}).
 * {@link Setting}s in a message are named for its reader.
 */
public enum Audience {
  /** A program using the Java API; {@link SynthlakeException#getMessage()} speaks to it. */
  API,
  /** A person running the {@code synthlake} command. */
  CLI
}
