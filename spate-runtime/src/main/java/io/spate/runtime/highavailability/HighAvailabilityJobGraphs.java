package io.spate.runtime.highavailability;

import io.spate.api.common.JobID;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.RestoreMode;
import io.spate.api.configuration.SavepointOptions;
import io.spate.runtime.FileTrees;
import io.spate.runtime.checkpoint.CompletedCheckpointStore;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.runtime.dispatcher.SubmittedJobGraphs;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.jobmaster.AttemptNumbers;
import io.spate.runtime.rpc.ClusterObjectFilter;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submitted jobs of a highly available cluster: each graph in the {@link JobGraphStore}, the jars
 * with the job's code copied beside it under {@code high-availability.storageDir} (the uploaded ones
 * live in the leader's own directory), its completed checkpoints in a {@link ZooKeeperCheckpointStore}
 * and its attempt numbers in {@link ZooKeeperAttemptNumbers}.
 * A new leader reads them back and resumes each job from its newest recorded checkpoint.
 */
public final class HighAvailabilityJobGraphs implements SubmittedJobGraphs {

  private static final Logger LOG = LoggerFactory.getLogger(HighAvailabilityJobGraphs.class);

  private final ZooKeeperConnection connection;
  private final LeadershipFence fence;
  private final JobGraphStore store;
  private final Path jarsDirectory;

  /** Keeps graphs and checkpoint records in ZooKeeper and files under {@code storageDir}, writing under {@code fence}. */
  public HighAvailabilityJobGraphs(ZooKeeperConnection connection, Path storageDir, LeadershipFence fence) {
    this.connection = connection;
    this.fence = fence;
    this.store = new JobGraphStore(connection, storageDir, fence);
    this.jarsDirectory = storageDir.toAbsolutePath().normalize().resolve("jobjars");
  }

  /**
   * The graphs, jars and checkpoint records of a cluster configured by {@code configuration}, connected
   * through {@code connection}, written only while {@code fence} holds.
   */
  public static HighAvailabilityJobGraphs of(ZooKeeperConnection connection, Configuration configuration,
      LeadershipFence fence) {
    Path storageDir = Path.of(configuration.get(HighAvailabilityOptions.STORAGE_DIR).trim());
    return new HighAvailabilityJobGraphs(connection, storageDir, fence);
  }

  @Override
  public void put(JobGraph graph) throws IOException {
    Path jobJars = jarsDirectory.resolve(graph.jobId().toString());
    List<String> copies = new ArrayList<>();
    List<String> jars = CoreOptions.jars(graph.configuration());
    for (int i = 0; i < jars.size(); i++) {
      Path jar = Path.of(jars.get(i));
      if (jar.toAbsolutePath().normalize().startsWith(jobJars)) {
        copies.add(jar.toString()); // a recovered job's jars are kept already
        continue;
      }
      Files.createDirectories(jobJars);
      // Numbered so that the class path keeps its order when read back.
      Path copy = jobJars.resolve(String.format("%03d-%s", i, jar.getFileName()));
      Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
      copies.add(copy.toString());
    }
    Configuration configuration = new Configuration(graph.configuration());
    if (!copies.isEmpty()) {
      CoreOptions.setJars(configuration, copies);
    }
    store.put(new JobGraph(graph.jobId(), graph.jobName(), graph.vertices(), configuration, graph.executionConfig(),
        graph.runtimeMode(), graph.userClassLoader()));
  }

  @Override
  public void remove(JobID jobId) throws IOException {
    // The graph goes first: checkpoint records without a graph are never read, a graph without its
    // records would make the next leader run the job again from its beginning.
    store.remove(jobId);
    ZooKeeperCheckpointStore.removeJob(connection, fence, jobId);
    ZooKeeperAttemptNumbers.removeJob(connection, fence, jobId);
    FileTrees.delete(jarsDirectory.resolve(jobId.toString()));
  }

  @Override
  public CompletedCheckpointStore completedCheckpoints(JobID jobId) {
    return new ZooKeeperCheckpointStore(connection, fence, jobId);
  }

  @Override
  public AttemptNumbers attemptNumbers(JobID jobId) {
    return new ZooKeeperAttemptNumbers(connection, fence, jobId);
  }

