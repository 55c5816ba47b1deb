package io.synthlake.spark.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use right after any garbage collection since the last {@link #reset}: an upper bound on the live
 * set, which is what grows when a job keeps something per row. Peak heap, by contrast, mostly measures how long the
 * collector let garbage pile up.
 */
final class HeapAfterGc {
  private static final AtomicLong PEAK = new AtomicLong();
  private static boolean installed;

  private HeapAfterGc() {}

  /** Listens to every collector of this JVM; idempotent. */
  static synchronized void install() {
    if (installed) {
      return;
    }

    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter) {
        ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
              used += usage.getUsed();
            }

            // Non-heap pools (metaspace, code cache) are in the map too; subtracting them keeps heap only.
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
              MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
              if (pool.getType() == MemoryType.NON_HEAP && after != null) {
                used -= after.getUsed();
              }
            }

            PEAK.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
    }

    installed = true;
  }

  /** Collects, waits for the collection to be reported, and starts from the heap live now. */
  static void reset() {
    System.gc();
    awaitNotifications();
    PEAK.set(0);
    System.gc();
    awaitNotifications();
  }

  static long peak() {
    awaitNotifications();
    return PEAK.get();
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
