package io.synthlake.spark.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.SynthlakeException;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.source.SynthlakeSource;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * {@code synthlake_generate(path, rows[, seed])}: the plan of rows 0 to rows - 1 of a model (the
 * JSON file {@code synthlake fit} writes) or of a spec (any other YAML or JSON file), read as the
 * {@code synthlake} data source or {@code SpecGenerator} gives them, so the same rows.
 */
final class GenerateFunction extends AbstractFunction1<Seq<Expression>, LogicalPlan> {
  static final String NAME = "synthlake_generate";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public LogicalPlan apply(Seq<Expression> arguments) {
    List<Expression> args = CollectionConverters.asJava(arguments);
    SynthlakeException.check(
        args.size() == 2 || args.size() == 3,
        "%s takes (path, rows) or (path, rows, seed), got %d arguments",
        NAME,
        args.size());
    String path = text(args.get(0), "path");
    long rows = whole(args.get(1), "rows");
    long seed = args.size() == 3 ? whole(args.get(2), "seed") : GenerateOptions.defaults().seed();
    SparkSession spark = SparkSession.active();
    Dataset<Row> generated;
    if (isModel(spark, path)) {
      generated =
          spark
              .read()
              .format(SynthlakeSource.NAME)
              .option("model", path)
              .option("rows", rows)
              .option("seed", seed)
              .load();
    } else {
      SynthlakeException.check(
          rows > 0, "%s: rows must be a positive whole number, got %d", NAME, rows);
      generated =
          SpecGenerator.generate(spark, path, rows, GenerateOptions.defaults().withSeed(seed));
    }

    return generated.queryExecution().analyzed();
  }

  /**
   * Whether {@code path} holds a fitted model (JSON with the {@code dependence} or {@code tables}
   * that {@code synthlake fit} writes) rather than a spec, which is YAML or JSON with
   * distributions.
   */
  private static boolean isModel(SparkSession spark, String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return false;
    }

    String text = ModelFiles.read(path, spark.sparkContext().hadoopConfiguration());
    JsonNode document;
    try {
      document = JSON.readTree(text);
    } catch (IOException e) {
      return false; // not JSON: a YAML spec under another name
    }

    return document != null
        && document.isObject()
        && (document.has("dependence")
            || "synthlake-table-set".equals(document.path("format").asText()));
  }

  private static String text(Expression argument, String name) {
    Object value = constant(argument, name);
    SynthlakeException.check(
        value instanceof UTF8String, "%s: %s must be a string, got %s", NAME, name, argument.sql());
    return value.toString();
  }

  private static long whole(Expression argument, String name) {
    Object value = constant(argument, name);
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }

    if (value instanceof Decimal decimal) {
      try {
        return decimal.toJavaBigDecimal().longValueExact();
      } catch (ArithmeticException e) {
        // a fraction, or beyond a long: the error below
      }
    }

    throw SynthlakeException.of(
        "%s: %s must be a whole number, got %s", NAME, name, argument.sql());
  }

  private static Object constant(Expression argument, String name) {
    SynthlakeException.check(
        argument.foldable(), "%s: %s must be a constant, got %s", NAME, name, argument.sql());
    Object value = argument.eval(null);
    SynthlakeException.check(value != null, "%s: %s must not be null", NAME, name);
    return value;
  }
}
