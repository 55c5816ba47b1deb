package io.synthlake.spark.internal;

import io.synthlake.core.SynthlakeException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedExtractValue;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.LambdaFunction;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.expressions.UnresolvedNamedLambdaVariable;
import org.apache.spark.sql.catalyst.expressions.UserDefinedExpression;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a spec's SQL expression may do: compute a value from the row's own columns with
 * deterministic built-in scalar functions and operators, and nothing else. Specs are shared files,
 * and the jobs that read them often hold production credentials, so the check works on the parsed
 * expression tree, never on its text: spelling tricks (case, backticks, comments, whitespace) do
 * not change the tree. Everything is allowed by name, so a function Spark adds in a later release
 * stays out until it is listed here.
 *
 * <p>Two passes. Before analysis, {@link #checkParsed} accepts only the operator nodes of {@link
 * #OPERATORS}, literals, references to the table's columns and calls of the functions of {@link
 * #FUNCTIONS}; that shuts out subqueries (and with them {@code TRANSFORM ... USING}, table and file
 * relations), reflection of any spelling, windows and aggregates, and the niladic functions that
 * parse as names ({@code current_user}). After analysis, {@link #checkResolved} refuses user
 * functions (a session may register a UDF under a built-in name) and anything non-deterministic.
 */
public final class SqlExpressionPolicy {
  /** Operator and syntax nodes the parser builds from SQL text with no function name. */
  private static final Set<String> OPERATORS =
      Set.of(
          "Add",
          "Subtract",
          "Multiply",
          "Divide",
          "IntegralDivide",
          "Remainder",
          "UnaryMinus",
          "UnaryPositive",
          "BitwiseAnd",
          "BitwiseOr",
          "BitwiseXor",
          "BitwiseNot",
          "ShiftLeft",
          "ShiftRight",
          "ShiftRightUnsigned",
          "EqualTo",
          "EqualNullSafe",
          "LessThan",
          "LessThanOrEqual",
          "GreaterThan",
          "GreaterThanOrEqual",
          "Not",
          "And",
          "Or",
          "In",
          "IsNull",
          "IsNotNull",
          "Like",
          "CaseWhen",
          "If",
          "Cast",
          "Concat",
          "Substring",
          "StringTrim",
          "StringTrimLeft",
          "StringTrimRight",
          "StringLocate",
          "Overlay",
          "CreateNamedStruct");

  /**
   * Deterministic built-in scalar functions. Left out on purpose: reflection and anything that runs
   * user code ({@code reflect}, {@code java_method}, {@code try_reflect}), randomness and the clock
   * ({@code rand}, {@code uuid}, {@code current_timestamp}), facts about the job ({@code
   * input_file_name}, {@code current_user}), regular expressions (a hostile pattern backtracks for
   * hours on one row), and functions whose output size is an argument ({@code repeat}, {@code
   * space}, {@code sequence}, {@code array_repeat}; {@code lpad} and {@code rpad} are allowed with
   * a literal length up to {@link #MAX_PAD_LENGTH}).
   */
  public static final Set<String> FUNCTIONS =
      Set.of(
          // arithmetic and math
          "abs",
          "acos",
          "asin",
          "atan",
          "atan2",
          "bround",
          "cbrt",
          "ceil",
          "ceiling",
          "cos",
          "cosh",
          "degrees",
          "div",
          "e",
          "exp",
          "expm1",
          "floor",
          "greatest",
          "hypot",
          "least",
          "ln",
          "log",
          "log10",
          "log1p",
          "log2",
          "mod",
          "negative",
          "pi",
          "pmod",
          "positive",
          "pow",
          "power",
          "radians",
          "rint",
          "round",
          "sign",
          "signum",
          "sin",
          "sinh",
          "sqrt",
          "tan",
          "tanh",
          "try_add",
          "try_divide",
          "try_multiply",
          "try_subtract",
          "width_bucket",
          "bin",
          "hex",
          "unhex",
          // conditions and nulls
          "between",
          "coalesce",
          "equal_null",
          "if",
          "ifnull",
          "isnan",
          "isnotnull",
          "isnull",
          "nanvl",
          "nullif",
          "nvl",
          "nvl2",
          "nullifzero",
          "zeroifnull",
          // strings
          "ascii",
          "base64",
          "btrim",
          "char",
          "char_length",
          "character_length",
          "chr",
          "concat",
          "concat_ws",
          "contains",
          "crc32",
          "elt",
          "endswith",
          "find_in_set",
          "format_number",
          "format_string",
          "initcap",
          "instr",
          "lcase",
          "left",
          "len",
          "length",
          "levenshtein",
          "locate",
          "lower",
          "lpad",
          "ltrim",
          "md5",
          "octet_length",
          "overlay",
          "position",
          "printf",
          "replace",
          "reverse",
          "right",
          "rpad",
          "rtrim",
          "sha1",
          "sha2",
          "soundex",
          "split_part",
          "startswith",
          "substr",
          "substring",
          "substring_index",
          "to_char",
          "to_number",
          "translate",
          "trim",
          "try_to_number",
          "ucase",
          "unbase64",
          "upper",
          "hash",
          "xxhash64",
          // dates and times
          "add_months",
          "date_add",
          "date_diff",
          "date_format",
          "date_from_unix_date",
          "date_part",
          "date_sub",
          "date_trunc",
          "dateadd",
          "datediff",
          "datepart",
          "day",
          "dayofmonth",
          "dayofweek",
          "dayofyear",
          "extract",
          "from_unixtime",
          "from_utc_timestamp",
          "hour",
          "last_day",
          "make_date",
          "make_timestamp",
          "make_timestamp_ntz",
          "minute",
          "month",
          "months_between",
          "next_day",
          "quarter",
          "second",
          "timestamp_micros",
          "timestamp_millis",
          "timestamp_seconds",
          "to_date",
          "to_timestamp",
          "to_timestamp_ntz",
          "to_unix_timestamp",
          "to_utc_timestamp",
          "trunc",
          "try_to_timestamp",
          "unix_date",
          "unix_micros",
          "unix_millis",
          "unix_seconds",
          "weekday",
          "weekofyear",
          "year",
          // casts written as functions
          "bigint",
          "binary",
          "boolean",
          "date",
          "decimal",
          "double",
          "float",
          "int",
          "smallint",
          "string",
          "timestamp",
          "tinyint",
          // arrays, maps and structs of the row's own values
          "array",
          "array_contains",
          "array_distinct",
          "array_join",
          "array_max",
          "array_min",
          "array_position",
          "arrays_zip",
          "cardinality",
          "element_at",
          "exists",
          "filter",
          "flatten",
          "forall",
          "get",
          "map",
          "named_struct",
          "size",
          "slice",
          "sort_array",
          "struct",
          "transform",
          "try_element_at");

  /** Random functions, named in their own error since the fix differs: a distribution column. */
  private static final Set<String> RANDOM =
      Set.of("rand", "randn", "random", "uuid", "shuffle", "uniform", "randstr");

  /**
   * The longest result {@code lpad} and {@code rpad} may ask for, so a spec cannot fill the heap
   * with one row.
   */
  public static final int MAX_PAD_LENGTH = 4096;

  private static final String SEE =
      "a spec expression may only compute from the row's own columns with built-in "
          + "functions (the list is in docs/spec-format.md, section 6.1)";

  private SqlExpressionPolicy() {}

  /**
   * Parses {@code text} with the session's SQL parser; a syntax error is a one-line error at {@code
   * where}.
   */
  public static Expression parse(SparkSession spark, String text, String where) {
    try {
      return spark.sessionState().sqlParser().parseExpression(text);
    } catch (Exception e) {
      throw SynthlakeException.of(
          "%s: is not a valid Spark SQL expression over the spec's columns: %s",
          where, firstLine(e.getMessage()));
    }
  }

  /**
   * Checks a parsed expression: allowed operators and functions only, over {@code columns} (lower
   * case; Spark compares names without case).
   */
  public static void checkParsed(Expression expression, Set<String> columns, String where) {
    if (expression instanceof Literal || expression instanceof UnresolvedNamedLambdaVariable) {
      return;
    } else if (expression instanceof UnresolvedAttribute attribute) {
      String name = attribute.nameParts().head();
      if (!columns.contains(name.toLowerCase(Locale.ROOT))) {
        throw SynthlakeException.of(
            "%s: refers to '%s', which is not a column of the spec; %s",
            where, attribute.name(), SEE);
      }

      return;
    } else if (expression instanceof UnresolvedFunction function) {
      checkFunction(function, where);
    } else if (expression instanceof SubqueryExpression
        || expression.getClass().getSimpleName().contains("Subquery")) {
      throw SynthlakeException.of("%s: contains a subquery; %s", where, SEE);
    } else if (!(expression instanceof UnresolvedExtractValue
        || expression instanceof LambdaFunction
        || isOperator(expression))) {
      throw SynthlakeException.of(
          "%s: uses %s, which a spec may not use; %s", where, describe(expression), SEE);
    }

    for (Expression child : CollectionConverters.asJava(expression.children())) {
      checkParsed(child, columns, where);
    }
  }

  /**
   * Checks the analyzed expression: no user-defined functions (a session may register one under a
   * built-in name), no subqueries and nothing non-deterministic, whose rows would change with the
   * partitioning.
   */
  public static void checkResolved(Expression expression, String where) {
    if (expression instanceof UserDefinedExpression) {
      throw SynthlakeException.of(
          "%s: resolves to a user-defined function (%s), which a spec may not call; %s",
          where, expression.prettyName(), SEE);
    }

    if (expression instanceof SubqueryExpression) {
      throw SynthlakeException.of("%s: contains a subquery; %s", where, SEE);
    }

    if (!expression.deterministic()) {
      throw SynthlakeException.of(
          "%s: %s is not deterministic, so rows would change with the partitioning; draw random "
              + "values with a distribution column and refer to it instead",
          where, expression.prettyName());
    }

    for (Expression child : CollectionConverters.asJava(expression.children())) {
      checkResolved(child, where);
    }
  }

  private static void checkFunction(UnresolvedFunction function, String where) {
    if (function.nameParts().size() != 1) {
      throw SynthlakeException.of(
          "%s: calls %s(), a catalog function, which a spec may not call; %s",
          where, String.join(".", CollectionConverters.asJava(function.nameParts())), SEE);
    }

    String name = function.nameParts().head().toLowerCase(Locale.ROOT);
    if (RANDOM.contains(name)) {
      throw SynthlakeException.of(
          "%s: calls %s(), which Spark seeds per partition, so rows would change with the "
              + "partition count; draw random values with a distribution column and refer to it instead",
          where, name);
    }

    if (!FUNCTIONS.contains(name)) {
      throw SynthlakeException.of(
          "%s: calls %s(), which is not among the functions a spec may call; %s", where, name, SEE);
    }

    if (function.isDistinct()
        || function.filter().isDefined()
        || function.orderingWithinGroup().nonEmpty()) {
      throw SynthlakeException.of("%s: calls %s() as an aggregate; %s", where, name, SEE);
    }

    if (name.equals("lpad") || name.equals("rpad")) {
      checkPadLength(function, name, where);
    }
  }

  private static void checkPadLength(UnresolvedFunction function, String name, String where) {
    List<Expression> arguments = CollectionConverters.asJava(function.arguments());
    Object length =
        arguments.size() >= 2 && arguments.get(1) instanceof Literal literal
            ? literal.value()
            : null;
    if (!(length instanceof Integer) || (Integer) length > MAX_PAD_LENGTH) {
      throw SynthlakeException.of(
          "%s: %s() needs a literal length of at most %d (got %s), so one row cannot fill the "
              + "heap",
          where, name, MAX_PAD_LENGTH, arguments.size() >= 2 ? arguments.get(1).sql() : "none");
    }
  }

  private static boolean isOperator(Expression expression) {
    return expression
            .getClass()
            .getPackageName()
            .equals("org.apache.spark.sql.catalyst.expressions")
        && OPERATORS.contains(expression.getClass().getSimpleName());
  }

  private static String describe(Expression expression) {
    String name = expression.getClass().getSimpleName().replace("$", "");
    switch (name) {
      case "RLike":
        return "rlike (a regular expression: a hostile pattern backtracks for hours on one row)";
      case "WindowExpression":
        return "a window (OVER), which reads other rows";
      case "ExpressionWithUnresolvedIdentifier":
        return "IDENTIFIER(), which names functions and columns at run time";
      default:
        return name;
    }
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(text);
  }
}
