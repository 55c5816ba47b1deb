package io.synthlake.core.generate;

import io.synthlake.core.SynthlakeException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A condition on generated rows, such as {@code segment = 'premium' AND amount > 500}: comparisons
 * of one column with literals, joined by AND. It is parsed by a small hand-written parser and never
 * evaluated as code: {@link ConditionalModel} turns it into intervals of each column's copula
 * uniform, and the rows are drawn inside them.
 */
public final class Condition {
  /** The longest condition text accepted: a condition comes from untrusted options. */
  static final int MAX_LENGTH = 100_000;

  /** The most literals one condition may list. */
  static final int MAX_LITERALS = 10_000;

  /** How a term compares its column with its literals. */
  public enum Operator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    IN("IN"),
    NOT_IN("NOT IN"),
    BETWEEN("BETWEEN"),
    NOT_BETWEEN("NOT BETWEEN"),
    IS_NULL("IS NULL"),
    IS_NOT_NULL("IS NOT NULL");

    private final String text;

    Operator(String text) {
      this.text = text;
    }

    /** The operator as written in a condition. */
    public String text() {
      return text;
    }
  }

  /**
   * A literal: a number or TRUE/FALSE as written ({@code quoted} false), or the content of a quoted
   * string ({@code quoted} true).
   */
  public record Literal(String text, boolean quoted) {
    @Override
    public String toString() {
      return quoted ? "'" + text.replace("'", "''") + "'" : text;
    }
  }

  /**
   * One comparison of a column; {@code table} qualifies the column with a table of a set ({@code
   * customers.segment}), or is null.
   */
  public record Term(String table, String column, Operator operator, List<Literal> values) {
    public Term {
      values = List.copyOf(values);
    }

    /** A comparison of an unqualified column. */
    public Term(String column, Operator operator, List<Literal> values) {
      this(null, column, operator, values);
    }

    /** The same comparison of column {@code name}, unqualified. */
    Term of(String name) {
      return new Term(name, operator, values);
    }

    @Override
    public String toString() {
      String name = (table == null ? "" : quoted(table) + ".") + quoted(column);
      switch (operator) {
        case IS_NULL:
        case IS_NOT_NULL:
          return name + " " + operator.text();
        case IN:
        case NOT_IN:
          return name
              + " "
              + operator.text()
              + " ("
              + values.stream().map(Literal::toString).collect(Collectors.joining(", "))
              + ")";
        case BETWEEN:
        case NOT_BETWEEN:
          return name + " " + operator.text() + " " + values.get(0) + " AND " + values.get(1);
        default:
          return name + " " + operator.text() + " " + values.get(0);
      }
    }
  }

  private static String quoted(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name + "`";
  }

  private final List<Term> terms;

  private Condition(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /** The condition of {@code terms}, all of which a row satisfies. */
  static Condition of(List<Term> terms) {
    return new Condition(terms);
  }

  /**
   * Parses {@code text}; fails with one line naming the character where the text stops making
   * sense.
   */
  public static Condition parse(String text) {
    SynthlakeException.check(
        text != null && !text.isBlank(),
        "the condition is empty; write one such as \"segment = 'premium' AND amount > 500\"");
    SynthlakeException.check(
        text.length() <= MAX_LENGTH,
        "the condition is %,d characters long; at most %,d are accepted",
        text.length(),
        MAX_LENGTH);
    return new Condition(new ConditionParser(text).parse());
  }

  /** The terms, all of which a row satisfies. */
  public List<Term> terms() {
    return terms;
  }

  /** The condition in canonical form. */
  @Override
  public String toString() {
    return terms.stream().map(Term::toString).collect(Collectors.joining(" AND "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Condition && ((Condition) other).terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  static String upper(String word) {
    return word.toUpperCase(Locale.ROOT);
  }
}
