package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.evaluate.ProfilePlan;
import io.synthlake.core.evaluate.TableProfile;
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
