package io.spate.runtime.highavailability;

import io.spate.api.common.JobID;
import io.spate.runtime.checkpoint.CompletedCheckpointStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completed checkpoints of one job in a highly available cluster: one ZooKeeper node per retained
 * checkpoint, {@code /checkpoints/<job id>/<checkpoint id>}, holding the checkpoint's directory. Writes
 * are {@link LeadershipFence fenced}, so a JobManager that no longer leads can neither confirm a
 * checkpoint (its sinks would commit output that the new leader does not know of) nor forget one that
 * the new leader may resume from.
 */
public final class ZooKeeperCheckpointStore implements CompletedCheckpointStore {

  /** The parent of the per-job nodes. */
  static final String CHECKPOINTS_PATH = "/checkpoints";

  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperCheckpointStore.class);
  private static final int MAX_POINTER_BYTES = 4096;

  private final CuratorFramework curator;
  private final LeadershipFence fence;
  private final JobID jobId;

  /** The store of {@code jobId}'s checkpoints in this cluster's ZooKeeper nodes, written under {@code fence}. */
  public ZooKeeperCheckpointStore(ZooKeeperConnection connection, LeadershipFence fence, JobID jobId) {
    this.curator = connection.curator();
    this.fence = fence;
    this.jobId = jobId;
  }

  @Override
  public void add(long checkpointId, String pointer) throws IOException {
    byte[] data = pointer.getBytes(StandardCharsets.UTF_8);
    if (data.length > MAX_POINTER_BYTES) {
      throw new IOException("the path of checkpoint " + checkpointId + " is longer than " + MAX_POINTER_BYTES
          + " bytes: " + pointer);
    }
    try {
      ZooKeeperConnection.ensurePath(curator, jobNode(jobId));
      fence.commit(curator, List.of(curator.transactionOp().create().forPath(node(checkpointId), data)));
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("ZooKeeper refused the record of checkpoint " + checkpointId + " of job " + jobId + ": "
          + e, e);
    }
  }

  @Override
  public boolean remove(long checkpointId) {
    try {
      fence.commit(curator, List.of(curator.transactionOp().delete().forPath(node(checkpointId))));
      return true;
    } catch (KeeperException.NoNodeException e) {
      return true; // forgotten already (a lost leadership is reported as such, not as this)
    } catch (Exception e) {
      LOG.warn("Cannot forget checkpoint {} of job {} in ZooKeeper: {}", checkpointId, jobId, e.toString());
      return false;
    }
  }

  @Override
  public NavigableMap<Long, String> recorded() throws IOException {
    return read(curator, jobId);
  }

  /**
   * The recorded checkpoints of {@code jobId}, newest first: checkpoint id to directory.
   *
   * @throws IOException naming the node if ZooKeeper cannot be read or holds something that is no checkpoint record
   */
  public static List<Map.Entry<Long, String>> newestFirst(ZooKeeperConnection connection, JobID jobId)
      throws IOException {
    return new ArrayList<>(read(connection.curator(), jobId).descendingMap().entrySet());
  }

  /** The recorded checkpoints of {@code jobId}, oldest first: checkpoint id to directory. */
  private static NavigableMap<Long, String> read(CuratorFramework curator, JobID jobId) throws IOException {
    List<String> children;
    try {
      children = curator.getChildren().forPath(jobNode(jobId));
    } catch (KeeperException.NoNodeException e) {
      return new TreeMap<>();
    } catch (Exception e) {
      throw new IOException("Cannot list the checkpoints of job " + jobId + " in ZooKeeper: " + e, e);
    }
    NavigableMap<Long, String> pointers = new TreeMap<>();
    for (String child : children) {
      String path = jobNode(jobId) + "/" + child;
      long id;
      try {
        id = Long.parseLong(child);
      } catch (NumberFormatException e) {
        throw new IOException("The ZooKeeper node " + path + " is not named by a checkpoint id");
      }
      byte[] data;
      try {
        data = curator.getData().forPath(path);
      } catch (KeeperException.NoNodeException e) {
        continue; // subsumed since it was listed
      } catch (Exception e) {
        throw new IOException("Cannot read the ZooKeeper node " + path + ": " + e, e);
      }
      if (data == null || data.length == 0 || data.length > MAX_POINTER_BYTES) {
        throw new IOException("The ZooKeeper node " + path + " of job " + jobId + " holds no checkpoint path");
      }
      pointers.put(id, new String(data, StandardCharsets.UTF_8));
    }
    return pointers;
  }

  /**
   * Forgets every checkpoint record of {@code jobId} (its job ended for good), under {@code fence}.
   *
   * @throws IOException if ZooKeeper refuses
   */
  public static void removeJob(ZooKeeperConnection connection, LeadershipFence fence, JobID jobId) throws IOException {
    CuratorFramework curator = connection.curator();
    try {
      List<String> children;
      try {
        children = curator.getChildren().forPath(jobNode(jobId));
      } catch (KeeperException.NoNodeException e) {
        return;
      }
      List<CuratorOp> deletes = new ArrayList<>(children.size() + 1);
      for (String child : children) {
        deletes.add(curator.transactionOp().delete().forPath(jobNode(jobId) + "/" + child));
      }
      deletes.add(curator.transactionOp().delete().forPath(jobNode(jobId)));
      fence.commit(curator, deletes);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("Cannot forget the checkpoints of job " + jobId + " in ZooKeeper: " + e, e);
    }
  }

  private String node(long checkpointId) {
    // Zero-padded so that ZooKeeper lists them in order too; not String.format, whose parser is a
    // regular expression (see JobID.toString).
    String digits = Long.toString(checkpointId);
    return jobNode(jobId) + "/" + "0".repeat(Math.max(0, 19 - digits.length())) + digits;
  }

  private static String jobNode(JobID jobId) {
    return CHECKPOINTS_PATH + "/" + jobId;
  }
}
