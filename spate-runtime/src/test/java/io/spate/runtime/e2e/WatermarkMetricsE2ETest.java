package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.metrics.Gauge;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watermarks operators and tasks emit and receive, read through a reporter while a job runs. */
class WatermarkMetricsE2ETest {

  @Test
  void eachOperatorReportsTheWatermarkItEmittedAndItsConsumerTheOneItReceived() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(20));
    env.fromSequence(1, Long.MAX_VALUE).name("numbers")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((value, previous) -> value)).name("stamped")
        .map(x -> x).name("chained")
        .rebalance()
        .map(x -> x).name("after")
        .discard();
    JobClient client = env.executeAsync("watermarks");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "watermarks past 1000 at the far end",
          () -> operatorGauge(reporter, "after", "currentInputWatermark") > 1000);
      long downstream = operatorGauge(reporter, "after", "currentInputWatermark");
      // Read upstream after downstream: a watermark reaches the far end after it left the source's task.
      assertThat(operatorGauge(reporter, "stamped", "currentOutputWatermark")).isGreaterThanOrEqualTo(downstream);
      assertThat(operatorGauge(reporter, "chained", "currentInputWatermark")).isGreaterThanOrEqualTo(downstream);
      assertThat(operatorGauge(reporter, "chained", "currentOutputWatermark")).isGreaterThanOrEqualTo(downstream);
      assertThat(operatorGauge(reporter, "numbers", "currentOutputWatermark"))
          .as("the source emits no watermarks of its own here").isEqualTo(Long.MIN_VALUE);
      assertThat(taskGauge(reporter, "stamped", "currentOutputWatermark")).isGreaterThanOrEqualTo(downstream);
      assertThat(taskGauge(reporter, "after", "currentInputWatermark")).isGreaterThanOrEqualTo(downstream);
      assertThat(taskGauge(reporter, "after", "currentOutputWatermark"))
          .as("not registered on a subtask that writes to no channel").isEqualTo(-1);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  private static long operatorGauge(RecordingReporter reporter, String operator, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name) && operator.equals(s.variables().get("<operator_name>")))
        .mapToLong(s -> ((Number) ((Gauge<?>) s.metric()).getValue()).longValue())
        .findFirst().orElse(-1);
  }

  private static long taskGauge(RecordingReporter reporter, String task, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name) && !s.variables().containsKey("<operator_id>")
            && s.variables().getOrDefault("<task_name>", "").contains(task))
        .mapToLong(s -> ((Number) ((Gauge<?>) s.metric()).getValue()).longValue())
        .findFirst().orElse(-1);
  }
}
