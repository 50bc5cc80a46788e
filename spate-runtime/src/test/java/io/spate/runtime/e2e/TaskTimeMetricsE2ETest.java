package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.metrics.Gauge;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Busy, backpressured and idle time of the tasks of running jobs, read through a reporter. */
class TaskTimeMetricsE2ETest {

  private static Long slowly(Long value) throws InterruptedException {
    Thread.sleep(1);
    return value;
  }

  @Test
  void aSlowSinkIsBusyAndTheUnthrottledSourceFeedingItIsBackpressured() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.fromSequence(1, Long.MAX_VALUE).name("numbers")
        .rebalance()
        .map(TaskTimeMetricsE2ETest::slowly).name("slow")
        .discard();
    JobClient client = env.executeAsync("slow sink");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "the sink busy and its source backpressured",
          () -> taskGauge(reporter, "slow", "busyTimeMsPerSecond") > 500
              && taskGauge(reporter, "numbers", "backPressuredTimeMsPerSecond") > 500);
      // The three gauges are read one after the other: a read may straddle the meters' update and add
      // up parts of two seconds, so the sum is checked on the next reads until one is consistent.
      Await.untilPasses(Duration.ofSeconds(30), "the sink's busy, backpressured and idle time adding up to a second",
          () -> assertThat(taskGauge(reporter, "slow", "busyTimeMsPerSecond")
              + taskGauge(reporter, "slow", "backPressuredTimeMsPerSecond")
              + taskGauge(reporter, "slow", "idleTimeMsPerSecond")).isBetween(990L, 1010L));
      // It discards what it maps: nothing holds it up.
      assertThat(taskGauge(reporter, "slow", "backPressuredTimeMsPerSecond")).isLessThan(100);
      assertThat(taskGauge(reporter, "numbers", "busyTimeMsPerSecond")).isLessThan(500);
      assertThat(taskGauge(reporter, "numbers", "softBackPressuredTimeMsPerSecond")).isGreaterThan(400);
      assertThat(taskGauge(reporter, "numbers", "hardBackPressuredTimeMsPerSecond")).isZero();
      // The queue between them is full: the source's output and the sink's input.
      assertThat(taskValue(reporter, "numbers", "outPoolUsage").doubleValue()).isGreaterThan(0.5);
      assertThat(taskGauge(reporter, "numbers", "outputQueueLength")).isPositive();
      assertThat(taskValue(reporter, "slow", "inPoolUsage").doubleValue()).isGreaterThan(0.5);
      assertThat(taskGauge(reporter, "slow", "inputQueueLength")).isPositive();
      assertThat(taskValue(reporter, "slow", "outPoolUsage").doubleValue()).isZero(); // it has no output channel
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void anUnthrottledSourceIsBusy() throws Exception {
    // A job of its own: a task that sleeps would hold the worker this source may share with it.
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.fromSequence(1, Long.MAX_VALUE).name("fast numbers").discard();
    JobClient client = env.executeAsync("busy");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "the fast source busy",
          () -> taskGauge(reporter, "fast numbers", "busyTimeMsPerSecond") > 500);
      assertThat(taskGauge(reporter, "fast numbers", "backPressuredTimeMsPerSecond")).isLessThan(100);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aConsumerItsSourceStarvesIsIdle() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.fromSequence(1, Long.MAX_VALUE).name("slow numbers")
        .map(TaskTimeMetricsE2ETest::slowly).name("throttle")
        .rebalance()
        .filter(x -> x % 2 == 0).name("starved")
        .discard();
    JobClient client = env.executeAsync("idle");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "the starved consumer idle",
          () -> taskGauge(reporter, "starved", "idleTimeMsPerSecond") > 500);
      assertThat(taskGauge(reporter, "starved", "busyTimeMsPerSecond")).isLessThan(500);
      assertThat(taskGauge(reporter, "starved", "backPressuredTimeMsPerSecond")).isLessThan(100);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  /** The value of the task gauge {@code name} of the one running subtask whose task name contains {@code task}. */
  static long taskGauge(RecordingReporter reporter, String task, String name) {
    Number value = taskValue(reporter, task, name);
    return value == null ? -1 : value.longValue();
  }

  static Number taskValue(RecordingReporter reporter, String task, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name) && !s.variables().containsKey("<operator_id>")
            && s.variables().getOrDefault("<task_name>", "").contains(task)
            && !reporter.removed.contains(s))
        .map(s -> (Number) ((Gauge<?>) s.metric()).getValue())
        .findFirst().orElse(null);
  }
}
