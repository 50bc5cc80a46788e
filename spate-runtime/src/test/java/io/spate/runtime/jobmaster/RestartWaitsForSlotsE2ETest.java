package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobStatus;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A job on two TaskExecutors of two slots each loses one of them and has too few slots left: its
 * restart waits for slots (up to {@code slot.request.timeout}) without using up restart attempts, the
 * lost TaskExecutor is reported once, and the job either runs on once a TaskExecutor joins or fails
 * after the timeout naming the slots it needed and found.
 */
@Tag("fault-injection")
class RestartWaitsForSlotsE2ETest {

  private static final long RECORDS = 20_000;
  private static final int PARALLELISM = 4;
  private static final long WAIT_SECONDS = 60;
  private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
  private static final Map<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();

  private MiniCluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64)
        .withHeartbeat(new HeartbeatSettings(50, 500)));
    cluster.start();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  /** Passes records on, one per millisecond while its run is held. */
  static final class Throttle extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String run;

    Throttle(String run) {
      this.run = run;
    }

    @Override
    public void open(OpenContext context) {
      OPENED.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public Long map(Long value) {
      if (HELD.contains(run)) {
        LockSupport.parkNanos(1_000_000);
      }
      return value;
    }
  }

  private static JobGraph job(String run, Duration slotRequestTimeout) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    conf.set(JobManagerOptions.SLOT_REQUEST_TIMEOUT, slotRequestTimeout);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);
    // A budget that a restart loop would burn in well under a second.
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(20, Duration.ofMillis(10)));
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new Throttle(run)).uid("throttle")
        .keyBy(x -> x % 7)
        .map(x -> x).uid("keyed")
        .discard();
    return JobGraphGenerator.generate(env.getStreamGraph(run));
  }

  /**
   * Two pipelines joined by no edge, so two pipelined regions: "solo" (parallelism 1) in the default
   * slot sharing group and "trio" (parallelism 3) in its own. Slots go round robin over the two
   * TaskExecutors, so taskexecutor-1 holds two subtasks of "trio" and none of "solo".
   */
  private static JobGraph twoRegions(String run, Duration slotRequestTimeout) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    conf.set(JobManagerOptions.SLOT_REQUEST_TIMEOUT, slotRequestTimeout);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(20, Duration.ofMillis(10)));
    env.fromSequence(0, RECORDS - 1).uid("solo-numbers").setParallelism(1)
        .map(new Throttle(run + "-solo")).uid("solo-throttle").setParallelism(1)
        .discard().setParallelism(1);
    env.fromSequence(0, RECORDS - 1).uid("trio-numbers").setParallelism(3).slotSharingGroup("trio")
        .map(new Throttle(run + "-trio")).uid("trio-throttle").setParallelism(3).slotSharingGroup("trio")
        .discard().setParallelism(3).slotSharingGroup("trio");
    return JobGraphGenerator.generate(env.getStreamGraph(run));
  }

  @Test
  void aRegionRestartWaitsForReplacementSlotsWhileTheOtherRegionRunsOn() throws Exception {
    HELD.add("regions-solo");
    HELD.add("regions-trio");
    try {
      JobGraph job = twoRegions("regions", Duration.ofSeconds(WAIT_SECONDS));
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job runs", () -> OPENED.containsKey("regions-solo") && OPENED.containsKey("regions-trio")
          && OPENED.get("regions-trio").get() >= 3);
      cluster.killTaskExecutor(1);
      Await.until(WAIT, "the lost TaskExecutor is reported", () -> history(job).size() == 1);
      cluster.addTaskExecutor();
      Await.until(WAIT, "the region runs again", () -> OPENED.get("regions-trio").get() >= 5);
      HELD.remove("regions-solo");
      HELD.remove("regions-trio");
      JobResult result = result(job);

      assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
      assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
      assertThat(result.exceptions()).singleElement()
          .satisfies(entry -> assertThat(entry.description()).contains("TaskExecutor taskexecutor-1 was lost"));
      assertThat(OPENED.get("regions-solo").get()).as("the other region ran on untouched").isEqualTo(1);
    } finally {
      HELD.remove("regions-solo");
      HELD.remove("regions-trio");
    }
  }

  private java.util.List<ExceptionHistoryEntry> history(JobGraph job) {
    try {
      return cluster.getDispatcherGateway().requestExceptionHistory(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private JobResult result(JobGraph job) throws Exception {
    return cluster.getDispatcherGateway().requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void aRestartThatCannotGetSlotsFailsTheJobAfterTheSlotRequestTimeoutHavingUsedOneRestartAttempt() throws Exception {
    HELD.add("starved");
    try {
      JobGraph job = job("starved", Duration.ofSeconds(2));
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job runs", () -> OPENED.containsKey("starved") && OPENED.get("starved").get() >= PARALLELISM);
      cluster.killTaskExecutor(1);
      JobResult result = result(job);

      assertThat(result.status()).isEqualTo(JobStatus.FAILED);
      assertThat(result.failure().getMessage())
          .contains("could not get the 4 task slots")
          .contains("slot.request.timeout")
          .contains("needs 4 task slots, but the cluster has 2 free of 2");
      assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
      assertThat(result.exceptions()).extracting(ExceptionHistoryEntry::outcome)
          .containsExactly(ExceptionHistoryEntry.Outcome.FAILED_JOB, ExceptionHistoryEntry.Outcome.RESTARTED);
      assertThat(result.exceptions().get(1).description()).contains("TaskExecutor taskexecutor-1 was lost");
    } finally {
      HELD.remove("starved");
    }
  }

  @Test
  void aRestartWaitsForSlotsWithoutUsingUpRestartAttemptsAndRunsOnOnceATaskExecutorJoins() throws Exception {
    HELD.add("patient");
    try {
      JobGraph job = job("patient", Duration.ofSeconds(WAIT_SECONDS));
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job runs", () -> OPENED.containsKey("patient") && OPENED.get("patient").get() >= PARALLELISM);
      cluster.killTaskExecutor(1);
      // The job gives back the slots it still held when it asks for all of them again, and is refused.
      Await.until(WAIT, "the restart asks for slots and is refused",
          () -> freeSlots() == 2);
      assertThat(cluster.getDispatcherGateway().requestExceptionHistory(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS))
          .extracting(ExceptionHistoryEntry::outcome).containsExactly(ExceptionHistoryEntry.Outcome.RESTARTED);
      cluster.addTaskExecutor();
      Await.until(WAIT, "the job runs again", () -> OPENED.get("patient").get() >= 2 * PARALLELISM);
      HELD.remove("patient");
      JobResult result = result(job);

      assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
      assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
      assertThat(result.exceptions()).singleElement()
          .satisfies(entry -> assertThat(entry.description()).contains("TaskExecutor taskexecutor-1 was lost"));
    } finally {
      HELD.remove("patient");
    }
  }

  private int freeSlots() {
    try {
      return cluster.getResourceManagerGateway().freeSlots().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
