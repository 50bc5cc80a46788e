package io.spate.runtime.highavailability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects one leading JobManager among the contenders of a cluster (a Curator {@link LeaderLatch}) and,
 * once this one leads, publishes its addresses in the leader node that {@link LeaderRetrieval} watches.
 * The leader node is ephemeral and written only while this contender's latch node exists, so a
 * contender that lost its session can never overwrite a newer leader's addresses.
 */
public final class LeaderElection implements AutoCloseable {

  /** The latch's node: one ephemeral sequential child per contender. */
  static final String LATCH_PATH = "/leaderlatch/jobmanager";
  /** The node holding the current leader's {@link LeaderAddresses}. */
  static final String LEADER_PATH = "/leader/jobmanager";

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
  private static final int PUBLISH_ATTEMPTS = 3;
  private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

  private final CuratorFramework curator;
  private final String rpcAddress;
  private final Supplier<String> restAddress;
  private final LeaderLatch latch;
  private final SerialReconciler reconciler;
  private volatile LeaderContender contender;
  private volatile boolean closed;
  // Written only on the reconciler's thread.
  private volatile LeaderAddresses granted;
  private String grantedLatchPath;
  // The latch node of the term being granted or held, for the fence; null when not leading.
  private volatile String fencedLatchPath;

  /**
   * An election in this cluster for a JobManager reachable at {@code rpcAddress} and {@code restAddress};
   * it takes part once {@link #start started}.
   */
  public LeaderElection(ZooKeeperConnection connection, String rpcAddress, String restAddress) {
    this(connection, rpcAddress, () -> restAddress);
    new LeaderAddresses(rpcAddress, restAddress, new UUID(0, 0)); // checks the addresses now, not on election
  }

  /**
   * An election for a JobManager reachable at {@code rpcAddress} whose REST API is known only once it
   * leads (it starts its roles when elected): {@code restAddress} is asked right after
   * {@link LeaderContender#grantLeadership} returns.
   */
  public LeaderElection(ZooKeeperConnection connection, String rpcAddress, Supplier<String> restAddress) {
    this.curator = connection.curator();
    this.rpcAddress = Objects.requireNonNull(rpcAddress, "rpcAddress");
    this.restAddress = Objects.requireNonNull(restAddress, "restAddress");
    this.latch = new LeaderLatch(curator, LATCH_PATH, rpcAddress);
    this.reconciler = new SerialReconciler("spate-leader-election", this::reconcile);
  }

  /**
   * Enters the election; {@code contender} is told when it gains and loses leadership.
   *
   * @throws IOException if the latch cannot be started
   */
  public void start(LeaderContender contender) throws IOException {
    if (this.contender != null) {
      throw new IllegalStateException("The leader election was started already");
    }
    this.contender = Objects.requireNonNull(contender, "contender");
    latch.addListener(new LeaderLatchListener() {
      @Override
      public void isLeader() {
        reconciler.request();
      }

      @Override
      public void notLeader() {
        reconciler.request();
      }
    });
    try {
      latch.start();
    } catch (Exception e) {
      throw new IOException("Cannot enter the JobManager leader election: " + e, e);
    }
  }

  /**
   * The fence for this contender's ZooKeeper writes: they take effect only during a term it was
   * granted (from the moment {@link LeaderContender#grantLeadership} is called) and while that term lasts.
   */
  public LeadershipFence fence() {
    return LeadershipFence.of(() -> fencedLatchPath);
  }

  /** Whether this contender leads and was told so. */
  public boolean hasLeadership() {
    return granted != null && latch.hasLeadership();
  }

  /** The addresses this contender published for its current term, if it leads. */
  public Optional<LeaderAddresses> currentTerm() {
    return Optional.ofNullable(granted);
  }

