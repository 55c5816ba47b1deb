package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.evaluate.ProfilePlan;
import io.synthlake.core.evaluate.TableProfile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One pass over a projected table: every task counts its rows into a {@link TableProfile} and the
 * driver merges one profile per task. No shuffle, and memory set by the plan, not by the table.
 */
final class Profiler {
  private Profiler() {}

  static TableProfile profile(Dataset<Row> projected, Broadcast<ProfilePlan> plan) {
    int columns = plan.value().columns().size();
    // treeReduce merges on the executors first, so the driver never receives one profile per
    // partition at once.
    return projected
        .javaRDD()
        .mapPartitions(
            (Iterator<Row> rows) -> {
              TableProfile profile = plan.value().newProfile();
              while (rows.hasNext()) {
                profile.add(values(rows.next(), columns));
              }

              return List.of(profile).iterator();
            })
        .treeAggregate(plan.value().newProfile(), TableProfile::merge, TableProfile::merge, 2);
  }

  /** The same profile counted on the driver over a small table's collected rows. */
  static TableProfile profile(List<Object[]> rows, ProfilePlan plan) {
    TableProfile profile = plan.newProfile();
    rows.forEach(profile::add);
    return profile;
  }

  /**
   * The projected table's rows, collected once, when it has at most {@code maxRows} rows and {@code
   * maxCells} values; else null and the table stays distributed.
   */
  static List<Object[]> collectIfSmall(
      Dataset<Row> projected, long rows, long maxRows, long maxCells) {
    int columns = projected.columns().length;
    if (rows > maxRows || rows * columns > maxCells) {
      return null;
    }

    List<Object[]> values = new ArrayList<>();
    for (Row row : projected.collectAsList()) {
      values.add(values(row, columns));
    }

    return values;
  }

  static Broadcast<ProfilePlan> broadcast(Dataset<Row> any, ProfilePlan plan) {
    return JavaSparkContext.fromSparkContext(any.sparkSession().sparkContext()).broadcast(plan);
  }

  /** A projected row's values: Double or String, null for null. */
  static Object[] values(Row row, int columns) {
    Object[] values = new Object[columns];
    for (int c = 0; c < columns; c++) {
      values[c] = row.get(c);
    }

    return values;
  }
}
