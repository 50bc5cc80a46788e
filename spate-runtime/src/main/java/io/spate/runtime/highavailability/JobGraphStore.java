package io.spate.runtime.highavailability;

import io.spate.api.common.JobID;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.rpc.ClusterSerialization;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the graphs of submitted jobs recoverable for the next leader: each graph is serialized to a
 * file under {@code high-availability.storageDir} and ZooKeeper holds one node per job with that
 * file's path. A graph is removed when its job reaches a globally terminal state.
 */
public final class JobGraphStore {

  /** The parent of the per-job pointer nodes. */
  static final String JOB_GRAPHS_PATH = "/jobgraphs";

  private static final Logger LOG = LoggerFactory.getLogger(JobGraphStore.class);
  private static final int MAX_POINTER_BYTES = 4096;

  private final CuratorFramework curator;
  private final Path directory;
  private final LeadershipFence fence;

  /** A store writing graph files to {@code storageDir/jobgraphs} and pointers to this cluster's ZooKeeper nodes. */
  public JobGraphStore(ZooKeeperConnection connection, Path storageDir) {
    this(connection, storageDir, LeadershipFence.none());
  }

  /** As {@link #JobGraphStore(ZooKeeperConnection, Path)}, changing pointers only under {@code fence}. */
  public JobGraphStore(ZooKeeperConnection connection, Path storageDir, LeadershipFence fence) {
    this.curator = connection.curator();
    this.directory = storageDir.toAbsolutePath().normalize().resolve("jobgraphs");
    this.fence = fence;
  }

  /**
   * Stores {@code graph}, replacing an earlier graph of the same job. The file is complete before the
   * pointer names it, so a reader never sees half a graph.
   *
   * @throws IOException if the file cannot be written or ZooKeeper refuses the pointer
   */
  public void put(JobGraph graph) throws IOException {
    JobID jobId = graph.jobId();
    byte[] bytes = ClusterSerialization.serialize(graph);
    Files.createDirectories(directory);
    Path file = directory.resolve("jobgraph-" + jobId + "-" + UUID.randomUUID() + ".bin");
    Path temporary = directory.resolve(file.getFileName() + ".inprogress");
    Files.write(temporary, bytes);
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file);
    }
    Optional<Path> previous;
    try {
      previous = pointer(jobId);
      byte[] pointer = file.toString().getBytes(StandardCharsets.UTF_8);
      if (previous.isPresent()) {
        fence.commit(curator, List.of(curator.transactionOp().setData().forPath(node(jobId), pointer)));
      } else {
        ZooKeeperConnection.ensurePath(curator, JOB_GRAPHS_PATH);
        fence.commit(curator, List.of(curator.transactionOp().create().forPath(node(jobId), pointer)));
      }
    } catch (Exception e) {
      Files.deleteIfExists(file);
      throw new IOException("Cannot store the job graph of job " + jobId + " in ZooKeeper: " + e, e);
    }
    previous.filter(p -> !p.equals(file)).ifPresent(JobGraphStore::deleteQuietly);
  }

  /**
   * Forgets the graph of {@code jobId} (its pointer, then its file); does nothing if none is stored.
   *
   * @throws IOException if ZooKeeper refuses the deletion
   */
  public void remove(JobID jobId) throws IOException {
    Optional<Path> file;
    try {
      file = pointer(jobId);
      fence.commit(curator, List.of(curator.transactionOp().delete().forPath(node(jobId))));
    } catch (KeeperException.NoNodeException e) {
      return;
    } catch (Exception e) {
      throw new IOException("Cannot remove the job graph of job " + jobId + " from ZooKeeper: " + e, e);
    }
    file.ifPresent(JobGraphStore::deleteQuietly);
  }

  /**
   * The ids of the jobs whose graphs are stored.
   *
   * @throws IOException if ZooKeeper cannot be read or holds a node that is no job id
   */
  public List<JobID> jobIds() throws IOException {
    List<String> children;
    try {
      children = curator.getChildren().forPath(JOB_GRAPHS_PATH);
    } catch (KeeperException.NoNodeException e) {
      return List.of();
    } catch (Exception e) {
      throw new IOException("Cannot list the stored job graphs in ZooKeeper: " + e, e);
    }
    List<JobID> ids = new ArrayList<>(children.size());
    for (String child : children) {
      try {
        ids.add(JobID.fromHexString(child));
      } catch (IllegalArgumentException e) {
        throw new IOException("The ZooKeeper node " + JOB_GRAPHS_PATH + "/" + child + " is not named by a job id", e);
      }
    }
    return ids;
  }

  /**
   * Reads the stored graph of {@code jobId} with the job's class loader, accepting only what
   * {@code filter} allows (use the cluster's {@link io.spate.runtime.rpc.ClusterObjectFilter}).
   *
   * @return the graph, carrying {@code classLoader}, or empty if none is stored
   * @throws IOException naming the job and the file if the file is missing, damaged or holds another job
   */
  public Optional<JobGraph> recover(JobID jobId, ClassLoader classLoader, ObjectInputFilter filter) throws IOException {
    Objects.requireNonNull(classLoader, "classLoader");
    Objects.requireNonNull(filter, "filter");
    Optional<Path> file;
    try {
      file = pointer(jobId);
    } catch (Exception e) {
      throw new IOException("Cannot read the job graph pointer of job " + jobId + " from ZooKeeper: " + e, e);
    }
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Path path = file.get();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new IOException("The stored job graph of job " + jobId + " is missing: ZooKeeper node "
          + node(jobId) + " points to " + path + ", which does not exist", e);
    }
    Object read;
    try {
      read = ClusterSerialization.deserialize(bytes, classLoader, filter);
    } catch (IOException | ClassNotFoundException e) {
      throw new IOException("The stored job graph of job " + jobId + " in " + path + " cannot be read: " + e, e);
    }
    if (!(read instanceof JobGraph graph)) {
      throw new IOException("The stored job graph of job " + jobId + " in " + path + " holds a "
          + (read == null ? "null" : read.getClass().getName()) + ", not a job graph");
    }
    if (!graph.jobId().equals(jobId)) {
      throw new IOException("The stored job graph of job " + jobId + " in " + path + " belongs to job " + graph.jobId());
    }
    return Optional.of(graph.withUserClassLoader(classLoader));
  }

  private Optional<Path> pointer(JobID jobId) throws Exception {
    byte[] data;
    try {
      data = curator.getData().forPath(node(jobId));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    }
    if (data == null || data.length == 0 || data.length > MAX_POINTER_BYTES) {
      throw new IOException("The ZooKeeper node " + node(jobId) + " of job " + jobId + " holds no file path");
    }
    return Optional.of(Path.of(new String(data, StandardCharsets.UTF_8)));
  }

  private static String node(JobID jobId) {
    return JOB_GRAPHS_PATH + "/" + jobId;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot delete the job graph file {}: {}", file, e.toString());
    }
  }
}
