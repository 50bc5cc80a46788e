package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobStatus;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The subtasks on a TaskExecutor that cannot be reached never report that they stopped, so the
 * JobMaster does not wait for them: it finds out when its own call there fails, before the
 * ResourceManager's heartbeat timeout.
 */
class UnreachableTaskExecutorTest {

  private static final long WAIT_SECONDS = 30;
  private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);
  private static final AtomicBoolean ARMED = new AtomicBoolean();
  private static final AtomicInteger OPENED = new AtomicInteger();
  // Runs right before the injected failure, on the thread of the failing subtask.
  private static volatile Runnable beforeFailure = () -> { };

  /**
   * Throws once in subtask 0 when the test armed it, after running {@link #beforeFailure}; counts
   * the subtasks that open.
   */
  static final class FailWhenArmed extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(OpenContext context) {
      OPENED.incrementAndGet();
    }

    @Override
    public Long map(Long value) {
      if (getRuntimeContext().getTaskInfo().indexOfThisSubtask() == 0 && ARMED.compareAndSet(true, false)) {
        beforeFailure.run();
        throw new IllegalStateException("injected failure");
      }
      return value;
    }
  }

  private static JobGraph endlessJob(boolean restart) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    if (restart) {
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
    }
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
        WatermarkStrategy.noWatermarks(), "endless").rebalance().map(new FailWhenArmed()).discard();
    return JobGraphGenerator.generate(env.getStreamGraph("endless"));
  }

  @Test
  void cancellingAJobWithSubtasksOnADeadTaskExecutorEndsAtOnce() throws Exception {
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(3, 1, 1, 16, 64))) {
      cluster.start();
      JobGraph job = endlessJob(false);
      DispatcherGateway dispatcher = cluster.getDispatcherGateway();
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job gets going on every TaskExecutor", () -> runningWithRecords(cluster));

      cluster.killTaskExecutor(2); // the ResourceManager would notice only after the default 50 s
      dispatcher.cancelJob(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);

      JobResult result = dispatcher.requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
    }
  }

  @Test
  void aRestartGetsSlotsWithoutTheDeadTaskExecutorLongBeforeTheHeartbeatTimeout() throws Exception {
    // Ten minutes: only the JobMaster's report, checked by the ResourceManager, can drop it in time.
    MiniClusterConfiguration shape = new MiniClusterConfiguration(3, 2, 1, 16, 64)
        .withHeartbeat(new HeartbeatSettings(50, 600_000));
    try (MiniCluster cluster = new MiniCluster(shape)) {
      cluster.start();
      OPENED.set(0);
      JobGraph job = endlessJob(true);
      DispatcherGateway dispatcher = cluster.getDispatcherGateway();
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job gets going on every TaskExecutor", () -> runningWithRecords(cluster) && OPENED.get() == 3);

      // Subtask 0 runs on taskexecutor-0; it kills taskexecutor-1 and fails at once, so cancelling the
      // others finds taskexecutor-1 gone long before the ResourceManager's heartbeat timeout.
      beforeFailure = () -> cluster.killTaskExecutor(1);
      ARMED.set(true);

      Await.until(WAIT, "the job is redeployed", () -> OPENED.get() == 6);
      assertThat(cluster.getResourceManagerGateway().requestTaskExecutors().get())
          .as("redeployed once the ResourceManager had dropped it, on the JobMaster's report")
          .extracting(RegisteredTaskExecutor::address).containsExactly("taskexecutor-0", "taskexecutor-2");
      // The loss came to light while the job was already restarting, so it is not a failure of its own.
      assertThat(dispatcher.requestExceptionHistory(job.jobId()).get()).extracting(ExceptionHistoryEntry::description)
          .singleElement().asString().contains("injected failure");
      Await.until(WAIT, "the job runs again", () -> runningWithRecords(cluster));
      dispatcher.cancelJob(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      JobResult result = dispatcher.requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
      assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    } finally {
      ARMED.set(false);
      beforeFailure = () -> { };
    }
  }

  @Test
  void aDeploymentToATaskExecutorThatCannotBeReachedFailsOverToTheOthers() throws Exception {
    MiniClusterConfiguration shape = new MiniClusterConfiguration(3, 1, 1, 16, 64)
        .withHeartbeat(new HeartbeatSettings(50, 1_000));
    try (MiniCluster cluster = new MiniCluster(shape)) {
      cluster.start();
      cluster.addTaskExecutor(); // a spare, so that three slots remain without the dead one
      // Dead before the job arrives, and still registered: the first deployment reaches for it.
      cluster.killTaskExecutor(1);
      JobGraph job = endlessJob(true);
      DispatcherGateway dispatcher = cluster.getDispatcherGateway();
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);

      Await.until(WAIT, "the job runs on the TaskExecutors that answer", () -> runningWithRecords(cluster));
      assertThat(dispatcher.requestExceptionHistory(job.jobId()).get()).extracting(ExceptionHistoryEntry::description)
          .anySatisfy(description -> assertThat(description).contains("taskexecutor-1").contains("cannot be reached"));
      dispatcher.cancelJob(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(dispatcher.requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS).status())
          .isEqualTo(JobStatus.CANCELED);
    }
  }

  @Test
  void losingATaskExecutorRestartsEveryPipelineOnNewSlots() throws Exception {
    MiniClusterConfiguration shape = new MiniClusterConfiguration(3, 1, 1, 16, 64)
        .withHeartbeat(new HeartbeatSettings(50, 1_000));
    try (MiniCluster cluster = new MiniCluster(shape)) {
      cluster.start();
      OPENED.set(0);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
      // Two pipelines that share no vertex: two pipelined regions, both with subtasks on every TaskExecutor.
      for (String name : new String[] {"first", "second"}) {
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
            WatermarkStrategy.noWatermarks(), name).rebalance().map(new FailWhenArmed()).discard();
      }
      JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("two endless pipelines"));
      DispatcherGateway dispatcher = cluster.getDispatcherGateway();
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job gets going on every TaskExecutor", () -> runningWithRecords(cluster) && OPENED.get() == 6);
      cluster.addTaskExecutor(); // a spare, so that three slots remain without the dead one

      cluster.killTaskExecutor(1);

      // Its slots are gone and the job asks for all of its slots again: both regions restart.
      Await.until(WAIT, "the job is redeployed", () -> OPENED.get() >= 12);
      Await.until(WAIT, "the job runs again", () -> runningWithRecords(cluster));
      assertThat(OPENED.get()).isEqualTo(12);
      assertThat(dispatcher.requestExceptionHistory(job.jobId()).get()).extracting(ExceptionHistoryEntry::description)
          .singleElement().asString().contains("taskexecutor-1");
      dispatcher.cancelJob(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      JobResult result = dispatcher.requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
      assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    }
  }

  /** Counts the subtasks that open, per name. */
  static final class CountOpens extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    static final java.util.Map<String, AtomicInteger> OPENS = new java.util.concurrent.ConcurrentHashMap<>();
    private final String name;

    CountOpens(String name) {
      this.name = name;
    }

    @Override
    public void open(OpenContext context) {
      OPENS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public Long map(Long value) {
      return value;
    }

    static int of(String name) {
      AtomicInteger opens = OPENS.get(name);
      return opens == null ? 0 : opens.get();
    }
  }

  @Test
  void losingATaskExecutorRestartsOnlyTheRegionsThatRanThereOnAReplacementSlot() throws Exception {
    MiniClusterConfiguration shape = new MiniClusterConfiguration(3, 1, 1, 16, 64)
        .withHeartbeat(new HeartbeatSettings(50, 1_000));
    CountOpens.OPENS.clear();
    try (MiniCluster cluster = new MiniCluster(shape)) {
      cluster.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
      // Slot i runs subtask i of each pipeline: the narrow one lives in slot 0 only, the wide one in all three.
      env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
          WatermarkStrategy.noWatermarks(), "narrow").setParallelism(1)
          .map(new CountOpens("narrow")).setParallelism(1).discard().setParallelism(1);
      env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
          WatermarkStrategy.noWatermarks(), "wide").rebalance().map(new CountOpens("wide")).discard();
      JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("narrow and wide"));
      DispatcherGateway dispatcher = cluster.getDispatcherGateway();
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Await.until(WAIT, "the job gets going", () -> runningWithRecords(cluster) && CountOpens.of("narrow") == 1
          && CountOpens.of("wide") == 3);
      String spare = cluster.addTaskExecutor();

      cluster.killTaskExecutor(2); // slot 2: a subtask of the wide pipeline only

      Await.until(WAIT, "the wide pipeline is redeployed", () -> CountOpens.of("wide") == 6);
      Await.until(WAIT, "the job runs again", () -> runningWithRecords(cluster));
      assertThat(CountOpens.of("narrow")).as("the narrow pipeline ran on untouched").isEqualTo(1);
      assertThat(CountOpens.of("wide")).isEqualTo(6);
      assertThat(cluster.getResourceManagerGateway().requestTaskExecutors().get())
          .as("the spare holds the replacement slot").filteredOn(te -> te.address().equals(spare))
          .singleElement().extracting(RegisteredTaskExecutor::freeSlots).isEqualTo(0);
      assertThat(dispatcher.requestExceptionHistory(job.jobId()).get()).extracting(ExceptionHistoryEntry::description)
          .singleElement().asString().contains("taskexecutor-2");
      dispatcher.cancelJob(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      JobResult result = dispatcher.requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
      assertThat(result.counters().get(JobResult.RESTARTS)).isEqualTo(1L);
    }
  }

  private static boolean runningWithRecords(MiniCluster cluster) throws Exception {
    return cluster.getDispatcherGateway().requestJobOverviews().get().stream()
        .anyMatch(job -> job.status() == JobStatus.RUNNING && job.recordsProcessed() > 10_000);
  }
}