  /**
   * Reads back every kept job, each with a class loader over its jars (a child of {@code parent}) and
   * set to restore from its newest recorded checkpoint, claiming it, if it recorded one; its savepoint
   * setting is kept otherwise. A job whose recorded checkpoints all fail to read is left kept but not
   * returned, and the reason is logged: starting it from its beginning would repeat what its sinks
   * committed.
   *
   * @throws IOException naming the job if a graph or its jars cannot be read
   */
  public List<RecoveredJob> recoverAll(ClassLoader parent) throws IOException {
    List<RecoveredJob> jobs = new ArrayList<>();
    for (JobID jobId : store.jobIds()) {
      ChildFirstClassLoader loader = new ChildFirstClassLoader(jarUrls(jobId), parent);
      Optional<JobGraph> graph;
      Optional<JobGraph> resumed;
      try {
        graph = store.recover(jobId, loader, ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE)
            .withUserClassLoader(loader));
        resumed = graph.isEmpty() ? Optional.empty() : resumed(graph.get());
      } catch (IOException | RuntimeException e) {
        loader.close();
        throw e;
      }
      if (resumed.isEmpty()) {
        loader.close(); // removed since it was listed (the job ended), or not resumable
        continue;
      }
      jobs.add(new RecoveredJob(resumed.get(), loader));
    }
    return jobs;
  }

  private URL[] jarUrls(JobID jobId) throws IOException {
    Path jobJars = jarsDirectory.resolve(jobId.toString());
    if (!Files.isDirectory(jobJars)) {
      return new URL[0];
    }
    try (Stream<Path> files = Files.list(jobJars)) {
      List<Path> jars = files.sorted().toList();
      URL[] urls = new URL[jars.size()];
      for (int i = 0; i < urls.length; i++) {
        urls[i] = jars.get(i).toUri().toURL();
      }
      return urls;
    }
  }

  /**
   * {@code graph} claiming its newest recorded checkpoint; as submitted if it recorded none; empty if
   * that checkpoint does not read and {@code execution.checkpointing.tolerable-corrupt-checkpoints}
   * does not allow skipping it (and as many newer ones) for an older recorded one.
   */
  private Optional<JobGraph> resumed(JobGraph graph) throws IOException {
    List<Map.Entry<Long, String>> recorded = ZooKeeperCheckpointStore.newestFirst(connection, graph.jobId());
    if (recorded.isEmpty()) {
      String restore = graph.configuration().get(SavepointOptions.SAVEPOINT_PATH);
      LOG.info("Job {} recorded no completed checkpoint; it starts {}", graph.jobId(),
          restore == null ? "from its beginning" : "from " + restore + " as submitted");
      return Optional.of(graph);
    }
    int tolerable = graph.configuration().get(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<Long, String> checkpoint : recorded) {
      try {
        CheckpointPaths.loadResolved(checkpoint.getValue());
      } catch (IOException | RuntimeException e) {
        failures.add("checkpoint " + checkpoint.getKey() + " at " + checkpoint.getValue() + ": " + e.getMessage());
        if (failures.size() > tolerable) {
          break;
        }
        continue;
      }
      if (!failures.isEmpty()) {
        LOG.warn("Job {} resumes from an older checkpoint, since newer ones do not read and {} ({}) allows it; sinks"
            + " may emit again the output they committed after it: {}", graph.jobId(),
            CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS.key(), tolerable, failures);
      }
      LOG.info("Job {} resumes from its checkpoint {} at {}", graph.jobId(), checkpoint.getKey(), checkpoint.getValue());
      Configuration configuration = new Configuration(graph.configuration());
      configuration.set(SavepointOptions.SAVEPOINT_PATH, checkpoint.getValue());
      configuration.set(SavepointOptions.RESTORE_MODE, RestoreMode.CLAIM);
      return Optional.of(new JobGraph(graph.jobId(), graph.jobName(), graph.vertices(), configuration,
          graph.executionConfig(), graph.runtimeMode(), graph.userClassLoader()));
    }
    String which = failures.size() < recorded.size()
        ? "its newest recorded checkpoint" + (failures.size() > 1 ? "s" : "") + " cannot be read, and older ones are"
            + " not tried, since its sinks may have committed output after them ("
            + CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS.key() + ": " + tolerable + ")"
        : "none of its recorded checkpoints can be read";
    LOG.error("Job '{}' ({}) is not resumed: {} ({}). It stays kept in ZooKeeper; restore the checkpoint files and"
        + " restart the JobManager to resume it.", graph.jobName(), graph.jobId(), which, failures);
    return Optional.empty();
  }

  /**
   * A job read back by a new leader.
   *
   * @param graph its graph, ready to submit
   * @param classLoader the loader of its code, to close once the job ended
   */
  public record RecoveredJob(JobGraph graph, ChildFirstClassLoader classLoader) {}
}
