package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.Condition.Literal;
import io.synthlake.core.generate.Condition.Operator;
import io.synthlake.core.generate.Condition.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionParserTest {
  @Test
  void readsEveryFormOfTermJoinedByAnd() {
    Condition condition =
        Condition.parse(
            "segment = 'premium' and amount > 500 AND `Wildlife Size` IN ('Large', 'Medium')"
                + " AND \"day\" BETWEEN '2024-01-01' AND '2024-01-31' AND x IS NOT NULL"
                + " AND y is null AND z != -1.5e3 AND w <> 2 AND v <= .5 AND u >= +3"
                + " AND t NOT IN (1, 2) AND s NOT BETWEEN 0 AND 1 AND flag == TRUE AND q < 7");

    assertThat(condition.terms())
        .containsExactly(
            new Term("segment", Operator.EQUAL, List.of(new Literal("premium", true))),
            new Term("amount", Operator.GREATER, List.of(new Literal("500", false))),
            new Term(
                "Wildlife Size",
                Operator.IN,
                List.of(new Literal("Large", true), new Literal("Medium", true))),
            new Term(
                "day",
                Operator.BETWEEN,
                List.of(new Literal("2024-01-01", true), new Literal("2024-01-31", true))),
            new Term("x", Operator.IS_NOT_NULL, List.of()),
            new Term("y", Operator.IS_NULL, List.of()),
            new Term("z", Operator.NOT_EQUAL, List.of(new Literal("-1.5e3", false))),
            new Term("w", Operator.NOT_EQUAL, List.of(new Literal("2", false))),
            new Term("v", Operator.LESS_OR_EQUAL, List.of(new Literal(".5", false))),
            new Term("u", Operator.GREATER_OR_EQUAL, List.of(new Literal("+3", false))),
            new Term(
                "t", Operator.NOT_IN, List.of(new Literal("1", false), new Literal("2", false))),
            new Term(
                "s",
                Operator.NOT_BETWEEN,
                List.of(new Literal("0", false), new Literal("1", false))),
            new Term("flag", Operator.EQUAL, List.of(new Literal("true", false))),
            new Term("q", Operator.LESS, List.of(new Literal("7", false))));
  }

  @Test
  void canonicalTextParsesBackToTheSameCondition() {
    Condition condition =
        Condition.parse("`a b` in ('it''s', 'x') and c between 1 and 2 and d is not null");

    assertThat(condition.toString())
        .isEqualTo("`a b` IN ('it''s', 'x') AND c BETWEEN 1 AND 2 AND d IS NOT NULL");
    assertThat(Condition.parse(condition.toString())).isEqualTo(condition);
  }

  @Test
  void aColumnMayBeQualifiedWithItsTable() {
    Condition condition =
        Condition.parse("customers.segment = 'premium' AND `my orders`.`the amount` IN (1, 2)");

    assertThat(condition.terms())
        .containsExactly(
            new Term("customers", "segment", Operator.EQUAL, List.of(new Literal("premium", true))),
            new Term(
                "my orders",
                "the amount",
                Operator.IN,
                List.of(new Literal("1", false), new Literal("2", false))));
    assertThat(condition.toString())
        .isEqualTo("customers.segment = 'premium' AND `my orders`.`the amount` IN (1, 2)");
    assertThat(Condition.parse(condition.toString())).isEqualTo(condition);
    assertError("customers. = 1", "expected a column name after table 'customers.'");
  }

  @Test
  void errorsNameWhereTheTextStopsMakingSense() {
    assertError("a = 1 OR b = 2", "at character 7", "OR is not supported");
    assertError("a = ", "at character 5", "expected a value", "the end of the condition");
    assertError("a = b", "got the name 'b'", "quote text as 'text'");
    assertError("a = NULL", "write a IS NULL");
    assertError("a = 'open", "at character 5", "never closed");
    assertError("(a = 1)", "parentheses do not group terms");
    assertError("a ~ 1", "unexpected character '~'");
    assertError("a 1", "expected a comparison", "column 'a'");
    assertError("AND = 1", "expected a column name");
    assertError("a = 1 b = 2", "expected AND or the end");
    assertError("a IN (1, 2", "expected ')'");
    assertError("a BETWEEN 1 OR 2", "expected AND between the bounds");
    assertError("a IS 1", "expected NULL after IS");
    assertError("a NOT = 1", "expected IN or BETWEEN after NOT");
    assertError("a = 12abc", "'12a' is not a number");
    assertError("   ", "the condition is empty");
    assertError("a = " + "1".repeat(Condition.MAX_LENGTH), "at most 100,000 are accepted");
  }

  @Test
  void aConditionListsBoundedlyManyValues() {
    StringBuilder text = new StringBuilder("a IN (0");
    for (int i = 1; i <= Condition.MAX_LITERALS; i++) {
      text.append(',').append(i);
    }

    assertError(text.append(')').toString(), "more than 10,000 values");
  }

  private static void assertError(String text, String... parts) {
    assertThatThrownBy(() -> Condition.parse(text))
        .isInstanceOf(SynthlakeException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(parts));
  }
}
