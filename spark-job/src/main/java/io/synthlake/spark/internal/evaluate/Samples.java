package io.synthlake.spark.internal.evaluate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Seeded uniform samples of at most n rows. A Bernoulli sample a little larger than n is drawn
 * first, then n of its rows by a random order; Spark runs the latter as a per-partition top-n, so
 * no step holds more than about n rows whatever the table's size.
 */
final class Samples {
  private Samples() {}

  static Dataset<Row> atMost(Dataset<Row> table, long tableRows, long n, long seed) {
    if (tableRows <= n) {
      return table;
    }

    // 1.2n + 6√n keeps the Bernoulli draw above n with probability > 1 − 1e-9.
    double fraction = Math.min(1.0, (1.2 * n + 6 * Math.sqrt(n) + 10) / tableRows);
    return table
        .sample(false, fraction, seed)
        .orderBy(functions.rand(seed))
        .limit((int) Math.min(n, Integer.MAX_VALUE));
  }
}
