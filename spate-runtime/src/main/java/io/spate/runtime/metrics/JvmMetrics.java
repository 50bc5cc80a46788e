package io.spate.runtime.metrics;

import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/**
 * The metrics of the JVM a JobManager or TaskManager runs in, under {@code Status.JVM}: heap and
 * non-heap memory, garbage collections per collector, threads, loaded classes and CPU time.
 */
public final class JvmMetrics {

  private JvmMetrics() {}

  /** Registers the JVM's metrics in the group {@code Status.JVM} below {@code parent}. */
  public static void register(MetricGroup parent) {
    MetricGroup jvm = parent.addGroup("Status").addGroup("JVM");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    MetricGroup heap = jvm.addGroup("Memory").addGroup("Heap");
    heap.gauge("Used", (Gauge<Long>) () -> memory.getHeapMemoryUsage().getUsed());
    heap.gauge("Committed", (Gauge<Long>) () -> memory.getHeapMemoryUsage().getCommitted());
    heap.gauge("Max", (Gauge<Long>) () -> memory.getHeapMemoryUsage().getMax());
    MetricGroup nonHeap = jvm.addGroup("Memory").addGroup("NonHeap");
    nonHeap.gauge("Used", (Gauge<Long>) () -> memory.getNonHeapMemoryUsage().getUsed());
    nonHeap.gauge("Committed", (Gauge<Long>) () -> memory.getNonHeapMemoryUsage().getCommitted());
    MetricGroup collectors = jvm.addGroup("GarbageCollector");
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      MetricGroup group = collectors.addGroup(collector.getName());
      group.gauge("Count", (Gauge<Long>) collector::getCollectionCount);
      group.gauge("Time", (Gauge<Long>) collector::getCollectionTime);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    jvm.addGroup("Threads").gauge("Count", (Gauge<Integer>) threads::getThreadCount);
    jvm.addGroup("ClassLoader").gauge("ClassesLoaded",
        (Gauge<Long>) ManagementFactory.getClassLoadingMXBean()::getTotalLoadedClassCount);
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      jvm.addGroup("CPU").gauge("Time", (Gauge<Long>) os::getProcessCpuTime);
      jvm.addGroup("CPU").gauge("Load", (Gauge<Double>) os::getProcessCpuLoad);
    }
    MoreJvmMetrics.register(jvm);
  }
}
