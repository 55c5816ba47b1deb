package io.synthlake.spark.source;

import org.apache.spark.TaskContext;

/**
 * A test hook that makes the first attempt of every generating task misbehave once the partition's
 * first block has gone to its writer, so tests can prove that retried and speculative attempts
 * leave exact, identical output. Off unless the job was submitted from a thread with the Spark
 * local property {@value #PROPERTY} set ({@code SparkContext.setLocalProperty}): {@code
 * fail-first-attempt} throws, {@code slow-first-attempt} stalls for {@value #STALL_MILLIS} ms so
 * that speculation starts a second attempt.
 */
public final class TaskFaults {
  public static final String PROPERTY = "synthlake.test.task-fault";
  static final long STALL_MILLIS = 20_000;

  private TaskFaults() {}

  /** Called once per partition, after its first block was handed on. */
  static void afterFirstBlock() {
    TaskContext task = TaskContext.get();
    String fault = task == null ? null : task.getLocalProperty(PROPERTY);
    if (fault == null || task.attemptNumber() > 0) {
      return;
    }

    if (fault.equals("fail-first-attempt")) {
      throw new IllegalStateException(
          "test hook "
              + PROPERTY
              + ": failing the first attempt of partition "
              + task.partitionId());
    }

    if (fault.equals("slow-first-attempt")) {
      try {
        Thread.sleep(STALL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "test hook " + PROPERTY + ": stalled attempt interrupted", e);
      }
    }
  }
}
