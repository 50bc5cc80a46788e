package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that ends while a checkpoint is being finalized, after the store recorded it but before the
 * coordinator heard so: records for recovery and files on disk must still agree.
 */
class FinalizingCheckpointShutdownTest {

  @TempDir
  Path dir;

  private final Queue<Runnable> mainThread = new ArrayDeque<>();
  private final Queue<Runnable> io = new ArrayDeque<>();
  private final List<Runnable> scheduled = new ArrayList<>();
  private final NavigableMap<Long, String> records = new TreeMap<>();
  private ExecutionAttemptID source;
  // The checkpoint whose record the store refuses, as a store does once its JobManager no longer leads.
  private long refused = -1;

  @Test
  void aRecordedCheckpointIsKeptAndSubsumesAsIfItHadCompleted() throws Exception {
    CheckpointCoordinator coordinator = coordinator(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    complete(coordinator, 1);
    complete(coordinator, 2);
    assertThat(records).containsOnlyKeys(1L, 2L);

    trigger(coordinator, 3);
    io.remove().run(); // writes checkpoint 3's metadata and records it; its completion waits on the main thread
    assertThat(records).containsOnlyKeys(1L, 2L, 3L);
    coordinator.shutdown(JobStatus.CANCELED);
    drain();

    assertThat(records).containsOnlyKeys(2L, 3L);
    assertThat(records.values()).allSatisfy(pointer -> assertThat(Path.of(pointer).resolve("_metadata")).exists());
    assertThat(Path.of(records.firstEntry().getValue()).resolveSibling("chk-1")).doesNotExist();
  }

  @Test
  void aCheckpointTheStoreRefusedIsDeleted() throws Exception {
    CheckpointCoordinator coordinator = coordinator(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    complete(coordinator, 1);
    refused = 2;
    trigger(coordinator, 2);
    coordinator.shutdown(JobStatus.CANCELED); // before its metadata write and record ran; the record fails
    drain();

    assertThat(records).containsOnlyKeys(1L);
    Path jobDirectory = Path.of(records.firstEntry().getValue()).getParent();
    assertThat(Path.of(records.firstEntry().getValue()).resolve("_metadata")).exists();
    assertThat(jobDirectory.resolve("chk-2").resolve("_metadata")).doesNotExist();
  }

  @Test
  void aSavepointEveryTaskAcknowledgedCompletesThoughTheJobEndsWhileItsMetadataIsWritten() throws Exception {
    CheckpointCoordinator coordinator = coordinator(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
    coordinator.stopPeriodicCheckpoints();
    java.util.concurrent.CompletableFuture<String> savepoint =
        coordinator.triggerSavepoint(dir.resolve("savepoints").toString(),
            CheckpointType.SAVEPOINT);
    long id = coordinator.statistics().get(coordinator.statistics().size() - 1).checkpointId();
    coordinator.acknowledge(source, id, Map.of(), new TaskCheckpointMetrics(0, 0, 0, 0, 0));
    drainMainThread();
    coordinator.shutdown(JobStatus.FINISHED); // the metadata write is still queued
    drain();

    assertThat(savepoint).isCompleted();
    assertThat(Path.of(savepoint.get()).resolve("_metadata")).exists();
  }

  private CheckpointCoordinator coordinator(ExternalizedCheckpointRetention retention) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(10));
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
    conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, retention);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.fromSequence(0, 9).discard();
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("finalizing"));
    CheckpointSettings settings = CheckpointSettings.from(conf);
    source = new ExecutionAttemptID(job.jobId(), 1, 0, 0);
    CompletedCheckpointStore store = new CompletedCheckpointStore() {
      @Override
      public void add(long checkpointId, String pointer) throws IOException {
        if (checkpointId == refused) {
          throw new IOException("this JobManager no longer leads");
        }
        records.put(checkpointId, pointer);
      }

      @Override
      public boolean remove(long checkpointId) {
        records.remove(checkpointId);
        return true;
      }
    };
    CheckpointCoordinator coordinator = new CheckpointCoordinator(job, settings, CheckpointStorage.forJob(settings,
        job.jobId()), new QuietParticipants(List.of(source)), (action, delay) -> scheduled.add(action), mainThread::add, io::add,
        failure -> { throw new AssertionError("the job failed", failure); }, store);
    coordinator.startPeriodicCheckpoints();
    return coordinator;
  }

  private void trigger(CheckpointCoordinator coordinator, long expectedId) {
    // The scheduler also holds timeouts of earlier checkpoints: run its actions until the next one starts.
    while (coordinator.statistics().stream().noneMatch(s -> s.checkpointId() == expectedId)) {
      assertThat(scheduled).as("scheduled actions before checkpoint " + expectedId + " starts").isNotEmpty();
      scheduled.remove(0).run();
      drainMainThread();
    }
    coordinator.acknowledge(source, expectedId, Map.of(), new TaskCheckpointMetrics(0, 0, 0, 0, 0));
    drainMainThread();
  }

  private void complete(CheckpointCoordinator coordinator, long expectedId) {
    trigger(coordinator, expectedId);
    drain();
  }

  private void drainMainThread() {
    for (Runnable r; (r = mainThread.poll()) != null; ) {
      r.run();
    }
  }

  /** Runs what both threads have queued, including what they queue for each other, until both are idle. */
  private void drain() {
    for (int round = 0; round < 100 && !(io.isEmpty() && mainThread.isEmpty()); round++) {
      for (Runnable r; (r = io.poll()) != null; ) {
        r.run();
      }
      drainMainThread();
    }
    assertThat(io).isEmpty();
    assertThat(mainThread).isEmpty();
  }
}
