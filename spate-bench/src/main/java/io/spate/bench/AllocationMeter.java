package io.spate.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Counts the bytes a JVM allocates, on all threads, over a window, in two independent ways.
 *
 * <p><b>All threads</b> (the primary figure): {@code com.sun.management.ThreadMXBean
 * #getTotalThreadAllocatedBytes()}, which counts threads that have ended too. It came with Java 21
 * and was backported to later Java 17 updates (17.0.15 has it); it is called reflectively. Where
 * it is missing, a fallback samples: {@code getThreadAllocatedBytes(long[])} only answers for live
 * threads, while Spate's worker threads live exactly as long as one job, so a daemon thread samples
 * every live thread's counter every few milliseconds and keeps the last value seen per thread id
 * (ids are never reused); a thread's allocation after its last sample is lost, which for a job of
 * seconds is a fraction of a percent. The sampler's own allocations are excluded.
 *
 * <p><b>Eden accounting</b> (a cross-check): the sum, over the garbage collections in the window, of
 * eden's occupancy collected, plus the growth of eden's occupancy. It misses objects allocated
 * straight into the old generation (G1 humongous objects, such as large hash tables) and is only as
 * fine as a heap region, so it is meaningful for runs that allocate gigabytes.
 */
final class AllocationMeter implements AutoCloseable {

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final long sampleMillis;
  private final MethodHandle totalAllocated = findTotalAllocated(threads);
  private long totalAtStart;
  private final Map<Long, Long> baseline = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
  private final Object lock = new Object();
  private volatile boolean sampling;
  private Thread sampler;

  private final MemoryPoolMXBean eden = findEden();
  private final AtomicLong youngCollected = new AtomicLong();
  private final AtomicLong notifications = new AtomicLong();
  private long youngCollectedAtStart;
  private long edenUsedAtStart;

  AllocationMeter(long sampleMillis) {
    if (!threads.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("This JVM cannot count allocated bytes per thread");
    }
    threads.setThreadAllocatedMemoryEnabled(true);
    this.sampleMillis = sampleMillis;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            youngCollected.addAndGet(youngCollected(info));
            notifications.incrementAndGet();
          }
        }, null, null);
      }
    }
  }

  /** How the primary figure is measured. */
  String method() {
    return totalAllocated != null
        ? "ThreadMXBean.getTotalThreadAllocatedBytes (all threads, ended ones included)"
        : "per-thread counters sampled every " + sampleMillis + " ms (getTotalThreadAllocatedBytes is missing)";
  }

  /** Starts a window: remembers the counters and, without a total counter, starts sampling. */
  void start() {
    awaitGcNotifications();
    youngCollectedAtStart = youngCollected.get();
    edenUsedAtStart = eden == null ? 0 : eden.getUsage().getUsed();
    if (totalAllocated != null) {
      totalAtStart = total();
      return;
    }
    synchronized (lock) {
      baseline.clear();
      last.clear();
      sampleInto(baseline);
    }
    sampling = true;
    sampler = new Thread(this::sampleLoop, "allocation-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Ends the window. Returns {bytes by thread sampling, bytes by eden accounting (or -1)}. */
  long[] stop() throws InterruptedException {
    long total = 0;
    if (totalAllocated != null) {
      total = total() - totalAtStart;
    } else {
      sampling = false;
      sampler.join();
      synchronized (lock) {
        sampleInto(last);
        for (Map.Entry<Long, Long> e : last.entrySet()) {
          total += e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
        }
      }
    }
    long edenBytes = -1;
    if (eden != null) {
      long edenNow = eden.getUsage().getUsed();
      awaitGcNotifications();
      edenBytes = youngCollected.get() - youngCollectedAtStart + edenNow - edenUsedAtStart;
    }
    return new long[] {total, edenBytes};
  }

  private long total() {
    try {
      return (long) totalAllocated.invoke(threads);
    } catch (Throwable t) {
      throw new IllegalStateException("getTotalThreadAllocatedBytes failed", t);
    }
  }

  private static MethodHandle findTotalAllocated(com.sun.management.ThreadMXBean threads) {
    try {
      MethodHandle handle = MethodHandles.publicLookup().findVirtual(com.sun.management.ThreadMXBean.class,
          "getTotalThreadAllocatedBytes", MethodType.methodType(long.class));
      return (long) handle.invoke(threads) >= 0 ? handle : null;
    } catch (Throwable t) {
      return null;
    }
  }

  private void sampleLoop() {
    while (sampling) {
      synchronized (lock) {
        sampleInto(last);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(sampleMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sampleInto(Map<Long, Long> into) {
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    long self = sampler == null ? -1 : sampler.getId();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0 && ids[i] != self) {
        into.merge(ids[i], bytes[i], Math::max);
      }
    }
  }

  /** Waits (up to a second) until every collection so far has been reported to the listener. */
  private void awaitGcNotifications() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (System.nanoTime() < deadline) {
      long collections = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        collections += Math.max(0, gc.getCollectionCount());
      }
      if (notifications.get() >= collections) {
        return;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Eden's occupancy before the collection minus after it: what was allocated since the last one. */
  private static long youngCollected(GcInfo info) {
    long collected = 0;
    for (Map.Entry<String, MemoryUsage> before : info.getMemoryUsageBeforeGc().entrySet()) {
      if (before.getKey().contains("Eden")) {
        MemoryUsage after = info.getMemoryUsageAfterGc().get(before.getKey());
        collected += before.getValue().getUsed() - (after == null ? 0 : after.getUsed());
      }
    }
    return collected;
  }

  private static MemoryPoolMXBean findEden() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().contains("Eden")) {
        return pool;
      }
    }
    return null;
  }

  @Override
  public void close() {
    sampling = false;
  }
}
