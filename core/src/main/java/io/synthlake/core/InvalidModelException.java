package io.synthlake.core;

/**
 * A model (or a part of one: a column, a marginal, the dependence) that cannot be built from the
 * values given, as a model file, a spec or a Java caller gave them. The message names the column
 * and the field at fault where they are known; readers of files prefix it with the file and the
 * path. Made by {@link Errors}.
 */
public class InvalidModelException extends SynthlakeException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final String field;

  InvalidModelException(String column, String field, String message, Throwable cause) {
    super(message, cause);
    this.column = column;
    this.field = field;
  }

  /**
   * The column at fault, or null when the part is not a column's (the dependence) or does not know
   * it.
   */
  public String column() {
    return column;
  }

  /**
   * The field at fault (a model-file field name such as {@code probabilities}), or null when the
   * whole part is.
   */
  public String field() {
    return field;
  }
}
