package io.spate.runtime.highavailability;

import io.spate.api.common.JobID;
import io.spate.runtime.jobmaster.AttemptNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The attempt numbers of a job in a highly available cluster. A JobMaster reserves them in blocks: a
 * ZooKeeper node per job holds the first number no JobMaster has reserved yet, and each reservation
 * raises it by {@link #BLOCK} under the leadership fence. A JobMaster that takes the job over thus
 * starts above every number its predecessors could have used, whatever they had deployed.
 */
public final class ZooKeeperAttemptNumbers implements AttemptNumbers {

  /** The parent of the per-job nodes. */
  static final String ATTEMPTS_PATH = "/attempts";

  /** How many numbers one reservation takes: one ZooKeeper write per JobMaster, unless it restarts this often. */
  static final int BLOCK = 1000;

  private final CuratorFramework curator;
  private final LeadershipFence fence;
  private final JobID jobId;
  private int next;
  private int end;

  /** The attempt numbers of {@code jobId}, reserved in this cluster's ZooKeeper nodes under {@code fence}. */
  public ZooKeeperAttemptNumbers(ZooKeeperConnection connection, LeadershipFence fence, JobID jobId) {
    this.curator = connection.curator();
    this.fence = fence;
    this.jobId = jobId;
  }

  @Override
  public synchronized int next() throws IOException {
    if (next == end) {
      next = reserve();
      end = next + BLOCK;
    }
    return next++;
  }

  /** Raises the node by one block and returns the first number of the block. */
  private int reserve() throws IOException {
    String path = node(jobId);
    try {
      Stat stat = new Stat();
      byte[] data;
      try {
        data = curator.getData().storingStatIn(stat).forPath(path);
      } catch (KeeperException.NoNodeException e) {
        ZooKeeperConnection.ensurePath(curator, ATTEMPTS_PATH);
        fence.commit(curator, List.of(curator.transactionOp().create().forPath(path, encode(BLOCK))));
        return 0;
      }
      int first = decode(data, path);
      if (first > Integer.MAX_VALUE - BLOCK) {
        throw new IOException("job " + jobId + " used up its attempt numbers (the next is " + first + ")");
      }
      // The version check makes a concurrent reservation fail rather than hand out the same block twice.
      fence.commit(curator, List.of(curator.transactionOp().setData().withVersion(stat.getVersion())
          .forPath(path, encode(first + BLOCK))));
      return first;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("Cannot reserve attempt numbers for job " + jobId + " in ZooKeeper node " + path + ": "
          + e, e);
    }
  }

  /** Forgets the attempt numbers of {@code jobId} (its job ended for good), under {@code fence}. */
  public static void removeJob(ZooKeeperConnection connection, LeadershipFence fence, JobID jobId) throws IOException {
    CuratorFramework curator = connection.curator();
    try {
      fence.commit(curator, List.of(curator.transactionOp().delete().forPath(node(jobId))));
    } catch (KeeperException.NoNodeException e) {
      // never reserved any, or forgotten already
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("Cannot forget the attempt numbers of job " + jobId + " in ZooKeeper: " + e, e);
    }
  }

  private static byte[] encode(int number) {
    return Integer.toString(number).getBytes(StandardCharsets.UTF_8);
  }

  private static int decode(byte[] data, String path) throws IOException {
    String text = data == null ? "" : new String(data, StandardCharsets.UTF_8);
    try {
      int number = Integer.parseInt(text);
      if (number < 0) {
        throw new NumberFormatException("negative");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IOException("The ZooKeeper node " + path + " holds '" + text + "', not the next attempt number");
    }
  }

  static String node(JobID jobId) {
    return ATTEMPTS_PATH + "/" + jobId;
  }
}
