package io.spate.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;

class TaskManagerResourcesTest {

  private static final long GIB = 1L << 30;

  @Test
  void cpuCoresRoundUpToWorkerThreadsUnlessTheThreadsAreSet() {
    assertThat(TaskManagerResources.workerThreads(new Configuration().set(TaskManagerOptions.CPU_CORES, 2.5)))
        .isEqualTo(3);
    assertThat(TaskManagerResources.workerThreads(new Configuration().set(TaskManagerOptions.CPU_CORES, 0.1)))
        .isEqualTo(1);
    assertThat(TaskManagerResources.workerThreads(new Configuration()
        .set(TaskManagerOptions.CPU_CORES, 8.0).set(TaskManagerOptions.WORKER_THREADS, 2))).isEqualTo(2);
    assertThat(TaskManagerResources.workerThreads(new Configuration()))
        .isEqualTo(TaskManagerOptions.WORKER_THREADS.defaultValue());
    assertThatThrownBy(() -> TaskManagerResources.workerThreads(new Configuration().set(TaskManagerOptions.CPU_CORES, 0.0)))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("taskmanager.cpu.cores");
  }

  @Test
  void componentsMustFitInTheTotals() {
    Configuration fits = new Configuration()
        .set(TaskManagerOptions.TOTAL_FLINK_MEMORY, MemorySize.ofMebiBytes(1024))
        .set(TaskManagerOptions.TASK_HEAP_MEMORY, MemorySize.ofMebiBytes(512))
        .set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
    TaskManagerResources.validateMemory(fits, GIB);

    Configuration tooMuch = new Configuration(fits).set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(1));
    assertThatThrownBy(() -> TaskManagerResources.validateMemory(tooMuch, GIB))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("taskmanager.memory.network.min (1 mb)")
        .hasMessageContaining("more than taskmanager.memory.flink.size (1 gb)");

    Configuration flinkAboveProcess = new Configuration()
        .set(TaskManagerOptions.TOTAL_FLINK_MEMORY, MemorySize.ofMebiBytes(2048))
        .set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.ofMebiBytes(1024));
    assertThatThrownBy(() -> TaskManagerResources.validateMemory(flinkAboveProcess, GIB))
        .hasMessageContaining("taskmanager.memory.flink.size (2 gb) is larger than taskmanager.memory.process.size");
  }

  @Test
  void networkBoundsFractionAndHeapAreChecked() {
    assertThatThrownBy(() -> TaskManagerResources.validateMemory(new Configuration()
            .set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64))
            .set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(32)), GIB))
        .hasMessageContaining("taskmanager.memory.network.min (64 mb) is larger than taskmanager.memory.network.max");
    assertThatThrownBy(() -> TaskManagerResources.validateMemory(
            new Configuration().set(TaskManagerOptions.MANAGED_MEMORY_FRACTION, 1.0f), GIB))
        .hasMessageContaining("taskmanager.memory.managed.fraction");
    assertThatThrownBy(() -> TaskManagerResources.validateMemory(
            new Configuration().set(TaskManagerOptions.TASK_HEAP_MEMORY, MemorySize.ofMebiBytes(2048)), GIB))
        .hasMessageContaining("taskmanager.memory.task.heap.size (2 gb)").hasMessageContaining("-Xmx");
    TaskManagerResources.validateMemory(new Configuration(), GIB);
  }
}
