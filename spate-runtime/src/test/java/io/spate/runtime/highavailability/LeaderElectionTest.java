package io.spate.runtime.highavailability;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leader election and leader retrieval against a real ZooKeeper server. */
class LeaderElectionTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private LoopbackZooKeeper zooKeeper;
  private Configuration configuration;

  @BeforeEach
  void startZooKeeper() throws Exception {
    zooKeeper = LoopbackZooKeeper.start(dir.resolve("zk"));
    configuration = zooKeeper.configuration(dir.resolve("ha"));
  }

  @AfterEach
  void stopAll() throws Exception {
    zooKeeper.close();
  }

  private <T extends AutoCloseable> T closeLater(T closeable) {
    return zooKeeper.closeLater(closeable);
  }

  private ZooKeeperConnection connect() throws Exception {
    return zooKeeper.connect(configuration);
  }

  private LeaderElection elect(ZooKeeperConnection connection, String rpc, RecordingContender contender)
      throws Exception {
    return zooKeeper.elect(connection, rpc, contender);
  }

  @Test
  void twoContendersExactlyOneLeadsAndTheOtherTakesOverWhenTheLeadersSessionEnds() throws Exception {
    ZooKeeperConnection connectionA = connect();
    ZooKeeperConnection connectionB = connect();
    RecordingContender a = new RecordingContender("a");
    RecordingContender b = new RecordingContender("b");
    LeaderElection electionA = elect(connectionA, "10.0.0.1:6123", a);
    LeaderElection electionB = elect(connectionB, "10.0.0.2:6123", b);
    BlockingQueue<Optional<LeaderAddresses>> seen = new ArrayBlockingQueue<>(64);
    LeaderRetrieval retrieval = closeLater(new LeaderRetrieval(connect()));
    retrieval.start(seen::add);

    Await.until(WAIT, "one contender to lead", () -> a.leads() || b.leads());
    RecordingContender leader = a.leads() ? a : b;
    RecordingContender standby = leader == a ? b : a;
    LeaderElection leaderElection = leader == a ? electionA : electionB;
    assertThat(standby.leads()).as("the standby while %s leads", leader.name).isFalse();
    assertThat(standby.grants).hasValue(0);

    LeaderAddresses published = leaderElection.currentTerm().orElseThrow();
    assertThat(published.leaderSessionId()).isEqualTo(leader.session);
    Await.until(WAIT, "retrieval to see the leader", () -> retrieval.currentLeader().equals(Optional.of(published)));
    assertThat(published.restAddress()).isEqualTo("http://" + published.rpcAddress().replace("6123", "8081"));

    // The leader's process dies: its session ends and its ephemeral nodes go with it.
    (leader == a ? connectionA : connectionB).close();

    Await.until(WAIT, "the standby to take over", standby::leads);
    Await.until(WAIT, "retrieval to see the new leader", () -> retrieval.currentLeader()
        .map(l -> l.leaderSessionId().equals(standby.session)).orElse(false));
    LeaderAddresses taken = retrieval.currentLeader().orElseThrow();
    assertThat(taken.rpcAddress()).isNotEqualTo(published.rpcAddress());
    assertThat(seen).contains(Optional.of(published), Optional.of(taken));
    assertThat(a.error).isNull();
    assertThat(b.error).isNull();
  }

  @Test
  void closingTheLeadersElectionRevokesItsLeadershipAndWithdrawsItsAddresses() throws Exception {
    RecordingContender a = new RecordingContender("a");
    LeaderElection electionA = elect(connect(), "10.0.0.1:6123", a);
    LeaderRetrieval retrieval = closeLater(new LeaderRetrieval(connect()));
    retrieval.start(leader -> { });
    Await.until(WAIT, "a to lead", a::leads);
    Await.until(WAIT, "retrieval to see a", () -> retrieval.currentLeader().isPresent());

    electionA.close();

    assertThat(a.leads()).isFalse();
    assertThat(a.revocations).hasValue(1);
    Await.until(WAIT, "retrieval to see that no one leads", () -> retrieval.currentLeader().isEmpty());

    RecordingContender b = new RecordingContender("b");
    elect(connect(), "10.0.0.2:6123", b);
    Await.until(WAIT, "b to lead", b::leads);
    Await.until(WAIT, "retrieval to see b", () -> retrieval.currentLeader().map(l -> l.rpcAddress().equals("10.0.0.2:6123"))
        .orElse(false));
    assertThat(a.error).isNull();
    assertThat(b.error).isNull();
  }

  @Test
  void losingZooKeeperRevokesLeadershipAndReconnectingGrantsANewTerm() throws Exception {
    RecordingContender a = new RecordingContender("a");
    elect(connect(), "10.0.0.1:6123", a);
    LeaderRetrieval retrieval = closeLater(new LeaderRetrieval(connect()));
    retrieval.start(leader -> { });
    Await.until(WAIT, "a to lead", a::leads);
    Await.until(WAIT, "retrieval to see a", () -> retrieval.currentLeader().isPresent());
    LeaderAddresses first = retrieval.currentLeader().orElseThrow();

    zooKeeper.stop();
    Await.until(WAIT, "a to lose leadership while ZooKeeper is away", () -> !a.leads());
    Await.until(WAIT, "retrieval to report the leader unknown", () -> retrieval.currentLeader().isEmpty());

    zooKeeper.restart();
    Await.until(WAIT, "a to lead again", a::leads);
    UUID second = a.session;
    assertThat(second).isNotEqualTo(first.leaderSessionId());
    Await.until(WAIT, () -> "retrieval to see the new term " + second + ", not " + retrieval.currentLeader()
        + " (contender error: " + a.error + ")", () -> retrieval.currentLeader()
        .map(l -> l.leaderSessionId().equals(second)).orElse(false));
    assertThat(a.grants).hasValue(2);
    assertThat(a.revocations).hasValue(1);
    assertThat(a.error).isNull();
  }

  @Test
  void retrievalStartedBeforeAnyLeaderHearsThatThereIsNone() throws Exception {
    BlockingQueue<Optional<LeaderAddresses>> seen = new ArrayBlockingQueue<>(16);
    LeaderRetrieval retrieval = closeLater(new LeaderRetrieval(connect()));
    retrieval.start(seen::add);
    assertThat(seen.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Optional.empty());

    RecordingContender a = new RecordingContender("a");
    elect(connect(), "10.0.0.1:6123", a);
    Optional<LeaderAddresses> next = seen.poll(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(next).isPresent();
    assertThat(next.orElseThrow().rpcAddress()).isEqualTo("10.0.0.1:6123");
  }
}
