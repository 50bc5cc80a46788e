package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestoreMode;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that claims a snapshot deletes it once subsumed, but never a file its metadata names outside
 * the snapshot's own directories: metadata on disk may name any path.
 */
class ClaimedSnapshotDeletionTest {

  @TempDir
  Path dir;

  private MiniCluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64));
    cluster.start();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  @Test
  void aClaimedSnapshotIsDeletedButNotTheFilesItsMetadataNamesElsewhere() throws Exception {
    Path earlierJob = dir.resolve("earlier-job");
    Path claimed = Files.createDirectories(earlierJob.resolve("chk-5"));
    Path sharedFile = Files.writeString(Files.createDirectories(earlierJob.resolve("shared")).resolve("000001.sst-a"),
        "sst");
    Path victim = Files.writeString(dir.resolve("not-a-checkpoint-file.txt"), "keep me");
    Map<String, StreamStateHandle> sharedFiles = new LinkedHashMap<>();
    // The file outside first: by the time the shared file beside the snapshot is gone, its turn has passed.
    sharedFiles.put("000002.sst", new FileStateHandle(victim, 7));
    sharedFiles.put("000001.sst", new FileStateHandle(sharedFile, 3));
    IncrementalKeyedStateHandle handle = new IncrementalKeyedStateHandle(UUID.randomUUID(), 5,
        new KeyGroupRange(0, 127), sharedFiles, sharedFiles.keySet(), Map.of(),
        new KeyGroupsStateHandle(new KeyGroupRange(0, 127), new long[128], new ByteStreamStateHandle("meta",
            new byte[4])));
    // State of an operator the job does not have, skipped on restore; the claim still covers its files.
    CheckpointMetadata metadata = new CheckpointMetadata(5, 1, CheckpointType.CHECKPOINT, Map.of("gone",
        new OperatorState("gone", "Gone", 1, 128, Map.of(0, new OperatorSubtaskState(List.of(handle), List.of(),
            List.of())), null)));
    Files.write(claimed.resolve("_metadata"), MetadataSerializer.serialize(metadata, claimed));

    Configuration restore = new Configuration();
    restore.set(SavepointOptions.SAVEPOINT_PATH, claimed.toString());
    restore.set(SavepointOptions.RESTORE_MODE, RestoreMode.CLAIM);
    restore.set(SavepointOptions.ALLOW_NON_RESTORED_STATE, true);
    JobClient job = cluster.submitJob(endlessJob(restore)).get(10, TimeUnit.SECONDS);
    try {
      Await.until(Duration.ofSeconds(30), "the claimed snapshot and its shared file to be deleted once subsumed",
          () -> !Files.exists(claimed) && !Files.exists(sharedFile));
    } finally {
      job.cancel().get(10, TimeUnit.SECONDS);
    }
    assertThat(victim).exists().hasContent("keep me");
  }

  private JobGraph endlessJob(Configuration extra) {
    Configuration conf = new Configuration(extra);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.fromSequence(1, Long.MAX_VALUE).uid("numbers").map(x -> x).uid("mapper").discard();
    return JobGraphGenerator.generate(env.getStreamGraph("claiming"));
  }
}
