package io.synthlake.core;

import io.synthlake.core.fit.DegeneratePolicy;
import io.synthlake.core.types.ColumnKind;
import java.util.Locale;

/**
 * The user-facing errors of core, made in one place. Each message is one line: the problem, its
 * cause and the fix, naming the column, field or {@link Setting} at fault; settings are named for
 * the reader ({@link SynthlakeException#messageFor(Audience)}), so core never spells a command-line
 * flag.
 */
public final class Errors {
  private Errors() {}

  /** {@code setting} got {@code value} where it takes a positive whole number. */
  public static SynthlakeException notPositive(Setting setting, long value) {
    return SynthlakeException.of("%s must be a positive whole number, got %d", setting, value);
  }

  /** {@code setting} names a column the input does not have. */
  public static SynthlakeException unknownColumn(
      Setting setting, String column, Iterable<String> columns) {
    return SynthlakeException.of(
        "%s names column '%s', which the input does not have; its columns are %s",
        setting, SynthlakeException.shown(column), String.join(", ", columns));
  }

  /** {@link Setting#FIRST_ROW} got a negative row. */
  public static SynthlakeException negativeFirstRow(long firstRow) {
    return SynthlakeException.of(
        "%s must be 0 or a positive whole number, got %d", Setting.FIRST_ROW, firstRow);
  }

  /** A key column asked for more unique values than its definition can make. */
  public static SynthlakeException keyCapacityExceeded(
      String column, String style, Object type, long capacity, long firstRow, long rows) {
    String asked =
        firstRow == 0
            ? rows + " rows were asked for"
            : "rows up to "
                + (firstRow + rows)
                + " were asked for ("
                + rows
                + " rows from row "
                + firstRow
                + ")";
    return SynthlakeException.of(
        "key column '%s' (%s key of type %s) can take only %d unique values but %s: "
            + "generate fewer rows, or widen the key in the model (a longer code template, a wider type)",
        SynthlakeException.shown(column), style, type, capacity, asked);
  }

  /** A numeric key so close to 2^63 that no generated key fits above the real ones. */
  public static SynthlakeException keyHasNoRoom(String column, long max, long step) {
    return SynthlakeException.of(
        "key column '%s': its largest real value %d leaves no room for a step of %d below 2^63, "
            + "so no new key fits above the real ones: exclude the column (%s) or fit it as another kind (%s)",
        SynthlakeException.shown(column), max, step, Setting.EXCLUDE, Setting.KIND);
  }

  /**
   * A categorical column none of whose values is frequent enough to be emitted as a category;
   * {@code kind} is the numeric kind to model it as.
   */
  public static SynthlakeException noFrequentCategory(
      String column, int minCount, ColumnKind kind) {
    return SynthlakeException.of(
        "column '%s': every value occurs in fewer than %d rows, so none may be emitted as a "
            + "category; model it by value instead (%s)",
        column, minCount, Setting.KIND.to(column, "ColumnKind." + kind.name(), kind.jsonName()));
  }

  /**
   * A string column fitted as categorical none of whose values is frequent enough to be emitted,
   * fitted without a rare token.
   */
  public static SynthlakeException noFrequentString(String column, int minCount) {
    return SynthlakeException.of(
        "column '%s': every value occurs in fewer than %d rows, so none may be emitted as a "
            + "category; model it as text (%s), or pool its values into a token (%s)",
        column,
        minCount,
        Setting.KIND.to(column, "ColumnKind.TEXT", "text"),
        Setting.RARE_TOKEN.to("\"_RARE_\""));
  }

  /** A column null in every sampled row or of one value; {@code what} says which. */
  public static SynthlakeException degenerateColumn(String column, String what) {
    return SynthlakeException.of(
        "column '%s' %s, so there is nothing to learn from it: exclude it, or pass %s to "
            + "reproduce it as is (or %s to leave out all such columns)",
        column,
        what,
        Setting.DEGENERATE.to(DegeneratePolicy.KEEP),
        Setting.DEGENERATE.to(DegeneratePolicy.DROP));
  }

  /**
   * A column model that cannot be built from the values given: the message names the column, then
   * the problem with {@code field} (a model-file field name) and its fix.
   */
  public static InvalidModelException invalidColumn(
      String column, String field, String template, Object... args) {
    return new InvalidModelException(
        column,
        field,
        "column '"
            + SynthlakeException.shown(column)
            + "': "
            + String.format(Locale.ROOT, template, args),
        null);
  }

  /**
   * A part of a model (a marginal, the dependence, the table) that cannot be built from the values
   * given; the reader of the file or spec prefixes the message with where the part is. {@code
   * field} is the model-file field at fault.
   */
  public static InvalidModelException invalidModel(String field, String template, Object... args) {
    return new InvalidModelException(null, field, String.format(Locale.ROOT, template, args), null);
  }

  /**
   * Like {@link #invalidModel(String, String, Object...)}, caused by {@code cause} (a failed
   * factorization, say).
   */
  public static InvalidModelException invalidModel(
      Throwable cause, String field, String template, Object... args) {
    return new InvalidModelException(
        null, field, String.format(Locale.ROOT, template, args), cause);
  }

  /**
   * Like {@link #invalidModel(String, String, Object...)} for a part its caller named: {@code
   * where} is the part's field path, such as {@code columns[2].distribution.weights[1]}, and starts
   * the message.
   */
  public static InvalidModelException invalidPart(
      String where, String field, String template, Object... args) {
    return new InvalidModelException(
        null, field, where + ": " + String.format(Locale.ROOT, template, args), null);
  }

  /** A table name that a table set does not hold. */
  public static SynthlakeException unknownTable(String table, Iterable<String> tables) {
    return SynthlakeException.of(
        "the table set has no table '%s'; its tables are %s: pass one of them",
        SynthlakeException.shown(table), String.join(", ", tables));
  }
}
