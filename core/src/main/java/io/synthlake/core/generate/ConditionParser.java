package io.synthlake.core.generate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.Condition.Literal;
import io.synthlake.core.generate.Condition.Operator;
import io.synthlake.core.generate.Condition.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a condition by recursive descent over its tokens:
 *
 * <pre>
 * condition := term (AND term)*
 * term      := column ( op literal | [NOT] IN '(' literal (',' literal)* ')'
 *                     | [NOT] BETWEEN literal AND literal | IS [NOT] NULL )
 * column    := [name '.'] name          (a table of a set, then its column)
 * name      := word | `any text` | "any text"
 * op        := = | == | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * literal   := number | 'text' ('' inside for a quote) | TRUE | FALSE
 * </pre>
 *
 * Keywords are case-insensitive. Anything else is an error naming the character where it starts.
 */
final class ConditionParser {
  private static final Set<String> KEYWORDS =
      Set.of("AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE");

  private enum Kind {
    NAME,
    QUOTED_NAME,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  private record Token(Kind kind, String text, int at) {
    boolean is(String keyword) {
      return kind == Kind.NAME && Condition.upper(text).equals(keyword);
    }

    boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String shown() {
      return kind == Kind.END
          ? "the end of the condition"
          : "'" + SynthlakeException.shown(text, 40) + "'";
    }
  }

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int next;
  private int literals;

  ConditionParser(String text) {
    this.text = text;
  }

  List<Term> parse() {
    tokenize();
    List<Term> terms = new ArrayList<>();
    terms.add(term());
    while (peek().is("AND")) {
      next++;
      terms.add(term());
    }

    Token end = peek();
    if (end.is("OR")) {
      throw fail(
          end,
          "OR is not supported: terms combine with AND (for alternatives of one column use "
              + "IN (...))");
    }

    if (end.kind != Kind.END) {
      throw fail(end, "expected AND or the end of the condition, got %s", end.shown());
    }

    return terms;
  }

  private Term term() {
    Token name = take();
    if (name.kind == Kind.SYMBOL && name.text.equals("(")) {
      throw fail(name, "parentheses do not group terms: write the terms joined by AND");
    }

    if (name.kind != Kind.QUOTED_NAME && (name.kind != Kind.NAME || isKeyword(name))) {
      throw fail(
          name,
          "expected a column name (quote one with spaces as `Wildlife Size`), got %s",
          name.shown());
    }

    String table = null;
    String column = name.text;
    if (peek().isSymbol(".")) {
      next++;
      Token qualified = take();
      if (qualified.kind != Kind.QUOTED_NAME
          && (qualified.kind != Kind.NAME || isKeyword(qualified))) {
        throw fail(
            qualified,
            "expected a column name after table '%s.', got %s",
            SynthlakeException.shown(column),
            qualified.shown());
      }

      table = column;
      column = qualified.text;
    }

    Token op = take();
    boolean not = op.is("NOT");
    if (not) {
      op = take();
      if (!op.is("IN") && !op.is("BETWEEN")) {
        throw fail(op, "expected IN or BETWEEN after NOT, got %s", op.shown());
      }
    }

    if (op.is("IN")) {
      expectSymbol("(");
      List<Literal> values = new ArrayList<>();
      values.add(literal(column));
      while (peek().isSymbol(",")) {
        next++;
        values.add(literal(column));
      }

      expectSymbol(")");
      return new Term(table, column, not ? Operator.NOT_IN : Operator.IN, values);
    }

    if (op.is("BETWEEN")) {
      Literal low = literal(column);
      Token and = take();
      if (!and.is("AND")) {
        throw fail(and, "expected AND between the bounds of BETWEEN, got %s", and.shown());
      }

      Literal high = literal(column);
      return new Term(
          table, column, not ? Operator.NOT_BETWEEN : Operator.BETWEEN, List.of(low, high));
    }

    if (op.is("IS")) {
      boolean isNot = peek().is("NOT");
      if (isNot) {
        next++;
      }

      Token nullWord = take();
      if (!nullWord.is("NULL")) {
        throw fail(nullWord, "expected NULL after IS, got %s", nullWord.shown());
      }

      return new Term(table, column, isNot ? Operator.IS_NOT_NULL : Operator.IS_NULL, List.of());
    }

    Operator operator = comparison(op);
    if (operator == null) {
      throw fail(
          op,
          "expected a comparison (=, !=, <, <=, >, >=, IN, BETWEEN or IS NULL) after column "
              + "'%s', got %s",
          SynthlakeException.shown(column),
          op.shown());
    }

    return new Term(table, column, operator, List.of(literal(column)));
  }

