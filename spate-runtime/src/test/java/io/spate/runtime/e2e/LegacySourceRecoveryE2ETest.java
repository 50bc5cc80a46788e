package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A parallel legacy source function with a checkpointed position, feeding keyed sums into a sink
 * function, fails once after checkpoints completed: the restart restores the checkpoint (the sources
 * resume from their checkpointed positions, not from the start) and the sums it emits are those of a
 * run without failure, each once.
 */
@Tag("fault-injection")
class LegacySourceRecoveryE2ETest {

  private static final long RECORDS = 20_000;
  private static final int KEYS = 13;
  // By run: how far past their first numbers the restored sources were, summed over subtasks.
  private static final Map<String, Long> RESTORED_PROGRESS = new ConcurrentHashMap<>();
  // By run: the checkpoint the failing subtask had heard completed when it failed.
  private static final Map<String, Long> FAILED_AFTER = new ConcurrentHashMap<>();

  /**
   * Emits its share of 0 to {@link #RECORDS} - 1, a little paced so that checkpoints complete while it
   * runs; emits and advances under the checkpoint lock, and checkpoints its position.
   */
  static final class PacedCounter extends RichParallelSourceFunction<Long> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private volatile boolean running = true;
    private long next = -1;
    private transient ListState<Long> nextState;

    PacedCounter(String runId) {
      this.runId = runId;
    }

    @Override
    public void open(OpenContext openContext) {
      if (next < 0) {
        next = getRuntimeContext().getIndexOfThisSubtask();
      }
    }

    @Override
    public void run(SourceContext<Long> ctx) throws InterruptedException {
      int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
      while (running && next < RECORDS) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(next);
          next += subtasks;
        }
        if (next % 40 < subtasks) {
          Thread.sleep(1);
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      nextState.update(List.of(next));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      nextState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Types.LONG));
      for (Long restored : nextState.get()) {
        next = restored;
      }
      if (context.isRestored() && next >= 0) {
        RESTORED_PROGRESS.merge(runId, next - getRuntimeContext().getIndexOfThisSubtask(), Long::sum);
      }
    }
  }

  /** Throws once, at the first record after its subtask heard that a checkpoint past the first completed. */
  static final class FailAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean fail;
    private transient volatile long completed;

    FailAfterCheckpoint(String runId, boolean fail) {
      this.runId = runId;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) {
      if (fail && completed >= 2 && FAILED_AFTER.putIfAbsent(runId, completed) == null) {
        throw new IllegalStateException("injected failure at record " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      completed = Math.max(completed, checkpointId);
    }
  }

  private static ClusterJobClient run(String runId, boolean fail) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(30);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    env.addSource(new PacedCounter(runId), "Counter").uid("counter")
        .map(new FailAfterCheckpoint(runId, fail)).uid("fail")
        .keyBy(n -> n % KEYS)
        .process(new LegacyFunctionsE2ETest.SumAtEnd()).uid("sums")
        .addSink(new LegacyFunctionsE2ETest.ResultSink(runId)).uid("results");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  @Test
  void aFailureAfterACheckpointResumesTheSourcesWhereTheCheckpointLeftThem() throws Exception {
    run("legacy-clean", false);
    ClusterJobClient faulty = run("legacy-faulty", true);

    long failedAfter = FAILED_AFTER.getOrDefault("legacy-faulty", 0L);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), failedAfter);
    assertThat(RESTORED_PROGRESS.getOrDefault("legacy-faulty", 0L))
        .as("numbers the restored sources had emitted before the checkpoint").isPositive();
    List<String> expected = LegacyFunctionsE2ETest.expectedSums(RECORDS, KEYS);
    assertThat(LegacyFunctionsE2ETest.results("legacy-clean")).isEqualTo(expected);
    assertThat(LegacyFunctionsE2ETest.results("legacy-faulty")).isEqualTo(expected);
  }
}
