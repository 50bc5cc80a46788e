package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.connector.sink.lib.DiscardingSink;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.api.common.JobStatus;
import io.spate.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded jobs with a two-phase sink and checkpointing: the end of the input commits through a final
 * checkpoint taken at once (not at the next interval), exactly once; checkpoints go on while some
 * tasks have finished; with checkpoints after tasks finish switched off, the sink commits at the end
 * of its input as before.
 */
class FinalCheckpointE2ETest {

  static final long RECORDS = 1_000;

  // Per run: whether the endless source may end, and the checkpoint the failing map heard of when it failed.
  private static final Map<String, Boolean> RELEASED = new ConcurrentHashMap<>();
  static final Map<String, Long> FAILED_AFTER = new ConcurrentHashMap<>();

  /** Emits 0, 1, 2, ... until its run is released. */
  static final class UntilReleased extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private volatile boolean running = true;

    UntilReleased(String runId) {
      this.runId = runId;
    }

    @Override
    public void run(SourceContext<Long> ctx) throws InterruptedException {
      long next = 0;
      while (running && !RELEASED.getOrDefault(runId, false)) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(next++);
        }
        if (next % 64 == 0) {
          Thread.sleep(1); // the records only carry barriers: no need to use up a core
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  /**
   * Passes records on; once it heard of two checkpoints that completed after {@code sink} had
   * committed all {@code expected} records (so at least one of them was taken with the sink's tasks
   * finished), it fails once if {@code fail}, and otherwise releases the endless source.
   */
  static final class AfterSinkFinished extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final RecordingCommitSink sink;
    private final long expected;
    private final boolean fail;
    private transient volatile int completedAfterSink;
    private transient volatile long heard;

    AfterSinkFinished(String runId, RecordingCommitSink sink, long expected, boolean fail) {
      this.runId = runId;
      this.sink = sink;
      this.expected = expected;
      this.fail = fail;
    }

    @Override
    public Long map(Long value) {
      if (completedAfterSink >= 2) {
        if (fail && FAILED_AFTER.putIfAbsent(runId, heard) == null) {
          throw new IllegalStateException("injected failure after the sink finished, at record " + value);
        }
        RELEASED.put(runId, true);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (sink.committed().size() >= expected) {
        completedAfterSink++;
        heard = checkpointId;
      }
    }
  }

  /**
   * A bounded source into the two-phase sink beside an endless source that runs until the sink's
   * side finished and two more checkpoints completed (failing once there if {@code fail}).
   */
  static JobClient runUnbalanced(String runId, RecordingCommitSink sink, boolean fail) throws Exception {
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY, JobManagerOptions.FailoverStrategy.FULL);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(50);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(20)));
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(n -> "n" + n).uid("names")
        .sinkTo(sink).uid("committed");
    env.addSource(new UntilReleased(runId), "ticks").uid("ticks")
        .map(new AfterSinkFinished(runId, sink, RECORDS, fail)).uid("gate")
        .sinkTo(new DiscardingSink<>()).uid("discard");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return client;
  }

  static Map<String, Long> multiset(List<String> values) {
    return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
  }

  static List<String> expectedNames() {
    return LongStream.range(0, RECORDS).mapToObj(n -> "n" + n).toList();
  }

  private static List<CheckpointStatistics> completedCheckpoints(JobClient client) throws Exception {
    return ((ClusterJobClient) client).getCheckpointStatistics().get(10, TimeUnit.SECONDS).stream()
        .filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED && !s.savepoint())
        .toList();
  }

  private static JobClient runBounded(RecordingCommitSink sink, boolean afterTasksFinish) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, afterTasksFinish);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(Duration.ofHours(1).toMillis()); // no periodic checkpoint before the job ends
    env.fromSequence(0, RECORDS - 1).map(n -> "n" + n).sinkTo(sink);
    JobClient client = env.executeAsync("bounded");
    // Well below the interval: the final checkpoint is taken as soon as every task waits for it.
    client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    return client;
  }

  @Test
  void aJobEndingBeforeItsFirstCheckpointCommitsItsOutputOnceOnTheFinalCheckpoint() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    JobClient client = runBounded(sink, true);

    assertThat(multiset(sink.committed())).isEqualTo(multiset(expectedNames()));
    assertThat(sink.commitAttempts()).as("each committable handed to a committer once").isEqualTo((int) RECORDS);
    assertThat(completedCheckpoints(client)).as("the final checkpoint").isNotEmpty();
  }

  @Test
  void withoutCheckpointsAfterTasksFinishTheSinkCommitsAtTheEndOfItsInput() throws Exception {
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    JobClient client = runBounded(sink, false);

    assertThat(multiset(sink.committed())).isEqualTo(multiset(expectedNames()));
    assertThat(completedCheckpoints(client)).as("no checkpoint before the end").isEmpty();
  }

  @Test
  void aDrainingStopWithSavepointEndsTheJobWithEveryWrittenRecordCommittedOnce(@TempDir Path dir) throws Exception {
    String runId = "drain-" + System.nanoTime();
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(50);
    env.addSource(new UntilReleased(runId), "ticks").setParallelism(1)
        .map(n -> "t" + n)
        .sinkTo(sink);
    JobClient client = env.executeAsync(runId);
    Await.until(Duration.ofSeconds(60), "a checkpoint to commit records", () -> !sink.committed().isEmpty());

    // A stop asked for while a subtask is still starting is refused: ask until it is taken.
    String savepoint = Await.untilMatches(Duration.ofSeconds(60), "a draining stop-with-savepoint", () -> {
      try {
        return client.stopWithSavepoint(true, dir.toString()).get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!String.valueOf(e.getCause().getMessage()).contains("not all tasks of the job are running")) {
          throw e;
        }
        return null;
      }
    }, path -> path != null);
    client.getJobExecutionResult().get(60, TimeUnit.SECONDS);

    assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
    assertThat(Path.of(savepoint).resolve("_metadata")).exists();
    assertThat(sink.committed()).as("every record written is committed").hasSize((int) sink.written())
        .doesNotHaveDuplicates();
  }

  @Test
  void checkpointsCompleteWhileOneSourceFinishedAndAnotherRuns() throws Exception {
    String runId = "unbalanced-" + System.nanoTime();
    RecordingCommitSink sink = RecordingCommitSink.create(1);
    JobClient client = runUnbalanced(runId, sink, false);

    assertThat(RELEASED).as("the endless source was released after checkpoints with finished tasks")
        .containsEntry(runId, true);
    assertThat(multiset(sink.committed())).isEqualTo(multiset(expectedNames()));
    assertThat(completedCheckpoints(client)).hasSizeGreaterThanOrEqualTo(2);
  }
}
