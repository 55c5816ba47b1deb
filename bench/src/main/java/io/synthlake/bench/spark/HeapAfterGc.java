package io.synthlake.bench.spark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use right after each garbage collection since the last {@link #reset}, summarised by
 * its median. A job that kept something per row would raise every after-collection figure as it
 * ran, and so the median; the median rather than the maximum because G1 leaves old garbage for its
 * next marking cycle, so single after-collection figures rise and fall with that cycle whatever the
 * job keeps. Peak heap, by contrast, mostly measures how long the collector let garbage pile up.
 */
final class HeapAfterGc {
  private static final List<Long> AFTER_EACH = Collections.synchronizedList(new ArrayList<>());
  private static boolean installed;

  private HeapAfterGc() {}

  /** Listens to every collector of this JVM; idempotent. */
  static synchronized void install() {
    if (installed) {
      return;
    }

    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter) {
        ((NotificationEmitter) collector)
            .addNotificationListener(
                (notification, handback) -> {
                  if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                      notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long used = 0;
                    // The map holds non-heap pools (metaspace, code cache) too; only heap pools
                    // count.
                    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                      MemoryUsage after =
                          info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                      if (pool.getType() == MemoryType.HEAP && after != null) {
                        used += after.getUsed();
                      }
                    }

                    AFTER_EACH.add(used);
                  }
                },
                null,
                null);
      }
    }

    installed = true;
  }

  /**
   * Collects, waits for the collection to be reported, and starts afresh from one figure: the heap
   * live now.
   */
  static void reset() {
    System.gc();
    awaitNotifications();
    AFTER_EACH.clear();
    System.gc();
    awaitNotifications();
  }

  /**
   * The median of the after-collection figures since the reset (the reset's own full collection
   * included).
   */
  static long median() {
    awaitNotifications();
    synchronized (AFTER_EACH) {
      return medianOf(AFTER_EACH);
    }
  }

  /** The upper middle of {@code values}, or -1 for none. */
  static long medianOf(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
  }

  /**
   * The heap the run settles back to: the lowest after-collection figure over the second half of
   * the run's collections. Buffers that fill and drain (Parquet's row groups) lift the median with
   * their fill level at each collection, but their low points stay put; a job that kept something
   * per row could not get back under its own growing live set, so this figure would grow with the
   * rows.
   */
  static long settled() {
    awaitNotifications();
    synchronized (AFTER_EACH) {
      if (AFTER_EACH.size() < 2) {
        return AFTER_EACH.isEmpty() ? -1 : AFTER_EACH.get(0);
      }

      return Collections.min(AFTER_EACH.subList(AFTER_EACH.size() / 2, AFTER_EACH.size()));
    }
  }

  /** Notifications arrive on a thread of their own shortly after each collection. */
  private static void awaitNotifications() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