  private static Operator comparison(Token op) {
    if (op.kind != Kind.SYMBOL) {
      return null;
    }

    switch (op.text) {
      case "=":
      case "==":
        return Operator.EQUAL;
      case "!=":
      case "<>":
        return Operator.NOT_EQUAL;
      case "<":
        return Operator.LESS;
      case "<=":
        return Operator.LESS_OR_EQUAL;
      case ">":
        return Operator.GREATER;
      case ">=":
        return Operator.GREATER_OR_EQUAL;
      default:
        return null;
    }
  }

  private Literal literal(String column) {
    Token token = take();
    if (++literals > Condition.MAX_LITERALS) {
      throw fail(token, "the condition lists more than %,d values", Condition.MAX_LITERALS);
    }

    if (token.kind == Kind.STRING) {
      return new Literal(token.text, true);
    }

    if (token.kind == Kind.NUMBER) {
      return new Literal(token.text, false);
    }

    if (token.is("TRUE") || token.is("FALSE")) {
      return new Literal(Condition.upper(token.text).equals("TRUE") ? "true" : "false", false);
    }

    if (token.is("NULL")) {
      throw fail(
          token,
          "a comparison with NULL never holds: write %s IS NULL or IS NOT NULL",
          SynthlakeException.shown(column));
    }

    if (token.kind == Kind.NAME || token.kind == Kind.QUOTED_NAME) {
      throw fail(
          token,
          "expected a value after column '%s', got the name %s: quote text as 'text' (a "
              + "condition compares a column with values, not with another column)",
          SynthlakeException.shown(column),
          token.shown());
    }

    throw fail(
        token,
        "expected a value (a number, 'text', TRUE or FALSE) after column '%s', got %s",
        SynthlakeException.shown(column),
        token.shown());
  }

  private void expectSymbol(String symbol) {
    Token token = take();
    if (!token.isSymbol(symbol)) {
      throw fail(token, "expected '%s', got %s", symbol, token.shown());
    }
  }

  private static boolean isKeyword(Token token) {
    return KEYWORDS.contains(Condition.upper(token.text));
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.kind != Kind.END) {
      next++;
    }

    return token;
  }

  private SynthlakeException fail(Token token, String template, Object... args) {
    return SynthlakeException.of(
        "condition \"%s\" at character %d: %s",
        SynthlakeException.shown(text, 200),
        token.at + 1,
        String.format(java.util.Locale.ROOT, template, args));
  }

  private void tokenize() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '`' || c == '"') {
        int start = i;
        StringBuilder content = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw fail(
                new Token(Kind.END, "", start),
                "the %s opened here is never closed",
                c == '\'' ? "quote" : "quoted name");
          }

          char d = text.charAt(i);
          if (d == c) {
            if (i + 1 < n && text.charAt(i + 1) == c) {
              content.append(c);
              i += 2;
              continue;
            }

            i++;
            break;
          }

          content.append(d);
          i++;
        }

        Kind kind = c == '\'' ? Kind.STRING : Kind.QUOTED_NAME;
        if (kind == Kind.QUOTED_NAME && content.length() == 0) {
          throw fail(new Token(kind, "", start), "a quoted column name cannot be empty");
        }

        tokens.add(new Token(kind, content.toString(), start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }

        tokens.add(new Token(Kind.NAME, text.substring(start, i), start));
      } else if (Character.isDigit(c)
          || (c == '-' || c == '+' || c == '.')
              && i + 1 < n
              && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.')) {
        int start = i;
        i = number(i);
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
      } else {
        int start = i;
        String two = i + 1 < n ? text.substring(i, i + 2) : "";
        if (two.equals("<=")
            || two.equals(">=")
            || two.equals("!=")
            || two.equals("<>")
            || two.equals("==")) {
          i += 2;
        } else if ("=<>(),.".indexOf(c) >= 0) {
          i++;
        } else {
          throw fail(
              new Token(Kind.SYMBOL, String.valueOf(c), start),
              "unexpected character '%s'",
              String.valueOf(c));
        }

        tokens.add(new Token(Kind.SYMBOL, text.substring(start, i), start));
      }
    }

    tokens.add(new Token(Kind.END, "", n));
  }

  /** The end of the number starting at {@code i}: [+-] digits [. digits] [e [+-] digits]. */
  private int number(int i) {
    int n = text.length();
    int start = i;
    if (text.charAt(i) == '-' || text.charAt(i) == '+') {
      i++;
    }

    int digits = 0;
    while (i < n && Character.isDigit(text.charAt(i))) {
      i++;
      digits++;
    }

    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }

    if (digits > 0 && i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int mark = i;
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }

      int exponent = 0;
      while (i < n && Character.isDigit(text.charAt(i))) {
        i++;
        exponent++;
      }

      if (exponent == 0) {
        i = mark;
      }
    }

    if (digits == 0 || i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
      throw fail(
          new Token(Kind.NUMBER, text.substring(start, i), start),
          "'%s' is not a number",
          SynthlakeException.shown(text.substring(start, Math.min(n, i + 1)), 40));
    }

    return i;
  }
}
