package io.synthlake.examples;

import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Edge-case fixtures find a bug that ordinary synthetic rows never show. A small order cleaner,
 * written the way such code usually is (the first letter of the customer's name as an index key,
 * revenue summed per day), passes on 20,000 realistic rows; with 1% of the rows replaced by
 * boundary rows ({@code GenerateOptions.withEdgeCases(0.01)}, or {@code generate --edge-cases
 * 0.01}) it crashes on an empty name, and its fixed version handles nulls, empty and non-ASCII
 * names and negative amounts.
 *
 * <p>Arguments: rows (default 20000), edge-case share (default 0.01).
 */
public final class EdgeCaseFixtures {
  /** An online shop's orders: a spec, so the example needs no input data. */
  private static final String ORDERS =
      String.join(
          "\n",
          "columns:",
          "  - {name: order_id, type: long, key: {style: sequence}}",
          "  - name: customer",
          "    type: string",
          "    distribution: {type: categories, weights: {Ana Lima: 0.375, Björn Berg: 0.25,"
              + " Chen Wei: 0.25, Dara Okafor: 0.125}}",
          "  - name: amount",
          "    type: decimal(10,2)",
          "    min: 1",
          "    max: 5000",
          "    distribution: {type: log-normal, mu: 3.5, sigma: 0.8}",
          "  - {name: order_date, type: date,"
              + " distribution: {type: uniform, min: 2024-01-01, max: 2024-12-31}}",
          "");

  private EdgeCaseFixtures() {}

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 20_000L;
    double share = args.length > 1 ? Double.parseDouble(args[1]) : 0.01;
    SparkSession spark = LocalSpark.session();
    GenerateOptions options = GenerateOptions.defaults().withSeed(11);

    List<Row> realistic = orders(spark, rows, options);
    System.out.println("naive cleaner on realistic rows: " + run(realistic, true));
    List<Row> withEdges = orders(spark, rows, options.withEdgeCases(share));
    long marked =
        withEdges.stream().filter(row -> row.<Boolean>getAs("synthlake_edge_case")).count();
    System.out.printf(Locale.ROOT, "%d rows, %d of them edge cases%n", withEdges.size(), marked);
    System.out.println("naive cleaner on edge cases: " + run(withEdges, true));
    System.out.println("fixed cleaner on edge cases: " + run(withEdges, false));
  }

  private static List<Row> orders(SparkSession spark, long rows, GenerateOptions options) {
    Dataset<Row> generated =
        SpecGenerator.generate(spark, SpecCompiler.compile(ORDERS, "orders.yaml"), rows, options);
    return generated.orderBy("order_id").collectAsList();
  }

  /** Runs the cleaner over every row and says how it went: ok with a summary, or the failure. */
  private static String run(List<Row> orders, boolean naive) {
    Map<LocalDate, BigDecimal> revenue = new TreeMap<>();
    Map<String, Integer> byInitial = new TreeMap<>();
    for (Row order : orders) {
      try {
        if (naive) {
          naive(order, revenue, byInitial);
        } else {
          fixed(order, revenue, byInitial);
        }
      } catch (RuntimeException e) {
        boolean edge =
            order.schema().getFieldIndex("synthlake_edge_case").isDefined()
                && order.<Boolean>getAs("synthlake_edge_case");
        return String.format(
            Locale.ROOT,
            "FAILED on order %d (customer %s, edge case: %s): %s",
            order.<Long>getAs("order_id"),
            show(order.getAs("customer")),
            edge,
            e);
      }
    }

    return String.format(
        Locale.ROOT, "ok, %d days of revenue, %d name initials", revenue.size(), byInitial.size());
  }

  /** What such code usually looks like: every value assumed present, short and ASCII. */
  private static void naive(
      Row order, Map<LocalDate, BigDecimal> revenue, Map<String, Integer> byInitial) {
    String customer = order.getAs("customer");
    String initial = customer.substring(0, 1).toUpperCase(Locale.ROOT);
    byInitial.merge(initial, 1, Integer::sum);
    BigDecimal amount = order.getAs("amount");
    LocalDate day = order.<java.sql.Date>getAs("order_date").toLocalDate();
    revenue.merge(day, amount, BigDecimal::add);
  }

  /**
   * The fix: a missing or blank name files under "?", the initial is a whole code point (an emoji
   * or a surrogate pair is not cut in half), missing amounts and days are skipped and counted
   * apart, refunds (negative amounts) still count.
   */
  private static void fixed(
      Row order, Map<LocalDate, BigDecimal> revenue, Map<String, Integer> byInitial) {
    String customer = order.getAs("customer");
    String name = customer == null ? "" : customer.strip();
    String initial =
        name.isEmpty()
            ? "?"
            : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    byInitial.merge(initial, 1, Integer::sum);
    BigDecimal amount = order.getAs("amount");
    java.sql.Date date = order.getAs("order_date");
    if (amount == null || date == null) {
      byInitial.merge("(incomplete)", 1, Integer::sum);
      return;
    }

    revenue.merge(date.toLocalDate(), amount, BigDecimal::add);
  }

  private static String show(Object value) {
    if (value == null) {
      return "null";
    }

    String text = value.toString();
    return "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'";
  }
}
