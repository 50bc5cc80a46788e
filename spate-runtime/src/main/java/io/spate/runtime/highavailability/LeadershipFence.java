package io.spate.runtime.highavailability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;

/**
 * Makes ZooKeeper writes take effect only while this JobManager leads: each write is one transaction
 * that first checks that the contender's latch node of its current term still exists. The latch node
 * is ephemeral and the leader's is the oldest, so while it exists no other JobManager can have been
 * elected; a JobManager that lost its session (or was paused past it) has its writes refused.
 */
public final class LeadershipFence {

  private static final LeadershipFence NONE = new LeadershipFence(null);

  /** The current term's latch node, or null when not leading; null supplier for no fence. */
  private final Supplier<String> latchPath;

  private LeadershipFence(Supplier<String> latchPath) {
    this.latchPath = latchPath;
  }

  /** No fence: writes always go through (a single JobManager, or tests of the stores themselves). */
  public static LeadershipFence none() {
    return NONE;
  }

  /** A fence on the latch node that {@code latchPath} names while the contender leads (null otherwise). */
  static LeadershipFence of(Supplier<String> latchPath) {
    return new LeadershipFence(latchPath);
  }

  /**
   * Runs {@code operations} as one transaction that succeeds only while the fenced contender leads.
   *
   * @throws LostLeadershipException if it does not lead (any more); nothing was written
   * @throws Exception as Curator throws it when one of {@code operations} fails
   */
  public void commit(CuratorFramework curator, List<CuratorOp> operations) throws Exception {
    String path = latchPath == null ? null : latchPath.get();
    if (latchPath != null && path == null) {
      throw new LostLeadershipException("this JobManager does not lead");
    }
    List<CuratorOp> all = new ArrayList<>(operations.size() + 1);
    if (path != null) {
      all.add(curator.transactionOp().check().forPath(path));
    }
    all.addAll(operations);
    try {
      curator.transaction().forOperations(all);
    } catch (KeeperException e) {
      if (path != null && curator.checkExists().forPath(path) == null) {
        throw new LostLeadershipException("this JobManager no longer leads: its leader latch node " + path
            + " is gone (its ZooKeeper session ended)");
      }
      throw e;
    }
  }

  /** A fenced write was refused because the JobManager does not lead. */
  public static final class LostLeadershipException extends IOException {
    private static final long serialVersionUID = 1L;

    LostLeadershipException(String message) {
      super(message);
    }
  }
}
