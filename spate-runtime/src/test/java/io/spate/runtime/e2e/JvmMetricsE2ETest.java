package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.metrics.Gauge;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The JVM metrics of the embedded cluster's TaskManager and JobManager, under Flink's names. */
class JvmMetricsE2ETest {

  @Test
  void directBuffersMetaspaceAndCpuAreReportedWithTheirValues() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.fromSequence(1, 100).discard();
    env.execute("jvm");
    RecordingReporter reporter = RecordingReporter.withId(id);

    long directBefore = tmGauge(reporter, "Status.JVM.Memory.Direct.MemoryUsed").longValue();
    long countBefore = tmGauge(reporter, "Status.JVM.Memory.Direct.Count").longValue();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    assertThat(tmGauge(reporter, "Status.JVM.Memory.Direct.MemoryUsed").longValue())
        .isGreaterThanOrEqualTo(directBefore + (1 << 20));
    assertThat(tmGauge(reporter, "Status.JVM.Memory.Direct.Count").longValue()).isEqualTo(countBefore + 1);
    assertThat(tmGauge(reporter, "Status.JVM.Memory.Direct.TotalCapacity").longValue())
        .isGreaterThanOrEqualTo(buffer.capacity());
    assertThat(tmGauge(reporter, "Status.JVM.Memory.Mapped.Count").longValue()).isNotNegative();
    long metaspaceUsed = tmGauge(reporter, "Status.JVM.Memory.Metaspace.Used").longValue();
    assertThat(metaspaceUsed).isPositive()
        .isLessThanOrEqualTo(tmGauge(reporter, "Status.JVM.Memory.Metaspace.Committed").longValue());
    assertThat(tmGauge(reporter, "Status.JVM.CPU.Time").longValue()).isPositive();
    assertThat(tmGauge(reporter, "Status.JVM.CPU.Load").doubleValue()).isBetween(-1.0, 1.0); // -1: not known yet
    assertThat(tmGauge(reporter, "Status.JVM.ClassLoader.ClassesUnloaded").longValue()).isNotNegative();
    assertThat(reporter.added).extracting(RecordingReporter.Seen::identifier)
        .anyMatch(i -> i.endsWith(".jobmanager.Status.JVM.Memory.Direct.MemoryUsed"))
        .anyMatch(i -> i.endsWith(".jobmanager.Status.JVM.Memory.Metaspace.Used"));
  }

  private static Number tmGauge(RecordingReporter reporter, String name) {
    return reporter.added.stream()
        .filter(s -> s.identifier().endsWith(".taskmanager.taskexecutor-0." + name))
        .map(s -> (Number) ((Gauge<?>) s.metric()).getValue())
        .findFirst().orElseThrow(() -> new AssertionError("no metric " + name + " on the TaskManager"));
  }
}
