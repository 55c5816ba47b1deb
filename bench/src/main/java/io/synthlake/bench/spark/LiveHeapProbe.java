package io.synthlake.bench.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The exact live heap during a run: at a fixed interval a full collection, then the heap in use.
 * G1's figures after its young collections also count old garbage that waits for the next marking
 * cycle, so they rise and fall with that cycle; after a full collection only what the job holds is
 * left. Each probe pauses the job, so memory runs use this and speed runs do not.
 */
final class LiveHeapProbe {
  private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  private LiveHeapProbe(long intervalMillis) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    this.thread =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  Thread.sleep(intervalMillis);
                  memory.gc();
                  samples.add(memory.getHeapMemoryUsage().getUsed());
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "synthlake-live-heap-probe");
    thread.setDaemon(true);
  }

  /** Starts probing every {@code intervalMillis}; null (no probe) when it is not positive. */
  static LiveHeapProbe start(long intervalMillis) {
    if (intervalMillis <= 0) {
      return null;
    }

    LiveHeapProbe probe = new LiveHeapProbe(intervalMillis);
    probe.thread.start();
    return probe;
  }

  /**
   * Stops probing; returns the median live heap of the probes, or -1 if the run ended before the
   * first.
   */
  long stop() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }

    synchronized (samples) {
      return HeapAfterGc.medianOf(samples);
    }
  }
}