  private void reconcile() {
    LeaderContender target = contender;
    boolean leads = !closed && latch.hasLeadership();
    String latchPath = leads ? latch.getOurPath() : null;
    if (granted != null && (!leads || !Objects.equals(latchPath, grantedLatchPath))) {
      LeaderAddresses ended = granted;
      granted = null;
      grantedLatchPath = null;
      fencedLatchPath = null;
      if (closed) {
        withdraw(ended);
      }
      LOG.info("JobManager {} no longer leads (term {})", rpcAddress, ended.leaderSessionId());
      target.revokeLeadership();
    }
    if (leads && granted == null) {
      UUID session = UUID.randomUUID();
      LOG.info("JobManager {} leads (term {})", rpcAddress, session);
      LeaderAddresses term;
      fencedLatchPath = latchPath;
      try {
        target.grantLeadership(session);
        term = new LeaderAddresses(rpcAddress, restAddress.get(), session);
      } catch (RuntimeException e) {
        LOG.error("JobManager {} was elected but could not take the lead", rpcAddress, e);
        target.handleError(e);
        return;
      }
      granted = term;
      grantedLatchPath = latchPath;
      publish(term, latchPath, target);
    }
  }

  /** Writes the leader node, replacing a previous leader's, in one transaction guarded by our latch node. */
  private void publish(LeaderAddresses term, String latchPath, LeaderContender target) {
    Exception last = null;
    for (int attempt = 0; attempt < PUBLISH_ATTEMPTS && !closed; attempt++) {
      try {
        ensureParent();
        Stat existing = curator.checkExists().forPath(LEADER_PATH);
        List<CuratorOp> ops = new ArrayList<>(3);
        ops.add(curator.transactionOp().check().forPath(latchPath));
        if (existing != null) {
          ops.add(curator.transactionOp().delete().withVersion(existing.getVersion()).forPath(LEADER_PATH));
        }
        ops.add(curator.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(LEADER_PATH, term.encode()));
        curator.transaction().forOperations(ops);
        return;
      } catch (KeeperException.NoNodeException | KeeperException.NodeExistsException
          | KeeperException.BadVersionException e) {
        // Another leader's node came or went between our read and our write, or our latch node is gone.
        last = e;
        if (curatorHasNo(latchPath)) {
          LOG.info("JobManager {} lost leadership before publishing its addresses", rpcAddress);
          reconciler.request();
          return;
        }
      } catch (Exception e) {
        last = e;
      }
    }
    if (!closed) {
      LOG.error("JobManager {} leads but cannot publish its addresses", rpcAddress, last);
      target.handleError(new IOException("Cannot publish the leader's addresses in ZooKeeper: " + last, last));
    }
  }

  private boolean curatorHasNo(String path) {
    try {
      return curator.checkExists().forPath(path) == null;
    } catch (Exception e) {
      return true;
    }
  }

  private void ensureParent() throws Exception {
    ZooKeeperConnection.ensurePath(curator, LEADER_PATH.substring(0, LEADER_PATH.lastIndexOf('/')));
  }

  /** Deletes the leader node if it still names {@code term}, so clients learn at once that there is no leader. */
  private void withdraw(LeaderAddresses term) {
    try {
      Stat stat = new Stat();
      byte[] data = curator.getData().storingStatIn(stat).forPath(LEADER_PATH);
      if (Arrays.equals(data, term.encode())) {
        curator.delete().withVersion(stat.getVersion()).forPath(LEADER_PATH);
      }
    } catch (Exception e) {
      // Gone already, or replaced by a newer leader; the session's end removes it otherwise.
      LOG.debug("Did not withdraw the leader node", e);
    }
  }

  /** Leaves the election: the contender is told it no longer leads, and another may be elected at once. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (contender != null) {
      reconciler.request();
    }
    reconciler.shutdown(CLOSE_TIMEOUT_MILLIS);
    try {
      latch.close();
    } catch (IOException | IllegalStateException e) {
      LOG.debug("Closing the leader latch failed", e);
    }
  }
}
