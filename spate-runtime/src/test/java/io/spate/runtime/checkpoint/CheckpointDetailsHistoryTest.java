package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator records each subtask's acknowledgement of a checkpoint, keeps those of the latest
 * {@code web.checkpoints.history} that ended, and keeps the latest savepoint apart from that history.
 */
class CheckpointDetailsHistoryTest {

  @TempDir
  Path dir;

  private final List<Runnable> scheduled = new ArrayList<>();
  private ExecutionAttemptID first;
  private ExecutionAttemptID second;

  private CheckpointCoordinator coordinator() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(10));
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
    conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 100);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.fromSequence(0, 9).setParallelism(2).discard();
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("detailed"));
    first = new ExecutionAttemptID(job.jobId(), 1, 0, 0);
    second = new ExecutionAttemptID(job.jobId(), 1, 1, 0);
    CheckpointSettings settings = CheckpointSettings.from(conf);
    return new CheckpointCoordinator(job, settings, CheckpointStorage.forJob(settings, job.jobId()),
        new QuietParticipants(List.of(first, second)), (action, delay) -> scheduled.add(action), Runnable::run,
        Runnable::run, failure -> { throw new AssertionError("the job failed", failure); },
        CompletedCheckpointStore.NONE);
  }

  @Test
  void eachAcknowledgementIsRecordedWithItsFigures() {
    CheckpointCoordinator coordinator = coordinator();
    coordinator.startPeriodicCheckpoints();
    startCheckpoint(coordinator, 1);
    long beforeAck = System.currentTimeMillis();
    coordinator.acknowledge(second, 1, Map.of(), new TaskCheckpointMetrics(7, 2, 3, 300, 11, 100, false, 5, true));

    CheckpointDetails pending = coordinator.statsSnapshot("hashmap").find(1);
    assertThat(pending.statistics().status()).isEqualTo(CheckpointStatistics.Status.IN_PROGRESS);
    assertThat(pending.subtasksByVertex()).isEqualTo(Map.of(1, 2));
    assertThat(pending.acknowledged()).singleElement().satisfies(ack -> {
      assertThat(ack.vertexId()).isEqualTo(1);
      assertThat(ack.subtaskIndex()).isEqualTo(1);
      assertThat(ack.ackTimestamp()).isBetween(beforeAck, System.currentTimeMillis());
      assertThat(ack.ackTimestamp()).isGreaterThanOrEqualTo(pending.statistics().triggerTimestamp());
      assertThat(ack).extracting(SubtaskCheckpointStatistics::stateSize, SubtaskCheckpointStatistics::checkpointedSize,
          SubtaskCheckpointStatistics::alignmentMillis, SubtaskCheckpointStatistics::syncMillis,
          SubtaskCheckpointStatistics::asyncMillis, SubtaskCheckpointStatistics::startDelayMillis,
          SubtaskCheckpointStatistics::persistedInFlightBytes, SubtaskCheckpointStatistics::unaligned)
          .containsExactly(300L, 100L, 7L, 2L, 3L, 5L, 11L, true);
    });

    coordinator.acknowledge(first, 1, Map.of(), new TaskCheckpointMetrics(0, 1, 1, 50, 0));
    CheckpointStatsSnapshot snapshot = coordinator.statsSnapshot("rocksdb");
    CheckpointDetails completed = snapshot.find(1);
    assertThat(completed.statistics().status()).isEqualTo(CheckpointStatistics.Status.COMPLETED);
    assertThat(completed.acknowledged()).extracting(SubtaskCheckpointStatistics::subtaskIndex).containsExactly(1, 0);
    assertThat(completed.acknowledged().get(1).startDelayMillis()).isEqualTo(-1);
    assertThat(snapshot.completed()).isEqualTo(1);
    assertThat(snapshot.inProgress()).isZero();
    assertThat(snapshot.stateBackend()).isEqualTo("rocksdb");
    assertThat(snapshot.settings().interval()).isEqualTo(10);
  }

  @Test
  void onlyTheLatestEndedCheckpointsKeepTheirDetails() {
    CheckpointCoordinator coordinator = coordinator();
    coordinator.keepDetailsOf(2);
    coordinator.startPeriodicCheckpoints();
    for (long id = 1; id <= 4; id++) {
      startCheckpoint(coordinator, id);
      if (id == 3) {
        coordinator.decline(first, id, DeclineKind.FAILED, "the disk is full");
      } else {
        acknowledgeBoth(coordinator, id);
      }
    }
    startCheckpoint(coordinator, 5);
    CheckpointStatsSnapshot snapshot = coordinator.statsSnapshot("hashmap");
    assertThat(snapshot.details()).extracting(CheckpointDetails::checkpointId).containsExactly(3L, 4L, 5L);
    assertThat(snapshot.find(1)).isNull();
    assertThat(snapshot.find(3).statistics().status()).isEqualTo(CheckpointStatistics.Status.FAILED);
    assertThat(snapshot.failed()).isEqualTo(1);
    assertThat(snapshot.inProgress()).isEqualTo(1);
    assertThatThrownBy(() -> coordinator.keepDetailsOf(-1)).hasMessageContaining("web.checkpoints.history");
  }

  @Test
  void theLatestSavepointIsKeptAfterItLeftTheHistory() {
    CheckpointCoordinator coordinator = coordinator();
    coordinator.keepDetailsOf(1);
    coordinator.startPeriodicCheckpoints();
    assertThat(coordinator.statsSnapshot("hashmap").latestSavepoint()).isNull();
    CompletableFuture<String> savepoint = coordinator.triggerSavepoint(dir.resolve("savepoints").toString(),
        CheckpointType.SAVEPOINT);
    long savepointId = coordinator.statistics().get(0).checkpointId();
    acknowledgeBoth(coordinator, savepointId);
    assertThat(savepoint).isCompleted();
    for (long id = savepointId + 1; id <= savepointId + 25; id++) {
      startCheckpoint(coordinator, id);
      acknowledgeBoth(coordinator, id);
    }
    assertThat(coordinator.statistics()).noneMatch(CheckpointStatistics::savepoint);
    CheckpointStatsSnapshot snapshot = coordinator.statsSnapshot("hashmap");
    assertThat(snapshot.find(savepointId)).isNull();
    assertThat(snapshot.latestSavepoint().checkpointId()).isEqualTo(savepointId);
    assertThat(snapshot.latestSavepoint().savepoint()).isTrue();
    assertThat(snapshot.latestSavepoint().externalPath()).isEqualTo(savepoint.join());
  }

  private void acknowledgeBoth(CheckpointCoordinator coordinator, long id) {
    coordinator.acknowledge(first, id, Map.of(), new TaskCheckpointMetrics(0, 0, 0, 10, 0));
    coordinator.acknowledge(second, id, Map.of(), new TaskCheckpointMetrics(0, 0, 0, 20, 0));
  }

  private void startCheckpoint(CheckpointCoordinator coordinator, long id) {
    // The scheduler also holds timeouts of earlier checkpoints: run its actions until checkpoint id starts.
    for (int i = 0; i < 200 && coordinator.statistics().stream().noneMatch(s -> s.checkpointId() == id); i++) {
      assertThat(scheduled).as("scheduled actions before checkpoint " + id + " starts").isNotEmpty();
      scheduled.remove(0).run();
    }
    assertThat(coordinator.statistics()).anyMatch(s -> s.checkpointId() == id);
  }
}
