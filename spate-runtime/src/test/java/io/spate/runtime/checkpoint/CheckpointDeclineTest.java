package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.storage.MemoryCheckpointStorage;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A declined checkpoint counts against the tolerable failed checkpoints only when the subtask could
 * not take its part; a subtask that was ending, or whose checkpoint a later one overtook, declines
 * without failing the job.
 */
class CheckpointDeclineTest {

  private final List<Runnable> scheduled = new ArrayList<>();
  private final List<Throwable> jobFailures = new ArrayList<>();

  @ParameterizedTest
  @EnumSource(DeclineKind.class)
  void onlyAFailedSubtaskCountsAgainstTheTolerableFailures(DeclineKind kind) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(10));
    conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.fromSequence(0, 9).discard();
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("declines"));
    ExecutionAttemptID source = new ExecutionAttemptID(job.jobId(), 1, 0, 0);
    CheckpointSettings settings = CheckpointSettings.from(conf);
    CheckpointCoordinator coordinator = new CheckpointCoordinator(job, settings,
        new MemoryCheckpointStorage(settings), new QuietParticipants(List.of(source)), (action, delay) -> scheduled.add(action),
        Runnable::run, Runnable::run, jobFailures::add, CompletedCheckpointStore.NONE);

    coordinator.startPeriodicCheckpoints();
    scheduled.remove(0).run(); // the first periodic trigger
    coordinator.decline(source, 1, kind, "task 'Sequence Source' (subtask 1/1): " + kind);

    CheckpointStatistics declined = coordinator.statistics().get(0);
    assertThat(declined.status()).isEqualTo(CheckpointStatistics.Status.FAILED);
    assertThat(declined.failureReason()).contains("a subtask declined it").contains(kind.name());
    if (kind.countsAsFailure()) {
      assertThat(jobFailures).singleElement().satisfies(failure -> assertThat(failure)
          .hasMessageContaining("more checkpoints failed in a row than the 0 tolerated").hasMessageContaining(kind.name()));
    } else {
      assertThat(jobFailures).isEmpty();
    }
  }
}
