package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.metrics.Gauge;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The availability and checkpoint metrics of a job on the JobManager, through a failure and its restart. */
class JobMetricsE2ETest {

  private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
  // Set by the test once a checkpoint completed, so that the restart restores one.
  private static final AtomicBoolean FAIL_NOW = new AtomicBoolean();

  private static Long failOnce(Long value) {
    if (FAIL_NOW.get() && FAILED_ONCE.compareAndSet(false, true)) {
      throw new IllegalStateException("injected failure");
    }
    return value;
  }

  @Test
  void aJobThatFailedOnceAndRestartedReportsOneRestartItsRestartingTimeAndItsUptimeSince() throws Exception {
    FAILED_ONCE.set(false);
    FAIL_NOW.set(false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.getConfiguration().set(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY, JobManagerOptions.FailoverStrategy.FULL);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(300)));
    env.enableCheckpointing(50);
    env.fromSequence(1, Long.MAX_VALUE).map(JobMetricsE2ETest::failOnce).discard();
    long submitted = System.currentTimeMillis();
    JobClient client = env.executeAsync("restarted");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "a completed checkpoint",
          () -> jobGauge(reporter, "numberOfCompletedCheckpoints") >= 1);
      FAIL_NOW.set(true);
      Await.until(Duration.ofSeconds(60), "the job restarted from a checkpoint",
          () -> FAILED_ONCE.get() && jobGauge(reporter, "numRestarts") == 1 && jobGauge(reporter, "uptime") > 0
              && jobGauge(reporter, "lastCheckpointRestoreTimestamp") > 0);
      long restarting = jobGauge(reporter, "restartingTime");
      assertThat(restarting).as("restartingTime includes the 300 ms delay").isBetween(300L, 30_000L);
      assertThat(jobGauge(reporter, "downtime")).isZero();
      long uptime = jobGauge(reporter, "uptime");
      assertThat(uptime).isLessThanOrEqualTo(System.currentTimeMillis() - submitted - restarting);
      assertThat(jobGauge(reporter, "lastCheckpointRestoreTimestamp")).isBetween(submitted, System.currentTimeMillis());
      assertThat(jobGauge(reporter, "numberOfInProgressCheckpoints")).isBetween(0L, 1L);
      assertThat(jobGauge(reporter, "totalNumberOfCheckpoints"))
          .isGreaterThanOrEqualTo(jobGauge(reporter, "numberOfCompletedCheckpoints"));
      Thread.sleep(50);
      assertThat(jobGauge(reporter, "uptime")).as("uptime grows").isGreaterThan(uptime);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
    assertThat(jobGauge(reporter, "numRestarts")).isEqualTo(1);
  }

  @Test
  void eachTaskReportsHowLongItsLastCheckpointWaitedForItsStartAndItsBarriers() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.enableCheckpointing(50);
    env.fromSequence(1, Long.MAX_VALUE).name("numbers").rebalance().map(x -> x).name("aligned").discard();
    JobClient client = env.executeAsync("aligning");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      // Two input channels per subtask: the first barrier waits for the second.
      Await.until(Duration.ofSeconds(60), "an alignment and a delayed start measured",
          () -> TaskTimeMetricsE2ETest.taskGauge(reporter, "aligned", "checkpointAlignmentTime") > 0
              && TaskTimeMetricsE2ETest.taskGauge(reporter, "aligned", "checkpointStartDelayNanos") > 0);
      assertThat(TaskTimeMetricsE2ETest.taskGauge(reporter, "aligned", "checkpointAlignmentTime"))
          .isLessThan(Duration.ofSeconds(30).toNanos());
      assertThat(TaskTimeMetricsE2ETest.taskGauge(reporter, "aligned", "checkpointStartDelayNanos"))
          .isLessThan(Duration.ofSeconds(30).toNanos());
      assertThat(TaskTimeMetricsE2ETest.taskGauge(reporter, "numbers", "checkpointAlignmentTime"))
          .as("a source aligns nothing").isZero();
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  /** The value of the gauge {@code name} on the JobManager's group of job "restarted". */
  static long jobGauge(RecordingReporter reporter, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name) && s.identifier().contains(".jobmanager.restarted."))
        .mapToLong(s -> ((Number) ((Gauge<?>) s.metric()).getValue()).longValue())
        .findFirst().orElse(-2);
  }
}
