package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Metric;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.groups.JobManagerJobMetricGroup;
import io.spate.runtime.metrics.groups.JobManagerMetricGroup;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint gauges a coordinator registers on its job's JobManager group. */
class CheckpointMetricsTest {

  @TempDir
  Path dir;

  private final List<Runnable> scheduled = new ArrayList<>();

  @Test
  void theGaugesCountCompletedAndFailedCheckpointsAndDescribeTheLastCompletedOne() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(10));
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
    conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 5);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.fromSequence(0, 9).discard();
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("measured"));
    ExecutionAttemptID source = new ExecutionAttemptID(job.jobId(), 1, 0, 0);
    CheckpointSettings settings = CheckpointSettings.from(conf);
    CheckpointCoordinator coordinator = new CheckpointCoordinator(job, settings,
        CheckpointStorage.forJob(settings, job.jobId()), new QuietParticipants(List.of(source)),
        (action, delay) -> scheduled.add(action), Runnable::run, Runnable::run,
        failure -> { throw new AssertionError("the job failed", failure); }, CompletedCheckpointStore.NONE);
    try (MetricRegistry registry = MetricRegistry.withoutReporters()) {
      JobManagerJobMetricGroup group = new JobManagerMetricGroup(registry, "h").addJob(job.jobId(), "measured");
      coordinator.registerMetrics(group);
      Map<String, Metric> gauges = group.metrics();
      assertThat(gauges).containsOnlyKeys("numberOfCompletedCheckpoints", "numberOfFailedCheckpoints",
          "lastCheckpointDuration", "lastCheckpointSize", "lastCheckpointFullSize", "numberOfInProgressCheckpoints",
          "totalNumberOfCheckpoints", "lastCheckpointRestoreTimestamp");
      assertThat(value(gauges, "lastCheckpointRestoreTimestamp")).isEqualTo(-1);
      assertThat(value(gauges, "numberOfCompletedCheckpoints")).isZero();
      assertThat(value(gauges, "lastCheckpointSize")).isEqualTo(-1);

      coordinator.startPeriodicCheckpoints();
      startCheckpoint(coordinator, 1);
      assertThat(value(gauges, "numberOfInProgressCheckpoints")).isEqualTo(1);
      coordinator.decline(source, 1, DeclineKind.FAILED, "the disk is full");
      assertThat(value(gauges, "numberOfFailedCheckpoints")).isEqualTo(1);
      assertThat(value(gauges, "numberOfCompletedCheckpoints")).isZero();

      startCheckpoint(coordinator, 2);
      coordinator.acknowledge(source, 2, Map.of(), new TaskCheckpointMetrics(0, 0, 0, 300, 0, 100));
      assertThat(value(gauges, "numberOfCompletedCheckpoints")).isEqualTo(1);
      assertThat(value(gauges, "numberOfFailedCheckpoints")).isEqualTo(1);
      assertThat(value(gauges, "lastCheckpointSize")).isEqualTo(100);
      assertThat(value(gauges, "lastCheckpointFullSize")).isEqualTo(300);
      assertThat(value(gauges, "lastCheckpointDuration")).isNotNegative();
      assertThat(value(gauges, "numberOfInProgressCheckpoints")).isZero();
      assertThat(value(gauges, "totalNumberOfCheckpoints")).isEqualTo(2);
    }
  }

  private void startCheckpoint(CheckpointCoordinator coordinator, long id) {
    // The scheduler also holds timeouts of earlier checkpoints: run its actions until checkpoint id starts.
    for (int i = 0; i < 100 && coordinator.statistics().stream().noneMatch(s -> s.checkpointId() == id); i++) {
      assertThat(scheduled).as("scheduled actions before checkpoint " + id + " starts").isNotEmpty();
      scheduled.remove(0).run();
    }
    assertThat(coordinator.statistics()).anyMatch(s -> s.checkpointId() == id);
  }

  private static long value(Map<String, Metric> gauges, String name) {
    return (Long) ((Gauge<?>) gauges.get(name)).getValue();
  }
}
