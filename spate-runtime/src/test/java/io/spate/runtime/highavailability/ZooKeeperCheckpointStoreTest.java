package io.spate.runtime.highavailability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.api.configuration.Configuration;
import io.spate.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint records in a real ZooKeeper server: kept newest first, and written only while the
 * JobManager that writes them leads, so a former leader can neither confirm nor forget a checkpoint.
 */
class ZooKeeperCheckpointStoreTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private LoopbackZooKeeper zooKeeper;
  private Configuration configuration;
  private final JobID job = JobID.generate();

  @BeforeEach
  void startZooKeeper() throws Exception {
    zooKeeper = LoopbackZooKeeper.start(dir.resolve("zk"));
    configuration = zooKeeper.configuration(dir.resolve("ha"));
  }

  @AfterEach
  void stopAll() throws Exception {
    zooKeeper.close();
  }

  private ZooKeeperConnection connect() throws Exception {
    return zooKeeper.connect(configuration);
  }

  private LeaderElection elect(ZooKeeperConnection connection, String rpc, RecordingContender contender)
      throws Exception {
    return zooKeeper.elect(connection, rpc, contender);
  }

  @Test
  void recordsComeBackNewestFirstAndForgottenOnesAreGone() throws Exception {
    ZooKeeperConnection connection = connect();
    ZooKeeperCheckpointStore store = new ZooKeeperCheckpointStore(connection, LeadershipFence.none(), job);
    for (long id : new long[] {9, 10, 11, 2}) {
      store.add(id, "/checkpoints/" + job + "/chk-" + id);
    }

    assertThat(ZooKeeperCheckpointStore.newestFirst(connection, job)).extracting(Map.Entry::getKey)
        .containsExactly(11L, 10L, 9L, 2L);
    assertThat(ZooKeeperCheckpointStore.newestFirst(connection, job).get(0).getValue())
        .isEqualTo("/checkpoints/" + job + "/chk-11");
    assertThat(store.recorded()).as("the store's own view, oldest first").containsExactly(
        Map.entry(2L, "/checkpoints/" + job + "/chk-2"), Map.entry(9L, "/checkpoints/" + job + "/chk-9"),
        Map.entry(10L, "/checkpoints/" + job + "/chk-10"), Map.entry(11L, "/checkpoints/" + job + "/chk-11"));

    assertThat(store.remove(2)).isTrue();
    assertThat(store.remove(2)).as("forgetting what is gone").isTrue();
    assertThat(ZooKeeperCheckpointStore.newestFirst(connection, job)).extracting(Map.Entry::getKey)
        .containsExactly(11L, 10L, 9L);
    assertThat(ZooKeeperCheckpointStore.newestFirst(connection, JobID.generate())).isEmpty();

    ZooKeeperCheckpointStore.removeJob(connection, LeadershipFence.none(), job);
    assertThat(ZooKeeperCheckpointStore.newestFirst(connection, job)).isEmpty();
    assertThat(store.recorded()).isEmpty();
    ZooKeeperCheckpointStore.removeJob(connection, LeadershipFence.none(), job); // nothing left: no error
  }

  @Test
  void aFormerLeaderCanNeitherRecordNorForgetACheckpoint() throws Exception {
    ZooKeeperConnection connectionA = connect();
    ZooKeeperConnection connectionB = connect();
    RecordingContender a = new RecordingContender("a");
    LeaderElection electionA = elect(connectionA, "10.0.0.1:6123", a);
    Await.until(WAIT, "a to lead", a::leads);
    RecordingContender b = new RecordingContender("b");
    LeaderElection electionB = elect(connectionB, "10.0.0.2:6123", b);
    ZooKeeperCheckpointStore storeA = new ZooKeeperCheckpointStore(connectionA, electionA.fence(), job);
    ZooKeeperCheckpointStore storeB = new ZooKeeperCheckpointStore(connectionB, electionB.fence(), job);

    storeA.add(1, "/chk-1");
    assertThatThrownBy(() -> storeB.add(2, "/chk-2")).as("a standby records nothing")
        .isInstanceOf(LeadershipFence.LostLeadershipException.class);

    // What ZooKeeper does when a's session expires while its process is paused: its ephemeral latch
    // node goes, and b is elected. a's process has not noticed yet.
    ZooKeeperConnection operator = connect();
    for (String child : operator.curator().getChildren().forPath(LeaderElection.LATCH_PATH)) {
      String path = LeaderElection.LATCH_PATH + "/" + child;
      if ("10.0.0.1:6123".equals(new String(operator.curator().getData().forPath(path), StandardCharsets.UTF_8))) {
        operator.curator().delete().forPath(path);
      }
    }
    Await.until(WAIT, "b to lead", b::leads);

    assertThatThrownBy(() -> storeA.add(2, "/chk-2-of-a"))
        .isInstanceOf(LeadershipFence.LostLeadershipException.class)
        .hasMessageContaining("no longer leads");
    assertThat(storeA.remove(1)).as("the former leader forgetting checkpoint 1").isFalse();
    assertThat(ZooKeeperCheckpointStore.newestFirst(operator, job)).extracting(Map.Entry::getKey).containsExactly(1L);

    storeB.add(2, "/chk-2");
    assertThat(storeB.remove(1)).isTrue();
    assertThat(ZooKeeperCheckpointStore.newestFirst(operator, job))
        .containsExactly(Map.entry(2L, "/chk-2"));
    assertThat(b.error).isNull();
  }

  @Test
  void aRecordThatIsNoCheckpointIsReportedWithItsNode() throws Exception {
    ZooKeeperConnection connection = connect();
    connection.curator().create().creatingParentsIfNeeded()
        .forPath(ZooKeeperCheckpointStore.CHECKPOINTS_PATH + "/" + job + "/latest", new byte[] {1});

    assertThatThrownBy(() -> ZooKeeperCheckpointStore.newestFirst(connection, job))
        .hasMessageContaining("/checkpoints/" + job + "/latest")
        .hasMessageContaining("not named by a checkpoint id");
  }
}
