package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.PipelineOptions;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.api.datastream.LocalStreamEnvironment;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.functions.MapFunction;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The environment settings of Flink programs: local environments made from a configuration (slots,
 * CPU cores, memory options), the buffer timeout, operator chaining and the runtime mode.
 */
class EnvironmentSettingsE2ETest {

  private static List<Long> oneToTen() {
    return LongStream.rangeClosed(1, 10).boxed().toList();
  }

  @Test
  void disablingOperatorChainingGivesEveryOperatorATaskOfItsOwn() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    assertThat(env.isChainingEnabled()).isTrue();
    env.fromSequence(1, 10).map(x -> x + 1).filter(x -> x > 0).discard();
    JobGraph chained = JobGraphGenerator.generate(env.getStreamGraph("chained"));
    assertThat(chained.vertices()).hasSize(1);
    assertThat(chained.vertices().get(0).getChain()).hasSize(4);

    env.disableOperatorChaining();
    assertThat(env.isChainingEnabled()).isFalse();
    assertThat(env.getConfiguration().get(PipelineOptions.OPERATOR_CHAINING)).isFalse();
    env.fromSequence(1, 10).map(x -> x + 1).filter(x -> x > 0).discard();
    JobGraph unchained = JobGraphGenerator.generate(env.getStreamGraph("unchained"));
    assertThat(unchained.vertices()).hasSize(4).allSatisfy(v -> assertThat(v.getChain()).hasSize(1));
    assertThat(unchained.vertices()).extracting(JobVertex::getParallelism).containsOnly(2);

    List<Long> out = env.fromSequence(1, 10).map(x -> x * 10).executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrderElementsOf(oneToTen().stream().map(x -> x * 10).toList());
  }

  @Test
  void theRuntimeModeOptionIsHonouredThroughConfigureAndTheEnvironmentsConfiguration() {
    Configuration batch = new Configuration().set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    StreamExecutionEnvironment fromConf = StreamExecutionEnvironment.getExecutionEnvironment(batch);
    fromConf.fromSequence(1, 3).discard();
    assertThat(fromConf.getStreamGraph("from-conf").runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);

    StreamExecutionEnvironment configured = StreamExecutionEnvironment.createLocalEnvironment();
    configured.configure(new Configuration().setString("execution.runtime-mode", "batch"));
    configured.fromSequence(1, 3).discard();
    assertThat(configured.getStreamGraph("configured").runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);

    StreamExecutionEnvironment streaming = StreamExecutionEnvironment.createLocalEnvironment();
    streaming.fromSequence(1, 3).discard();
    assertThat(streaming.getStreamGraph("default").runtimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);
  }

  @Test
  void theBufferTimeoutIsStoredAndAJobWithoutOneStillDeliversEveryRecord() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    assertThat(env.getBufferTimeout()).isEqualTo(100);
    env.setBufferTimeout(5);
    assertThat(env.getBufferTimeout()).isEqualTo(5);
    assertThat(env.getConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(5));
    env.setBufferTimeout(-1);
    assertThat(env.getBufferTimeout()).isEqualTo(-1);
    assertThat(env.getConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)).isFalse();
    assertThatThrownBy(() -> env.setBufferTimeout(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");

    // Only full batches while busy: the partly filled last ones still go out when the input runs dry.
    List<Long> out = env.fromSequence(1, 10).rebalance().map(x -> x).executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrderElementsOf(oneToTen());
    env.setBufferTimeout(0);
    assertThat(env.getConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)).isTrue();
  }

  /** Records the threads that run it. */
  static final class NoteThread implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    @Override
    public Long map(Long value) {
      THREADS.add(Thread.currentThread().getName());
      return value;
    }
  }

  @Test
  void aLocalEnvironmentWithOneCpuCoreRunsEverySubtaskOnOneWorkerThread() throws Exception {
    NoteThread.THREADS.clear();
    Configuration conf = new Configuration().set(TaskManagerOptions.CPU_CORES, 1.0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3, conf);
    List<Long> out = env.fromSequence(1, 10).rebalance().map(new NoteThread()).executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrderElementsOf(oneToTen());
    assertThat(NoteThread.THREADS).hasSize(1);
  }

  @Test
  void aLocalEnvironmentWithFewerSlotsThanTheJobNeedsRefusesIt() {
    Configuration conf = new Configuration().set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
    env.fromSequence(1, 10).map(x -> x).discard();
    assertThatThrownBy(() -> env.execute("too-wide"))
        .hasStackTraceContaining("needs 2 task slots").hasStackTraceContaining("taskmanager.numberOfTaskSlots");
  }

  @Test
  void memoryOptionsThatDoNotFitTogetherFailTheJobNamingThem() {
    Configuration conf = new Configuration()
        .set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1 gb"))
        .set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("2 gb"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
    env.fromSequence(1, 10).discard();
    assertThatThrownBy(() -> env.execute("too-much-memory"))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("taskmanager.memory.managed.size (2 gb)")
        .hasMessageContaining("taskmanager.memory.process.size (1 gb)");

    Configuration malformed = new Configuration().setString("taskmanager.memory.task.heap.size", "lots");
    StreamExecutionEnvironment bad = StreamExecutionEnvironment.createLocalEnvironment(1, malformed);
    bad.fromSequence(1, 10).discard();
    assertThatThrownBy(() -> bad.execute("malformed"))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("taskmanager.memory.task.heap.size").hasMessageContaining("lots");
  }

  @Test
  void memoryOptionsThatFitAreAcceptedByALocalEnvironment() throws Exception {
    Configuration conf = new Configuration()
        .set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("2 gb"))
        .set(TaskManagerOptions.TOTAL_FLINK_MEMORY, MemorySize.parse("1536 mb"))
        .set(TaskManagerOptions.TASK_HEAP_MEMORY, MemorySize.parse("16 mb"))
        .set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256 mb"))
        .set(TaskManagerOptions.MANAGED_MEMORY_FRACTION, 0.4f);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
    assertThat(env.fromSequence(1, 10).executeAndCollect(100)).containsExactlyElementsOf(oneToTen());
  }

  @Test
  void aLocalEnvironmentWithWebUiRunsJobsAndServesTheRestApi() throws Exception {
    LocalStreamEnvironment local = StreamExecutionEnvironment.createLocalEnvironment();
    assertThat(local.getConfiguration().get(ExecutionOptions.TARGET)).isEqualTo("local");
    Configuration conf = new Configuration().set(RestOptions.BIND_PORT, "0");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    assertThat(env.getConfiguration().get(RestOptions.LOCAL_ENABLED)).isTrue();
    assertThat(env.getConfiguration().get(ExecutionOptions.TARGET)).isEqualTo("local");
    env.setParallelism(1);
    assertThat(env.fromSequence(1, 10).executeAndCollect(100)).containsExactlyElementsOf(oneToTen());
  }
}
