package io.spate.runtime.highavailability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.rpc.ClusterObjectFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job graph store against a real ZooKeeper server and a local storage directory. */
class JobGraphStoreTest {

  private static final ClusterObjectFilter FILTER = ClusterObjectFilter.ofMaxBytes(64L << 20);

  @TempDir
  Path dir;

  private LoopbackZooKeeper zooKeeper;
  private Configuration configuration;
  private Path storageDir;
  private ZooKeeperConnection leaderConnection;

  @BeforeEach
  void startZooKeeper() throws Exception {
    zooKeeper = LoopbackZooKeeper.start(dir.resolve("zk"));
    storageDir = dir.resolve("ha");
    configuration = zooKeeper.configuration(storageDir);
    leaderConnection = ZooKeeperConnection.connect(configuration);
  }

  @AfterEach
  void stop() throws Exception {
    leaderConnection.close();
    zooKeeper.close();
  }

  private JobGraph job(String name) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(500);
    env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints"));
    env.fromSequence(1, 10).map(x -> x * 2).discard();
    return JobGraphGenerator.generate(env.getStreamGraph(name));
  }

  private ClassLoader appClassLoader() {
    return getClass().getClassLoader();
  }

  private List<Path> graphFiles() throws IOException {
    Path files = storageDir.resolve("jobgraphs");
    if (!Files.isDirectory(files)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(files)) {
      return list.toList();
    }
  }

  @Test
  void aStoredGraphIsRecoveredByTheNextLeaderAndRemovedWhenItsJobEnds() throws Exception {
    JobGraph first = job("first");
    JobGraph second = job("second");
    JobGraphStore store = new JobGraphStore(leaderConnection, storageDir);
    store.put(first);
    store.put(second);
    assertThat(graphFiles()).hasSize(2);

    // The leader dies; a new one reads what it left, through a session of its own.
    leaderConnection.close();
    try (ZooKeeperConnection next = ZooKeeperConnection.connect(configuration)) {
      JobGraphStore recovered = new JobGraphStore(next, storageDir);
      assertThat(recovered.jobIds()).containsExactlyInAnyOrder(first.jobId(), second.jobId());
      JobGraph read = recovered.recover(first.jobId(), appClassLoader(), FILTER).orElseThrow();
      assertThat(read.jobId()).isEqualTo(first.jobId());
      assertThat(read.jobName()).isEqualTo("first");
      assertThat(read.vertices()).hasSameSizeAs(first.vertices());
      assertThat(read.userClassLoader()).isSameAs(appClassLoader());
      assertThat(read.configuration().toMap()).isEqualTo(first.configuration().toMap());
      assertThat(read.configuration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
          .as("the checkpoint directory a new leader restores the job from")
          .isEqualTo(first.configuration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));

      recovered.remove(first.jobId());
      assertThat(recovered.jobIds()).containsExactly(second.jobId());
      assertThat(recovered.recover(first.jobId(), appClassLoader(), FILTER)).isEmpty();
      assertThat(graphFiles()).hasSize(1);
      recovered.remove(first.jobId()); // removing twice is harmless
      recovered.remove(second.jobId());
      assertThat(recovered.jobIds()).isEmpty();
      assertThat(graphFiles()).isEmpty();
    }
  }

  @Test
  void storingAJobAgainReplacesItsGraphAndItsFile() throws Exception {
    JobGraph graph = job("again");
    JobGraphStore store = new JobGraphStore(leaderConnection, storageDir);
    store.put(graph);
    List<Path> before = graphFiles();
    store.put(graph);
    List<Path> after = graphFiles();
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    assertThat(store.recover(graph.jobId(), appClassLoader(), FILTER)).isPresent();
  }

  @Test
  void aPointerToAMissingFileIsAnErrorNamingTheJobAndTheFile() throws Exception {
    JobGraph graph = job("missing");
    JobGraphStore store = new JobGraphStore(leaderConnection, storageDir);
    store.put(graph);
    Path file = graphFiles().get(0);
    Files.delete(file);

    assertThatThrownBy(() -> store.recover(graph.jobId(), appClassLoader(), FILTER))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(graph.jobId().toString())
        .hasMessageContaining(file.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void aCorruptFileIsAnErrorNamingTheJobAndTheFile() throws Exception {
    JobGraph graph = job("corrupt");
    JobGraphStore store = new JobGraphStore(leaderConnection, storageDir);
    store.put(graph);
    Path file = graphFiles().get(0);
    Files.write(file, "not a job graph".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> store.recover(graph.jobId(), appClassLoader(), FILTER))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(graph.jobId().toString())
        .hasMessageContaining(file.toString())
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aGraphFileOfAnotherJobIsAnError() throws Exception {
    JobGraph one = job("one");
    JobGraph other = job("other");
    JobGraphStore store = new JobGraphStore(leaderConnection, storageDir);
    store.put(one);
    store.put(other);
    Path otherFile = graphFiles().stream().filter(p -> p.getFileName().toString().contains(other.jobId().toString()))
        .findFirst().orElseThrow();
    leaderConnection.curator().setData().forPath(JobGraphStore.JOB_GRAPHS_PATH + "/" + one.jobId(),
        otherFile.toString().getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> store.recover(one.jobId(), appClassLoader(), FILTER))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(one.jobId().toString())
        .hasMessageContaining("belongs to job " + other.jobId());
  }

  @Test
  void aJobThatWasNeverStoredIsNotRecovered() throws Exception {
    JobGraphStore store = new JobGraphStore(leaderConnection, storageDir);
    assertThat(store.jobIds()).isEmpty();
    assertThat(store.recover(JobID.generate(), appClassLoader(), FILTER)).isEmpty();
    store.remove(JobID.generate());
  }
}
