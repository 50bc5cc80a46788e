package io.spate.runtime.taskexecutor;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.TaskManagerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * What a TaskExecutor takes from Flink's CPU and memory options: the CPU cores size its worker pool;
 * the memory sizes are checked (each a size, the parts within the totals, the task heap within this
 * JVM's heap) and otherwise not applied, since a TaskExecutor's memory is that of its JVM.
 */
public final class TaskManagerResources {

  /** The memory components that together must fit in the totals. */
  private static final List<ConfigOption<MemorySize>> COMPONENTS = List.of(
      TaskManagerOptions.FRAMEWORK_HEAP_MEMORY, TaskManagerOptions.TASK_HEAP_MEMORY,
      TaskManagerOptions.TASK_OFF_HEAP_MEMORY, TaskManagerOptions.MANAGED_MEMORY_SIZE,
      TaskManagerOptions.NETWORK_MEMORY_MIN);

  private TaskManagerResources() {}

  /**
   * The worker threads of a TaskExecutor: {@code taskmanager.worker-threads} if set, else {@code
   * taskmanager.cpu.cores} rounded up if set, else one per core of this machine.
   *
   * @throws IllegalConfigurationException naming the option if the cores are not above 0
   */
  public static int workerThreads(Configuration conf) {
    if (conf.contains(TaskManagerOptions.WORKER_THREADS)) {
      return conf.get(TaskManagerOptions.WORKER_THREADS);
    }
    return conf.getOptional(TaskManagerOptions.CPU_CORES).map(cores -> {
      if (!(cores > 0) || cores > Integer.MAX_VALUE) {
        throw new IllegalConfigurationException("Invalid " + TaskManagerOptions.CPU_CORES.key() + ": " + cores
            + "; a TaskManager needs more than 0 CPU cores.");
      }
      return (int) Math.ceil(cores);
    }).orElseGet(() -> conf.get(TaskManagerOptions.WORKER_THREADS));
  }

  /**
   * Checks the memory options of {@code conf} for a TaskExecutor in a JVM whose heap may grow to
   * {@code maxHeapBytes}.
   *
   * @throws IllegalConfigurationException naming the options whose values do not fit together
   */
  public static void validateMemory(Configuration conf, long maxHeapBytes) {
    List<String> parts = new ArrayList<>();
    long sum = 0;
    for (ConfigOption<MemorySize> component : COMPONENTS) {
      MemorySize size = conf.getOptional(component).orElse(null);
      if (size != null) {
        parts.add(component.key() + " (" + size + ")");
        sum += size.bytes();
      }
    }
    MemorySize flink = conf.getOptional(TaskManagerOptions.TOTAL_FLINK_MEMORY).orElse(null);
    MemorySize process = conf.getOptional(TaskManagerOptions.TOTAL_PROCESS_MEMORY).orElse(null);
    checkFits(parts, sum, TaskManagerOptions.TOTAL_FLINK_MEMORY, flink);
    checkFits(parts, sum, TaskManagerOptions.TOTAL_PROCESS_MEMORY, process);
    if (flink != null && process != null && flink.bytes() > process.bytes()) {
      throw new IllegalConfigurationException(TaskManagerOptions.TOTAL_FLINK_MEMORY.key() + " (" + flink
          + ") is larger than " + TaskManagerOptions.TOTAL_PROCESS_MEMORY.key() + " (" + process + ").");
    }
    conf.getOptional(TaskManagerOptions.NETWORK_MEMORY_MIN).ifPresent(min ->
        conf.getOptional(TaskManagerOptions.NETWORK_MEMORY_MAX).ifPresent(max -> {
          if (min.bytes() > max.bytes()) {
            throw new IllegalConfigurationException(TaskManagerOptions.NETWORK_MEMORY_MIN.key() + " (" + min
                + ") is larger than " + TaskManagerOptions.NETWORK_MEMORY_MAX.key() + " (" + max + ").");
          }
        }));
    conf.getOptional(TaskManagerOptions.MANAGED_MEMORY_FRACTION).ifPresent(fraction -> {
      if (!(fraction >= 0 && fraction < 1)) {
        throw new IllegalConfigurationException("Invalid " + TaskManagerOptions.MANAGED_MEMORY_FRACTION.key()
            + ": " + fraction + "; it must be at least 0 and below 1.");
      }
    });
    conf.getOptional(TaskManagerOptions.TASK_HEAP_MEMORY).ifPresent(heap -> {
      if (heap.bytes() > maxHeapBytes) {
        throw new IllegalConfigurationException(TaskManagerOptions.TASK_HEAP_MEMORY.key() + " (" + heap
            + ") is larger than the heap this JVM may grow to (" + MemorySize.ofBytes(maxHeapBytes)
            + "): start it with a larger -Xmx, or ask for less.");
      }
    });
  }

  private static void checkFits(List<String> parts, long sum, ConfigOption<MemorySize> total, MemorySize size) {
    if (size != null && sum > size.bytes()) {
      throw new IllegalConfigurationException("The memory components " + String.join(" + ", parts) + " add up to "
          + MemorySize.ofBytes(sum) + ", more than " + total.key() + " (" + size + ").");
    }
  }
}
