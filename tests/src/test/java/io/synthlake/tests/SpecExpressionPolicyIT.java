package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.internal.SqlExpressionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A spec's SQL expressions can compute from the row's own columns and nothing else: every known
 * route to running a command, calling Java or reading a file is refused before any Spark job
 * starts, whatever its spelling.
 */
class SpecExpressionPolicyIT {
  @TempDir static Path temp;

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SharedSpark.session();
  }

  static Stream<Arguments> hostileExpressions() {
    Path marker = temp.resolve("pwned");
    Path secret = temp.resolve("secret.txt");
    return Stream.of(
        // A shell command through TRANSFORM ... USING, inside a scalar subquery, and its variants.
        Arguments.of(
            "(select max(o) from (select transform('a') using 'touch "
                + marker
                + "' as (o string)))",
            "contains a subquery"),
        Arguments.of(
            "(SELECT MAX(o) FROM (SELECT TRANSFORM('a') USING 'touch "
                + marker
                + "' AS (o STRING)))",
            "contains a subquery"),
        Arguments.of(
            "concat(s, (select max(o) from (select transform('a') using 'touch "
                + marker
                + "' as (o string))))",
            "contains a subquery"),
        Arguments.of("s || (/* hidden */ select 'a')", "contains a subquery"),
        Arguments.of("x in (select 1)", "contains a subquery"),
        Arguments.of("exists(select 1)", "contains a subquery"),
        // Reflection: every spelling the parser accepts.
        Arguments.of("reflect('java.lang.System', 'getProperty', 'user.home')", "calls reflect()"),
        Arguments.of("REFLECT ('java.lang.System', 'getProperty', 'user.home')", "calls reflect()"),
        Arguments.of(
            "`reflect`('java.lang.System', 'getProperty', 'user.home')", "calls reflect()"),
        Arguments.of(
            "`ReFlEcT`('java.lang.System', 'getProperty', 'user.home')", "calls reflect()"),
        Arguments.of(
            "reflect/**/('java.lang.System', 'getProperty', 'user.home')", "calls reflect()"),
        Arguments.of(
            "reflect\n\t('java.lang.System', 'getProperty', 'user.home')", "calls reflect()"),
        Arguments.of(
            "reflect -- comment\n('java.lang.System', 'getProperty', 'user.home')",
            "calls reflect()"),
        Arguments.of(
            "try_reflect('java.lang.System', 'getProperty', 'user.home')", "calls try_reflect()"),
        Arguments.of(
            "`try_reflect`/* x */('java.lang.System', 'getProperty', 'user.home')",
            "calls try_reflect()"),
        Arguments.of(
            "java_method('java.lang.System', 'getProperty', 'user.home')", "calls java_method()"),
        Arguments.of(
            "upper(`JAVA_METHOD` ('java.util.UUID', 'randomUUID'))", "calls java_method()"),
        Arguments.of(
            "cast(lower(reflect('java.lang.System', 'getProperty', 'user.home')) as string)",
            "calls reflect()"),
        Arguments.of(
            "transform(array(s), v -> reflect('java.lang.System', 'getProperty', v))",
            "calls reflect()"),
        Arguments.of(
            "identifier('reflect')('java.lang.System', 'getProperty', 'user.home')",
            "IDENTIFIER()"),
        // Files and tables.
        Arguments.of("(select value from text.`" + secret + "`)", "contains a subquery"),
        Arguments.of("(select first(value) from text.`" + secret + "`)", "contains a subquery"),
        Arguments.of("(select count(*) from range(10))", "contains a subquery"),
        Arguments.of("spark_catalog.default.some_function(x)", "a catalog function"),
        // Facts about the job, randomness and the clock.
        Arguments.of("current_user", "refers to 'current_user'"),
        Arguments.of("current_date", "refers to 'current_date'"),
        Arguments.of("input_file_name()", "calls input_file_name()"),
        Arguments.of("x + rand()", "calls rand(), which Spark seeds per partition"),
        Arguments.of("`RANDN`(7)", "calls randn(), which Spark seeds per partition"),
        Arguments.of("uuid()", "calls uuid(), which Spark seeds per partition"),
        Arguments.of("current_timestamp()", "calls current_timestamp()"),
        // Reading other rows, expensive patterns and huge values.
        Arguments.of("sum(x) over ()", "a window"),
        Arguments.of("s rlike '(a+)+b'", "rlike"),
        Arguments.of("regexp_replace(s, '(a+)+b', '')", "calls regexp_replace()"),
        Arguments.of("repeat(s, 1000000000)", "calls repeat()"),
        Arguments.of("lpad(s, 1000000000, 'x')", "literal length of at most 4096"),
        Arguments.of("lpad(s, cast(x as int), 'x')", "literal length of at most 4096"),
        Arguments.of("count(distinct s)", "calls count()"));
  }

  @ParameterizedTest
  @MethodSource("hostileExpressions")
  void refusesBeforeAnyJob(String expression, String message) throws Exception {
    Path secret = temp.resolve("secret.txt");
    Files.writeString(secret, "the content of a private file\n");
    int jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;

    assertThatThrownBy(
            () ->
                SpecGenerator.generate(
                    spark, spec(expression, "string"), 10, GenerateOptions.defaults()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("spec.yaml: columns[2].expression: ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(temp.resolve("pwned")).doesNotExist();
    assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(null))
        .as("Spark jobs started")
        .hasSize(jobsBefore);
  }

  @Test
  void refusesAUserFunctionRegisteredUnderABuiltInName() {
    SparkSession session =
        spark.newSession(); // its own function registry: the shared session keeps the built-in
    session
        .udf()
        .register("soundex", (UDF1<String, String>) value -> "ran user code", DataTypes.StringType);
    assertThatThrownBy(
            () ->
                SpecGenerator.generate(
                    session, spec("soundex(s)", "string"), 10, GenerateOptions.defaults()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("columns[2].expression: resolves to a user-defined function");
  }

  @Test
  void refusesTextIntoANumberAndNamesTheConversion() {
    assertThatThrownBy(
            () ->
                SpecGenerator.generate(
                    spark, spec("concat('n', s)", "int"), 10, GenerateOptions.defaults()))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("columns[2].expression: gives text, but the column is declared int")
        .hasMessageContaining("try_cast(... as int)");
    assertThatThrownBy(
            () ->
                SpecGenerator.generate(
                    spark, spec("array(x)", "double"), 10, GenerateOptions.defaults()))
        .hasMessageContaining(
            "columns[2].expression: gives array<double>, which does not convert to the declared type double");
  }

  @Test
  void everyAllowedFunctionIsABuiltInOfThisSpark() {
    FunctionRegistry builtin = FunctionRegistry.builtin();
    assertThat(SqlExpressionPolicy.FUNCTIONS)
        .allSatisfy(
            name ->
                assertThat(builtin.functionExists(FunctionIdentifier.apply(name)))
                    .as(name)
                    .isTrue());
  }

  @Test
  void ordinaryExpressionsStillWork() {
    List<Row> rows =
        SpecGenerator.generate(
                spark,
                SpecCompiler.read(
                    String.join(
                        "\n",
                        "columns:",
                        "  - {name: x, type: double, decimals: 2, distribution: {type: uniform, min: 1, max: 100}}",
                        "  - {name: s, type: string, distribution: {type: categories, weights: {alpha: 0.5, beta: 0.5}}}",
                        "  - {name: d, type: date, distribution: {type: uniform, min: '2024-01-01', max: '2024-12-31'}}",
                        "  - {name: tier, type: string, expression: \"case when x between 1 and 50 then 'low' else upper(s) end\"}",
                        "  - {name: code, type: string, expression: \"lpad(cast(cast(x as int) as string), 6, '0') || '-' || substring(s from 1 for 2)\"}",
                        "  - {name: month_end, type: date, expression: \"last_day(date_add(d, 3))\"}",
                        "  - {name: rounded, type: 'decimal(8,1)', expression: \"round(greatest(x, 10) * 1.5, 1)\"}",
                        "  - {name: in_list, type: boolean, expression: \"s in ('alpha', 'gamma') and x is not null\"}",
                        "  - {name: hashed, type: string, expression: \"sha2(concat_ws('|', s, cast(year(d) as string)), 256)\"}",
                        "  - {name: first, type: double, expression: \"element_at(transform(array(x, x * 2), v -> v + 1), 1)\"}",
                        "  - {name: struct_field, type: double, expression: \"named_struct('a', x).a\"}"),
                    "ordinary.yaml",
                    7,
                    200),
                200,
                GenerateOptions.defaults())
            .collectAsList();
    assertThat(rows)
        .hasSize(200)
        .allSatisfy(
            row -> {
              double x = row.getDouble(0);
              assertThat(row.getString(3))
                  .isEqualTo(x <= 50 ? "low" : row.getString(1).toUpperCase());
              assertThat(row.getString(4)).matches("\\d{6}-(al|be)");
              assertThat(row.getDouble(9)).isEqualTo(x + 1);
              assertThat(row.getDouble(10)).isEqualTo(x);
            });
  }

  private static String spec(String expression, String type) throws Exception {
    Path file = temp.resolve("spec.yaml");
    String quoted =
        "\""
            + expression
                .replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\t", "\\t")
            + "\"";
    Files.writeString(
        file,
        String.join(
            "\n",
            "columns:",
            "  - {name: x, type: double, distribution: {type: normal, mean: 0, sd: 1}}",
            "  - {name: s, type: string, distribution: {type: categories, weights: {a: 0.5, b: 0.5}}}",
            "  - {name: y, type: " + type + ", expression: " + quoted + "}"));
    return file.toString();
  }
}
