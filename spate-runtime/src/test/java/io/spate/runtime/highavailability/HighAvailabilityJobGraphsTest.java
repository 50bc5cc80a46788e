package io.spate.runtime.highavailability;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.RestoreMode;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.CompletedCheckpointStore;
import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new leader reads back: each kept job with its jars copied to the storage directory, set to
 * claim its newest recorded checkpoint that reads, against a real ZooKeeper server.
 */
class HighAvailabilityJobGraphsTest {

  @TempDir
  Path dir;

  private LoopbackZooKeeper zooKeeper;
  private Configuration configuration;
  private ZooKeeperConnection connection;
  private HighAvailabilityJobGraphs graphs;

  @BeforeEach
  void startZooKeeper() throws Exception {
    zooKeeper = LoopbackZooKeeper.start(dir.resolve("zk"));
    configuration = zooKeeper.configuration(dir.resolve("ha"));
    connection = ZooKeeperConnection.connect(configuration);
    graphs = HighAvailabilityJobGraphs.of(connection, configuration, LeadershipFence.none());
  }

  @AfterEach
  void stop() throws Exception {
    connection.close();
    zooKeeper.close();
  }

  private JobGraph job(String name, Path jar) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(500);
    env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints"));
    env.fromSequence(1, 10).map(x -> x * 2).discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph(name));
    if (jar != null) {
      CoreOptions.setJars(graph.configuration(), List.of(jar.toString()));
    }
    return graph;
  }

  @Test
  void aKeptJobComesBackWithItsJarCopiedAndClaimsItsNewestRecordedCheckpointThatReadsAsTheOptionAllows()
      throws Exception {
    Path upload = dir.resolve("uploads").resolve("job.jar");
    Files.createDirectories(upload.getParent());
    Files.write(upload, "not really a jar, only bytes to copy".getBytes(StandardCharsets.UTF_8));
    JobGraph graph = job("resumed", upload);
    graph.configuration().set(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS, 1);
    graphs.put(graph);
    Files.delete(upload); // the leader's own upload directory dies with it

    // Checkpoints 3 and 4 were recorded, but 4's metadata was damaged since; 5 completed on disk but was
    // never recorded (the leader died first), so no sink committed it and it must not be resumed from.
    Path jobCheckpoints = dir.resolve("checkpoints").resolve(graph.jobId().toString());
    writeCompleteCheckpoint(jobCheckpoints.resolve("chk-3"), 3);
    Files.createDirectories(jobCheckpoints.resolve("chk-4"));
    Files.write(jobCheckpoints.resolve("chk-4").resolve("_metadata"), new byte[] {1, 2, 3});
    writeCompleteCheckpoint(jobCheckpoints.resolve("chk-5"), 5);
    CompletedCheckpointStore records = graphs.completedCheckpoints(graph.jobId());
    records.add(3, jobCheckpoints.resolve("chk-3").toString());
    records.add(4, jobCheckpoints.resolve("chk-4").toString());

    List<HighAvailabilityJobGraphs.RecoveredJob> recovered = graphs.recoverAll(getClass().getClassLoader());

    assertThat(recovered).hasSize(1);
    JobGraph read = recovered.get(0).graph();
    assertThat(read.jobId()).isEqualTo(graph.jobId());
    assertThat(read.configuration().get(SavepointOptions.SAVEPOINT_PATH))
        .isEqualTo(jobCheckpoints.resolve("chk-3").toString());
    assertThat(read.configuration().get(SavepointOptions.RESTORE_MODE)).isEqualTo(RestoreMode.CLAIM);
    List<String> jars = CoreOptions.jars(read.configuration());
    assertThat(jars).hasSize(1);
    Path copy = Path.of(jars.get(0));
    assertThat(copy).startsWith(dir.resolve("ha").resolve("jobjars")).hasFileName("000-job.jar");
    assertThat(Files.readString(copy)).isEqualTo("not really a jar, only bytes to copy");
    assertThat(recovered.get(0).classLoader().getURLs()).containsExactly(copy.toUri().toURL());
    assertThat(read.userClassLoader()).isSameAs(recovered.get(0).classLoader());
    recovered.get(0).classLoader().close();

    // Kept again by the new leader: its jars stay where they are.
    graphs.put(read);
    assertThat(CoreOptions.jars(graphs.recoverAll(getClass().getClassLoader()).get(0).graph().configuration()))
        .containsExactly(copy.toString());

    graphs.remove(graph.jobId());
    assertThat(graphs.recoverAll(getClass().getClassLoader())).isEmpty();
    assertThat(copy.getParent()).doesNotExist();
    assertThat(ZooKeeperCheckpointStore.newestFirst(connection, graph.jobId())).isEmpty();
  }

  @Test
  void aJobWhoseNewestRecordedCheckpointIsDamagedIsNotResumedFromAnOlderOneByDefault() throws Exception {
    JobGraph graph = job("strict", null);
    graphs.put(graph);
    Path jobCheckpoints = dir.resolve("checkpoints").resolve(graph.jobId().toString());
    writeCompleteCheckpoint(jobCheckpoints.resolve("chk-3"), 3);
    Files.createDirectories(jobCheckpoints.resolve("chk-4"));
    Files.write(jobCheckpoints.resolve("chk-4").resolve("_metadata"), new byte[] {1, 2, 3});
    CompletedCheckpointStore records = graphs.completedCheckpoints(graph.jobId());
    records.add(3, jobCheckpoints.resolve("chk-3").toString());
    records.add(4, jobCheckpoints.resolve("chk-4").toString());

    // Its sinks committed what followed checkpoint 4: resuming from 3 would emit that again.
    assertThat(graphs.recoverAll(getClass().getClassLoader())).isEmpty();
    assertThat(new JobGraphStore(connection, dir.resolve("ha")).jobIds()).containsExactly(graph.jobId());
  }

  @Test
  void aJobThatRecordedNoCheckpointStartsAsItWasSubmitted() throws Exception {
    JobGraph graph = job("fresh", null);
    graph.configuration().set(SavepointOptions.SAVEPOINT_PATH, dir.resolve("some-savepoint").toString());
    graphs.put(graph);
    writeCompleteCheckpoint(dir.resolve("checkpoints").resolve(graph.jobId().toString()).resolve("chk-1"), 1);

    JobGraph read = graphs.recoverAll(getClass().getClassLoader()).get(0).graph();

    assertThat(read.configuration().get(SavepointOptions.SAVEPOINT_PATH))
        .isEqualTo(dir.resolve("some-savepoint").toString());
    assertThat(read.configuration().get(SavepointOptions.RESTORE_MODE)).isEqualTo(RestoreMode.NO_CLAIM);
    assertThat(CoreOptions.jars(read.configuration())).isEmpty();
  }

  @Test
  void aJobWhoseRecordedCheckpointsAllFailToReadStaysKeptButIsNotResumed() throws Exception {
    JobGraph broken = job("broken", null);
    JobGraph healthy = job("healthy", null);
    graphs.put(broken);
    graphs.put(healthy);
    graphs.completedCheckpoints(broken.jobId()).add(7, dir.resolve("gone").resolve("chk-7").toString());

    List<HighAvailabilityJobGraphs.RecoveredJob> recovered = graphs.recoverAll(getClass().getClassLoader());

    assertThat(recovered).extracting(r -> r.graph().jobId()).containsExactly(healthy.jobId());
    assertThat(new JobGraphStore(connection, dir.resolve("ha")).jobIds())
        .containsExactlyInAnyOrder(broken.jobId(), healthy.jobId());
  }

  private static void writeCompleteCheckpoint(Path directory, long id) throws Exception {
    Files.createDirectories(directory);
    CheckpointMetadata metadata = new CheckpointMetadata(id, System.currentTimeMillis(), CheckpointType.CHECKPOINT,
        Map.of());
    Files.write(directory.resolve("_metadata"), MetadataSerializer.serialize(metadata, directory));
  }
}
