package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.checkpoint.storage.MemoryCheckpointStorage;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether recovery may go back past a checkpoint that subtasks could not read: only for the job's own
 * checkpoints (also the one a new leader resumed it from), only as far as
 * {@code execution.checkpointing.tolerable-corrupt-checkpoints} allows, and never for a snapshot a
 * user started the job from.
 */
class UnreadableCheckpointDecisionTest {

  @TempDir
  Path dir;

  private JobGraph job;

  private CheckpointCoordinator coordinator(int tolerableCorrupt, CompletedCheckpointStore store) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(10));
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
    conf.set(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS, tolerableCorrupt);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.fromSequence(0, 9).discard();
    job = JobGraphGenerator.generate(env.getStreamGraph("decisions"));
    CheckpointSettings settings = CheckpointSettings.from(conf);
    return new CheckpointCoordinator(job, settings, new MemoryCheckpointStorage(settings), new QuietParticipants(null),
        (action, delay) -> { }, Runnable::run, Runnable::run, failure -> { }, store);
  }

  private static Path checkpoint(Path jobDirectory, long id) throws IOException {
    Path directory = Files.createDirectories(jobDirectory.resolve("chk-" + id));
    Files.write(directory.resolve("_metadata"), MetadataSerializer.serialize(
        new CheckpointMetadata(id, 1000 + id, CheckpointType.CHECKPOINT, Map.of()), directory));
    return directory;
  }

  /** Records checkpoints 3 and 4, as a leader that ran the job before did. */
  private static final class Recorded implements CompletedCheckpointStore {
    final NavigableMap<Long, String> records = new TreeMap<>();

    @Override
    public void add(long checkpointId, String pointer) {
      records.put(checkpointId, pointer);
    }

    @Override
    public boolean remove(long checkpointId) {
      records.remove(checkpointId);
      return true;
    }

    @Override
    public NavigableMap<Long, String> recorded() {
      return new TreeMap<>(records);
    }
  }

  /** As a new leader resumes the job: claiming its newest recorded checkpoint, with the older one retained. */
  private CheckpointMetadata resumeOwnCheckpoint(CheckpointCoordinator coordinator, Recorded store)
      throws IOException {
    Path jobDirectory = dir.resolve(job.jobId().toString());
    store.add(3, checkpoint(jobDirectory, 3).toString());
    Path newest = checkpoint(jobDirectory, 4);
    store.add(4, newest.toString());
    coordinator.takeOverRecorded(4, newest);
    CheckpointPaths.Loaded loaded = CheckpointPaths.loadResolved(newest.toString());
    coordinator.setRestoredFrom(loaded.metadata(), newest.toString(), CheckpointPaths.existing(newest));
    return loaded.metadata();
  }

  @Test
  void theCheckpointANewLeaderResumedFromIsSkippedOnlyAsFarAsTheOptionAllows() throws IOException {
    Recorded store = new Recorded();
    CheckpointCoordinator coordinator = coordinator(1, store);
    CheckpointMetadata resumed = resumeOwnCheckpoint(coordinator, store);
    assertThat(coordinator.latestForRecovery()).isSameAs(resumed);

    assertThat(coordinator.skipUnreadable(resumed, "checksum mismatch")).isNull();
    CheckpointMetadata older = coordinator.latestForRecovery();
    assertThat(older.checkpointId()).isEqualTo(3);
    // Another subtask that read the same checkpoint changes nothing.
    assertThat(coordinator.skipUnreadable(resumed, "checksum mismatch")).isNull();
    assertThat(coordinator.latestForRecovery()).isSameAs(older);

    assertThat(coordinator.skipUnreadable(older, "checksum mismatch"))
        .contains("execution.checkpointing.tolerable-corrupt-checkpoints: 1")
        .contains("skipped in a row already: 1");
    assertThat(coordinator.latestForRecovery()).isSameAs(older);
  }

  @Test
  void byDefaultNoCheckpointIsSkipped() throws IOException {
    Recorded store = new Recorded();
    CheckpointCoordinator coordinator = coordinator(0, store);
    CheckpointMetadata resumed = resumeOwnCheckpoint(coordinator, store);

    assertThat(coordinator.skipUnreadable(resumed, "checksum mismatch"))
        .contains("does not go back to an older checkpoint")
        .contains("execution.checkpointing.tolerable-corrupt-checkpoints: 0");
    assertThat(coordinator.latestForRecovery()).isSameAs(resumed);
  }

  @Test
  void aSnapshotAUserStartedTheJobFromIsNeverSkipped() throws IOException {
    CheckpointCoordinator coordinator = coordinator(5, CompletedCheckpointStore.NONE);
    Path savepoint = checkpoint(dir.resolve("elsewhere"), 4);
    CheckpointMetadata chosen = CheckpointPaths.load(savepoint.toString());
    coordinator.setRestoredFrom(chosen, savepoint.toString(), null);

    assertThat(coordinator.skipUnreadable(chosen, "checksum mismatch"))
        .contains("the job was started from it (execution.savepoint.path)");
    assertThat(coordinator.latestForRecovery()).isSameAs(chosen);
    assertThat(coordinator.describe(chosen)).isEqualTo("checkpoint 4 at " + savepoint);
  }
}
