package io.spate.runtime.metrics;

import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;

/**
 * The JVM metrics Flink registers beyond heap, collectors and threads: the metaspace, the direct and
 * mapped buffer pools, the non-heap maximum and the classes unloaded, under Flink's names.
 */
final class MoreJvmMetrics {

  private MoreJvmMetrics() {}

  /** Registers them in {@code jvm}, the group {@code Status.JVM}. */
  static void register(MetricGroup jvm) {
    MetricGroup memory = jvm.addGroup("Memory");
    memory.addGroup("NonHeap").gauge("Max",
        (Gauge<Long>) () -> ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getMax());
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        MetricGroup metaspace = memory.addGroup("Metaspace");
        metaspace.gauge("Used", (Gauge<Long>) () -> usage(pool).getUsed());
        metaspace.gauge("Committed", (Gauge<Long>) () -> usage(pool).getCommitted());
        metaspace.gauge("Max", (Gauge<Long>) () -> usage(pool).getMax());
      }
    }
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      String group = switch (pool.getName()) {
        case "direct" -> "Direct";
        case "mapped" -> "Mapped";
        default -> null; // "mapped - 'non-volatile memory'" and others Flink does not report
      };
      if (group != null) {
        MetricGroup buffers = memory.addGroup(group);
        buffers.gauge("Count", (Gauge<Long>) pool::getCount);
        buffers.gauge("MemoryUsed", (Gauge<Long>) pool::getMemoryUsed);
        buffers.gauge("TotalCapacity", (Gauge<Long>) pool::getTotalCapacity);
      }
    }
    jvm.addGroup("ClassLoader").gauge("ClassesUnloaded",
        (Gauge<Long>) ManagementFactory.getClassLoadingMXBean()::getUnloadedClassCount);
  }

  private static MemoryUsage usage(MemoryPoolMXBean pool) {
    return pool.getUsage();
  }
}
