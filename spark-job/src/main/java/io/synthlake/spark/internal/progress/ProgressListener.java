package io.synthlake.spark.internal.progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts what the Spark jobs of one command have done: tasks submitted and finished, and rows
 * written by Spark's own writers (their tasks' output metrics). synthlake's direct Parquet and
 * Delta writer reports no output metrics, so the rows of a write are then told from the share of
 * the largest stage's tasks finished: generation partitions hold about equal numbers of rows.
 */
final class ProgressListener extends SparkListener {
  private final AtomicLong tasksSubmitted = new AtomicLong();
  private final AtomicLong tasksDone = new AtomicLong();
  private final AtomicLong recordsWritten = new AtomicLong();

  /** Per stage, its task count and its tasks finished (retried stages keep their first count). */
  private final Map<Integer, long[]> stages = new ConcurrentHashMap<>();

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    int tasks = submitted.stageInfo().numTasks();
    if (stages.putIfAbsent(submitted.stageInfo().stageId(), new long[] {tasks, 0}) == null) {
      tasksSubmitted.addAndGet(tasks);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (!end.taskInfo().successful()) {
      return;
    }

    tasksDone.incrementAndGet();
    long[] stage = stages.get(end.stageId());
    if (stage != null) {
      synchronized (stage) {
        stage[1]++;
      }
    }

    TaskMetrics metrics = end.taskMetrics();
    if (metrics != null) {
      recordsWritten.addAndGet(metrics.outputMetrics().recordsWritten());
    }
  }

  /** Rows written so far of {@code rowsAsked}: from output metrics, else the largest stage. */
  long rowsDone(long rowsAsked) {
    long written = recordsWritten.get();
    if (written > 0 || rowsAsked <= 0) {
      return Math.min(written, Math.max(rowsAsked, 0));
    }

    long[] largest = {0, 0};
    for (long[] stage : stages.values()) {
      synchronized (stage) {
        if (stage[0] > largest[0]) {
          largest = stage.clone();
        }
      }
    }

    return largest[0] == 0 ? 0 : Math.round(rowsAsked * (double) largest[1] / largest[0]);
  }

  long tasksDone() {
    return tasksDone.get();
  }

  long tasksSubmitted() {
    return tasksSubmitted.get();
  }
}
