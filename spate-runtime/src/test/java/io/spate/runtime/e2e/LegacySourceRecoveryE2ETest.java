package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
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
 * A parallel legacy source function with a checkpointed position ({@link LegacyFunctionsE2ETest.Counter}),
 * feeding keyed sums into a sink function, fails once after checkpoints completed: the restart restores
 * the checkpoint, and the sums it emits are those of a run without failure, each once. Sums emitted at
 * the end can only match if the sources resumed exactly where the restored keyed state left them: a
 * source that started again from its first number, or skipped some, would change them.
 */
@Tag("fault-injection")
class LegacySourceRecoveryE2ETest {

  private static final long RECORDS = 20_000;
  private static final int KEYS = 13;
  // By run: the checkpoint the failing subtask had heard completed when it failed.
  private static final Map<String, Long> FAILED_AFTER = new ConcurrentHashMap<>();

  /**
   * Throws once, at the first record after its subtask heard that a checkpoint past the first completed;
   * slows the stream a little, so that checkpoints complete while the input lasts.
   */
  static final class FailAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean fail;
    private transient volatile long completed;
    private transient long seen;

    FailAfterCheckpoint(String runId, boolean fail) {
      this.runId = runId;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) throws InterruptedException {
      if (++seen % 20 == 0) {
        Thread.sleep(1);
      }
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

  /** The checkpoint the failing subtask of run {@code runId} had heard completed when it failed, or 0. */
  static long failedAfter(String runId) {
    return FAILED_AFTER.getOrDefault(runId, 0L);
  }

  private static ClusterJobClient run(String runId, boolean fail) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(30);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    env.addSource(new LegacyFunctionsE2ETest.Counter(RECORDS), "Counter").uid("counter")
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
    List<String> expected = LegacyFunctionsE2ETest.expectedSums(RECORDS, KEYS);
    assertThat(LegacyFunctionsE2ETest.results("legacy-clean")).isEqualTo(expected);
    assertThat(LegacyFunctionsE2ETest.results("legacy-faulty")).isEqualTo(expected);
  }
}
