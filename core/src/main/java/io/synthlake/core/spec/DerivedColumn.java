package io.synthlake.core.spec;

import io.synthlake.core.types.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A spec column computed after generation from other columns: either the user's Spark SQL {@code
 * expression}, or a {@link Lookup} that picks a member of a given-chain or combination from its
 * group's hidden tuple-index column. Core builds no SQL text: the Spark side turns each into a
 * column expression.
 */
public final class DerivedColumn {
  /**
   * A member of a given-chain or combination: row r holds {@code values.get(index)}, where {@code
   * index} is the value of the hidden column {@code indexColumn} in row r (0-based; null gives
   * null). Values are typed by the column's logical type: {@link String} for strings, {@link
   * Boolean}, {@link BigDecimal} for every number type (as written), {@link LocalDate} for dates,
   * {@link Instant} for timestamps and {@link LocalDateTime} for timestamp-ntz.
   */
  public record Lookup(String indexColumn, List<Object> values) {
    public Lookup {
      values = List.copyOf(values);
    }
  }

  private final String name;
  private final DataType type;
  private final String expression;
  private final Lookup lookup;
  private final String where;

  private DerivedColumn(
      String name, DataType type, String expression, Lookup lookup, String where) {
    this.name = name;
    this.type = type;
    this.expression = expression;
    this.lookup = lookup;
    this.where = where;
  }

  /**
   * A column computed by the user's Spark SQL {@code expression}, which the Spark side checks
   * before running it.
   */
  public static DerivedColumn expression(
      String name, DataType type, String expression, String where) {
    return new DerivedColumn(name, type, expression, null, where);
  }

  /**
   * A member of a given-chain or combination, picked from {@code values} by the hidden column
   * {@code indexColumn}.
   */
  public static DerivedColumn lookup(
      String name, DataType type, String indexColumn, List<Object> values, String where) {
    return new DerivedColumn(name, type, null, new Lookup(indexColumn, values), where);
  }

  public String name() {
    return name;
  }

  public DataType type() {
    return type;
  }

  /** The user's Spark SQL expression; null for a {@link #lookup()} column. */
  public String expression() {
    return expression;
  }

  /**
   * The member description of a given-chain or combination column; null for an {@link
   * #expression()} column.
   */
  public Lookup lookup() {
    return lookup;
  }

  /** The spec field path, for error messages. */
  public String where() {
    return where;
  }
}
