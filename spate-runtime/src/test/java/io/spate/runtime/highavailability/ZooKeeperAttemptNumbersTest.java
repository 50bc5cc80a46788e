package io.spate.runtime.highavailability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attempt numbers reserved in a real ZooKeeper server: a JobMaster that takes a job over numbers its
 * attempts above every number its predecessor could have used, so that the tasks and channels of the
 * predecessor's attempts, still winding down on the TaskExecutors, are never taken for its own.
 */
class ZooKeeperAttemptNumbersTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger THROWS = new AtomicInteger();

  @TempDir
  Path dir;

  private LoopbackZooKeeper zooKeeper;
  private Configuration configuration;
  private final List<ZooKeeperConnection> connections = new ArrayList<>();
  private final JobID job = JobID.generate();

  @BeforeEach
  void startZooKeeper() throws Exception {
    zooKeeper = LoopbackZooKeeper.start(dir.resolve("zk"));
    configuration = zooKeeper.configuration(dir.resolve("ha"));
  }

  @AfterEach
  void stopAll() throws Exception {
    for (ZooKeeperConnection connection : connections) {
      connection.close();
    }
    zooKeeper.close();
  }

  private ZooKeeperConnection connect() throws Exception {
    ZooKeeperConnection connection = zooKeeper.connect(configuration);
    connections.add(connection);
    return connection;
  }

  @Test
  void eachJobMasterOfAJobNumbersAboveEveryNumberItsPredecessorsReserved() throws Exception {
    ZooKeeperConnection connection = connect();
    ZooKeeperAttemptNumbers first = new ZooKeeperAttemptNumbers(connection, LeadershipFence.none(), job);
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(first.next());
    }
    assertThat(seen).containsExactly(0, 1, 2);

    // A second leader (another connection, as another process) starts above the whole first block.
    ZooKeeperAttemptNumbers second = new ZooKeeperAttemptNumbers(connect(), LeadershipFence.none(), job);
    int secondsFirst = second.next();
    assertThat(secondsFirst).isEqualTo(ZooKeeperAttemptNumbers.BLOCK);

    // The first, still numbering (it has not noticed yet), uses up its block and reserves a fresh one.
    for (int i = 3; i < ZooKeeperAttemptNumbers.BLOCK + 2; i++) {
      seen.add(first.next());
    }
    seen.add(secondsFirst);
    seen.add(second.next());
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen.get(ZooKeeperAttemptNumbers.BLOCK)).as("the first's next block")
        .isEqualTo(2 * ZooKeeperAttemptNumbers.BLOCK);

    // Another job numbers on its own, from 0.
    assertThat(new ZooKeeperAttemptNumbers(connection, LeadershipFence.none(), JobID.generate()).next()).isZero();
  }

  @Test
  void aStandbyReservesNothingAndAForgottenJobLeavesNoNode() throws Exception {
    ZooKeeperConnection connectionA = connect();
    ZooKeeperConnection connectionB = connect();
    RecordingContender a = new RecordingContender("a");
    zooKeeper.elect(connectionA, "10.0.0.1:6123", a);
    Await.until(WAIT, "a to lead", a::leads);
    RecordingContender b = new RecordingContender("b");
    LeaderElection electionB = zooKeeper.elect(connectionB, "10.0.0.2:6123", b);

    ZooKeeperAttemptNumbers standby = new ZooKeeperAttemptNumbers(connectionB, electionB.fence(), job);
    assertThatThrownBy(standby::next).isInstanceOf(LeadershipFence.LostLeadershipException.class);
    assertThat(connectionA.curator().checkExists().forPath(ZooKeeperAttemptNumbers.node(job))).isNull();

    new ZooKeeperAttemptNumbers(connectionA, LeadershipFence.none(), job).next();
    assertThat(connectionA.curator().checkExists().forPath(ZooKeeperAttemptNumbers.node(job))).isNotNull();
    HighAvailabilityJobGraphs.of(connectionA, configuration, LeadershipFence.none()).remove(job);
    assertThat(connectionA.curator().checkExists().forPath(ZooKeeperAttemptNumbers.node(job))).isNull();
    ZooKeeperAttemptNumbers.removeJob(connectionA, LeadershipFence.none(), job); // nothing left: no error
  }

  @Test
  void aNodeThatHoldsNoNumberIsReportedWithItsPath() throws Exception {
    ZooKeeperConnection connection = connect();
    connection.curator().create().creatingParentsIfNeeded()
        .forPath(ZooKeeperAttemptNumbers.node(job), "twelve".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> new ZooKeeperAttemptNumbers(connection, LeadershipFence.none(), job).next())
        .hasMessageContaining(ZooKeeperAttemptNumbers.node(job))
        .hasMessageContaining("'twelve'");
  }

  @Test
  void aJobTakenOverByAnotherJobManagerRunsUnderNumbersNotUsedBefore() throws Exception {
    JobGraph graph = throwingOnce();
    int before = attemptOfFirstFailure(graph);
    assertThat(before).as("the first JobManager's first attempt").isZero();
    // The same graph, as the next leader reads it back, on a cluster of its own.
    int after = attemptOfFirstFailure(graph);
    assertThat(after).as("the next JobManager's first attempt").isGreaterThanOrEqualTo(ZooKeeperAttemptNumbers.BLOCK);
  }

  /** Runs {@code graph} on a cluster keeping jobs in ZooKeeper until its first failure; that failure's attempt. */
  private int attemptOfFirstFailure(JobGraph graph) throws Exception {
    THROWS.set(0);
    HighAvailabilityJobGraphs graphs = HighAvailabilityJobGraphs.of(connect(), configuration, LeadershipFence.none());
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 1, 1, 16, 64)).keepingJobGraphsIn(graphs);
    cluster.start();
    try {
      cluster.submitJob(graph).get(30, TimeUnit.SECONDS);
      List<ExceptionHistoryEntry> history = Await.untilMatches(WAIT, "the job's first failure",
          () -> cluster.getDispatcherGateway().requestExceptionHistory(graph.jobId()).get(30, TimeUnit.SECONDS),
          entries -> !entries.isEmpty());
      return history.get(history.size() - 1).location().attempt();
    } finally {
      // Closing the cluster ends its jobs but not for good, as a JobManager that stops: the graph stays.
      cluster.close();
    }
  }

  /** An endless job whose mapper throws once per cluster run, then runs on after its restart. */
  private static JobGraph throwingOnce() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(5)));
    env.fromSequence(1, Long.MAX_VALUE).map(x -> {
      if (x == 100 && THROWS.getAndIncrement() == 0) {
        throw new IllegalStateException("record 100 is poison once");
      }
      return x;
    }).name("poisoned").uid("poisoned").discard();
    return JobGraphGenerator.generate(env.getStreamGraph("throws-once"));
  }
}
