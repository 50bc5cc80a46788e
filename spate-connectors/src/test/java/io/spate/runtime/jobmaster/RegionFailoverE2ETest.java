package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobStatus;
import io.spate.api.common.RestartStrategies;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.JobManagerOptions.FailoverStrategy;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecoveryAssertions;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failure restarts only the pipelined region of the failed subtask: a job of two pipelines that
 * share no vertex keeps the subtasks of the pipeline that did not fail running, with their first
 * attempt, and both pipelines end with the sums of a run without failures (every record emitted,
 * counted with its repeats); the restarted region restored the checkpoint completed before the failure.
 */
class RegionFailoverE2ETest {

  private static final long WAIT_SECONDS = 120;
  // Attempt numbers of every subtask that opened, by run and stage.
  private static final Map<String, List<Integer>> OPENED = new ConcurrentHashMap<>();
  // Records each stage passed on, by run and stage.
  private static final Map<String, AtomicLong> PASSED = new ConcurrentHashMap<>();

  private static MiniCluster cluster;
  // TaskExecutors with a data plane each and serialized RPC messages, as between processes: subtask 0
  // of every task runs on one, subtask 1 on the other, so the keyBy channels cross the network.
  private static MiniCluster networkCluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 2, 16, 64));
    cluster.start();
    networkCluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 2, 16, 64),
        io.spate.runtime.taskexecutor.DataPlaneSettings.loopback(), true);
    networkCluster.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
    networkCluster.close();
  }

  /** Passes records on; notes the attempt number of each subtask that opens and counts the records. */
  static final class Recorder<T> extends RichMapFunction<T, T> {
    private static final long serialVersionUID = 1L;
    private final String stage;

    Recorder(String stage) {
      this.stage = stage;
    }

    @Override
    public void open(OpenContext context) {
      OPENED.computeIfAbsent(stage, k -> new CopyOnWriteArrayList<>())
          .add(getRuntimeContext().getTaskInfo().attemptNumber());
    }

    @Override
    public T map(T value) {
      PASSED.computeIfAbsent(stage, k -> new AtomicLong()).incrementAndGet();
      return value;
    }
  }

  /** Fails subtask 0 at its first record, in every attempt. */
  static final class AlwaysFail extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long map(Long value) {
      if (getRuntimeContext().getTaskInfo().indexOfThisSubtask() == 0) {
        throw new IllegalStateException("injected failure, attempt " + getRuntimeContext().getAttemptNumber());
      }
      return value;
    }
  }

  /**
   * Fails the first subtask to see a record, once per run: in BATCH mode one reader may take every
   * split of a small sequence, so no particular subtask is sure to see one.
   */
  static final class FailOnce extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
    private final String runId;

    FailOnce(String runId) {
      this.runId = runId;
    }

    @Override
    public Long map(Long value) {
      if (FAILED.add(runId)) {
        throw new IllegalStateException("injected failure");
      }
      return value;
    }
  }

  /** How the pipeline of a test job fails. */
  enum Failure { NONE, ONCE_AFTER_CHECKPOINT, ALWAYS }

  /**
   * Numbers, paced, through a keyBy into a sum per key emitted at the end of input, in a pipeline
   * named {@code name} of run {@code runId}, with a recorder after the source and after the sums.
   */
  private static DataStream<Long> numbers(StreamExecutionEnvironment env, String runId, String name, Failure failure) {
    DataStream<Long> numbers = env.fromSource(new DataGeneratorSource<>(index -> index, KeyedSumsJob.RECORDS,
            RateLimiterStrategy.perSecond(10_000), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers-" + name)
        .uid("numbers-" + name);
    numbers = failure == Failure.ALWAYS
        ? numbers.map(new AlwaysFail()).uid("fail-" + name)
        : numbers.map(new KeyedSumsJob.FailAfterCheckpoint(runId + "/" + name,
            failure == Failure.ONCE_AFTER_CHECKPOINT)).uid("fail-" + name);
    return numbers.map(new Recorder<Long>(runId + "/" + name + "/source")).returns(Types.LONG).uid("opens-" + name)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x));
  }

  private static void sums(DataStream<Long> numbers, String runId, String name) {
    numbers.keyBy(x -> x % KeyedSumsJob.KEYS)
        .process(new KeyedSumsJob.SumAtEnd()).uid("sums-" + name)
        .map(new Recorder<String>(runId + "/" + name + "/sums")).returns(Types.STRING).uid("sums-opens-" + name)
        .sinkTo(new KeyedSumsJob.ResultSink(runId + "/" + name)).uid("results-" + name);
  }

  private static StreamExecutionEnvironment env(FailoverStrategy strategy, int restarts) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    conf.set(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY, strategy);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(restarts, Duration.ofMillis(20)));
    return env;
  }

  /** Pipelines "a" (failing as {@code failure}) and "b" (never failing), sharing no vertex. */
  private static JobGraph twoPipelines(String runId, FailoverStrategy strategy, Failure failure, int restarts) {
    StreamExecutionEnvironment env = env(strategy, restarts);
    sums(numbers(env, runId, "a", failure), runId, "a");
    sums(numbers(env, runId, "b", Failure.NONE), runId, "b");
    return JobGraphGenerator.generate(env.getStreamGraph(runId));
  }

  /** The same two sources, joined by a union in front of one keyed sum. */
  private static JobGraph joinedPipelines(String runId, Failure failure) {
    StreamExecutionEnvironment env = env(FailoverStrategy.REGION, 5);
    sums(numbers(env, runId, "a", failure).union(numbers(env, runId, "b", Failure.NONE)), runId, "ab");
    return JobGraphGenerator.generate(env.getStreamGraph(runId));
  }

  private static JobResult run(JobGraph job) throws Exception {
    return run(cluster, job);
  }

  private static JobResult run(MiniCluster on, JobGraph job) throws Exception {
    on.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
    return on.getDispatcherGateway().requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static List<Integer> opened(String runId, String stage) {
    return OPENED.getOrDefault(runId + "/" + stage, List.of());
  }

  private static long passed(String runId, String stage) {
    return PASSED.getOrDefault(runId + "/" + stage, new AtomicLong()).get();
  }

  @Test
  void aFailureRestartsOnlyItsOwnPipeline() throws Exception {
    assertOnlyTheFailedPipelineRestarts(cluster, "region");
  }

  @Test
  void aFailureRestartsOnlyItsOwnPipelineAcrossTheNetwork() throws Exception {
    long channelEndsBefore = networkCluster.networkChannelEnds();
    assertOnlyTheFailedPipelineRestarts(networkCluster, "network-region");
    // Two runs of two pipelines whose keyBy has two crossing channels (counted at both ends), plus the
    // failed pipeline's channels opened again by its restart.
    assertThat(networkCluster.networkChannelEnds() - channelEndsBefore).isGreaterThan(2 * 2 * 2 * 2);
  }

  private static void assertOnlyTheFailedPipelineRestarts(MiniCluster on, String prefix) throws Exception {
    String cleanRun = prefix + "-clean";
    String faultyRun = prefix + "-faulty";
    JobResult clean = run(on, twoPipelines(cleanRun, FailoverStrategy.REGION, Failure.NONE, 5));
    JobResult faulty = run(on, twoPipelines(faultyRun, FailoverStrategy.REGION, Failure.ONCE_AFTER_CHECKPOINT, 5));

    assertThat(clean.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(faulty.status()).isEqualTo(JobStatus.FINISHED);
    // The history first: if there was more than one restart, it says what caused the others.
    assertThat(faulty.exceptions()).singleElement().satisfies(entry -> {
      assertThat(entry.outcome()).isEqualTo(ExceptionHistoryEntry.Outcome.RESTARTED);
      assertThat(entry.description()).contains("numbers-a").contains("injected failure");
    });
    assertThat(faulty.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(faulty,
        KeyedSumsJob.checkpointBeforeFailure(faultyRun + "/a"));
    // Pipeline b never noticed: each of its subtasks opened once, in its first attempt, and emitted
    // each key's sum once.
    assertThat(opened(faultyRun, "b/source")).containsExactly(0, 0);
    assertThat(opened(faultyRun, "b/sums")).containsExactly(0, 0);
    assertThat(passed(faultyRun, "b/sums")).isEqualTo(KeyedSumsJob.KEYS);
    // Pipeline a ran again, all of it, with a new attempt.
    assertThat(opened(faultyRun, "a/source")).hasSize(4).contains(0).anyMatch(attempt -> attempt > 0);
    assertThat(opened(faultyRun, "a/sums")).hasSize(4).contains(0).anyMatch(attempt -> attempt > 0);
    // Both end as a failure-free run does: every record emitted, with its repeats.
    assertThat(KeyedSumsJob.results(cleanRun + "/a")).isEqualTo(KeyedSumsJob.expectedSums());
    assertThat(KeyedSumsJob.results(cleanRun + "/b")).isEqualTo(KeyedSumsJob.expectedSums());
    assertThat(KeyedSumsJob.results(faultyRun + "/a")).isEqualTo(KeyedSumsJob.results(cleanRun + "/a"));
    assertThat(KeyedSumsJob.results(faultyRun + "/b")).isEqualTo(KeyedSumsJob.results(cleanRun + "/b"));
  }

  @Test
  void theFullStrategyRestartsBothPipelines() throws Exception {
    JobResult faulty = run(twoPipelines("full-faulty", FailoverStrategy.FULL, Failure.ONCE_AFTER_CHECKPOINT, 5));

    assertThat(faulty.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(faulty.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(faulty,
        KeyedSumsJob.checkpointBeforeFailure("full-faulty/a"));
    for (String stage : List.of("a/source", "a/sums", "b/source", "b/sums")) {
      assertThat(opened("full-faulty", stage)).as(stage).hasSize(4).containsOnly(0, 1);
    }
    assertThat(KeyedSumsJob.results("full-faulty/a")).isEqualTo(KeyedSumsJob.expectedSums());
    assertThat(KeyedSumsJob.results("full-faulty/b")).isEqualTo(KeyedSumsJob.expectedSums());
  }

  @Test
  void aConnectedJobRestartsAsAWhole() throws Exception {
    JobResult clean = run(joinedPipelines("joined-clean", Failure.NONE));
    JobResult faulty = run(joinedPipelines("joined-faulty", Failure.ONCE_AFTER_CHECKPOINT));

    assertThat(faulty.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(faulty.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(faulty,
        KeyedSumsJob.checkpointBeforeFailure("joined-faulty/a"));
    for (String stage : List.of("a/source", "b/source", "ab/sums")) {
      assertThat(opened("joined-faulty", stage)).as(stage).hasSize(4).containsOnly(0, 1);
    }
    assertThat(clean.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(KeyedSumsJob.results("joined-clean/ab")).hasSize(KeyedSumsJob.KEYS);
    assertThat(KeyedSumsJob.results("joined-faulty/ab")).isEqualTo(KeyedSumsJob.results("joined-clean/ab"));
  }

  @Test
  void regionRestartsCountAgainstTheRestartStrategyUntilTheJobFails() throws Exception {
    JobResult failed = run(twoPipelines("exhausted", FailoverStrategy.REGION, Failure.ALWAYS, 2));

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.failure()).hasMessageContaining("numbers-a").hasMessageContaining("injected failure");
    assertThat(failed.counters().get(JobResult.RESTARTS)).isEqualTo(2L);
    assertThat(failed.exceptions()).extracting(ExceptionHistoryEntry::outcome).containsExactly(
        ExceptionHistoryEntry.Outcome.FAILED_JOB, ExceptionHistoryEntry.Outcome.RESTARTED,
        ExceptionHistoryEntry.Outcome.RESTARTED);
    assertThat(failed.exceptions()).allSatisfy(entry -> assertThat(entry.location().task()).contains("numbers-a"));
    // Pipeline b ran on in its first attempt through both restarts of a, until the job failed (a
    // subtask of b may not even have opened by then: a fails at once).
    assertOnlyFirstAttempts(opened("exhausted", "b/source"));
  }

  @Test
  void aBatchJobRestartsAsAWhole() throws Exception {
    StreamExecutionEnvironment env = env(FailoverStrategy.REGION, 5);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.fromSequence(0, 999).map(new FailOnce("batch")).map(new Recorder<Long>("batch/a")).returns(Types.LONG)
        .discard();
    env.fromSequence(0, 999).map(new Recorder<Long>("batch/b")).returns(Types.LONG).discard();
    JobResult result = run(JobGraphGenerator.generate(env.getStreamGraph("batch")));

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    // Both subtasks of both pipelines ran in the second attempt (some may have been cancelled before
    // they opened in the first, and b may have finished before the failure).
    for (String stage : List.of("a", "b")) {
      assertThat(opened("batch", stage)).as(stage).allMatch(attempt -> attempt <= 1)
          .filteredOn(attempt -> attempt == 1).hasSize(2);
    }
  }

  @Test
  void theJobRunsOnWhileARegionWaitsToRestartAndCanBeCancelledThen() throws Exception {
    StreamExecutionEnvironment env = env(FailoverStrategy.REGION, 1);
    // A back-off far longer than the test: the failed region is still waiting when the job is cancelled.
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, Duration.ofMinutes(10)));
    for (String name : List.of("a", "b")) {
      DataStream<Long> numbers = env.fromSource(new DataGeneratorSource<>(index -> index, Long.MAX_VALUE,
          RateLimiterStrategy.perSecond(1_000), Types.LONG), WatermarkStrategy.noWatermarks(), "endless-" + name);
      if (name.equals("a")) {
        numbers = numbers.map(new FailOnce("waiting"));
      }
      numbers.rebalance().map(new Recorder<Long>("waiting/" + name)).returns(Types.LONG).discard();
    }
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("waiting"));
    DispatcherGateway dispatcher = cluster.getDispatcherGateway();
    cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);

    Await.until(Duration.ofSeconds(WAIT_SECONDS), "the failure",
        () -> !dispatcher.requestExceptionHistory(job.jobId()).get().isEmpty());
    long atFailure = passed("waiting", "b");
    Await.until(Duration.ofSeconds(WAIT_SECONDS), "b to go on without a", () -> passed("waiting", "b") >= atFailure + 500);
    assertThat(dispatcher.requestJobStatus(job.jobId()).get()).isEqualTo(JobStatus.RUNNING);
    // The failure may come before a's second subtask opened: at most each subtask once, never again.
    assertOnlyFirstAttempts(opened("waiting", "a"));
    dispatcher.cancelJob(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);

    JobResult result = dispatcher.requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    assertOnlyFirstAttempts(opened("waiting", "a"));
    assertOnlyFirstAttempts(opened("waiting", "b"));
  }

  /** Each of the stage's two subtasks opened at most once, in its first attempt. */
  private static void assertOnlyFirstAttempts(List<Integer> attempts) {
    assertThat(attempts).hasSizeLessThanOrEqualTo(2).allMatch(attempt -> attempt == 0);
  }

  @Test
  void anUnknownFailoverStrategyIsRejectedWithTheKeyAndTheChoices() {
    Configuration conf = Configuration.fromMap(Map.of("jobmanager.execution.failover-strategy", "regional"));

    assertThatThrownBy(() -> conf.get(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("jobmanager.execution.failover-strategy").hasMessageContaining("region, full");
    assertThat(new Configuration().get(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY))
        .isEqualTo(FailoverStrategy.REGION);
  }
}
