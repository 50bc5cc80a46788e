package io.spate.runtime.highavailability;

import io.spate.api.common.JobID;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.SavepointOptions;
import io.spate.runtime.checkpoint.CheckpointSettings;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.runtime.dispatcher.SubmittedJobGraphs;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.rpc.ClusterObjectFilter;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submitted jobs of a highly available cluster: each graph in the {@link JobGraphStore}, and the
 * jars with the job's code copied beside it under {@code high-availability.storageDir}, since the
 * uploaded ones live in the leader's own directory. A new leader reads them back and resumes each job
 * from its newest complete checkpoint.
 */
public final class HighAvailabilityJobGraphs implements SubmittedJobGraphs {

  private static final Logger LOG = LoggerFactory.getLogger(HighAvailabilityJobGraphs.class);

  private final JobGraphStore store;
  private final Path jarsDirectory;

  /** Keeps graphs in {@code store} and jars under {@code storageDir/jobjars}. */
  public HighAvailabilityJobGraphs(JobGraphStore store, Path storageDir) {
    this.store = store;
    this.jarsDirectory = storageDir.toAbsolutePath().normalize().resolve("jobjars");
  }

  /** The graphs and jars of a cluster configured by {@code configuration}, connected through {@code connection}. */
  public static HighAvailabilityJobGraphs of(ZooKeeperConnection connection, Configuration configuration) {
    Path storageDir = Path.of(configuration.get(HighAvailabilityOptions.STORAGE_DIR).trim());
    return new HighAvailabilityJobGraphs(new JobGraphStore(connection, storageDir), storageDir);
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
    store.remove(jobId);
    io.spate.runtime.FileTrees.delete(jarsDirectory.resolve(jobId.toString()));
  }

  /**
   * Reads back every kept job, each with a class loader over its jars (a child of {@code parent}) and
   * set to restore from its newest complete checkpoint, if it wrote one; its savepoint setting is kept
   * otherwise.
   *
   * @throws IOException naming the job if a graph or its jars cannot be read
   */
  public List<RecoveredJob> recoverAll(ClassLoader parent) throws IOException {
    List<RecoveredJob> jobs = new ArrayList<>();
    for (JobID jobId : store.jobIds()) {
      ChildFirstClassLoader loader = new ChildFirstClassLoader(jarUrls(jobId), parent);
      Optional<JobGraph> graph;
      try {
        graph = store.recover(jobId, loader, ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE)
            .withUserClassLoader(loader));
      } catch (IOException | RuntimeException e) {
        loader.close();
        throw e;
      }
      if (graph.isEmpty()) {
        loader.close(); // removed since it was listed: the job ended
        continue;
      }
      jobs.add(new RecoveredJob(resumed(graph.get()), loader));
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

  /** {@code graph} restoring from its own newest complete checkpoint, when there is one. */
  private static JobGraph resumed(JobGraph graph) {
    String checkpoints = CheckpointSettings.from(graph.configuration()).checkpointDirectory();
    if (checkpoints == null) {
      LOG.warn("Job {} keeps its checkpoints in memory (no state.checkpoints.dir), so it starts again from its"
          + " beginning", graph.jobId());
      return graph;
    }
    Path jobCheckpoints = CheckpointPaths.parse(checkpoints, "state.checkpoints.dir").resolve(graph.jobId().toString());
    try {
      long id = CheckpointPaths.load(jobCheckpoints.toString()).checkpointId();
      LOG.info("Job {} resumes from its checkpoint {} in {}", graph.jobId(), id, jobCheckpoints);
    } catch (IOException e) {
      String restore = graph.configuration().get(SavepointOptions.SAVEPOINT_PATH);
      LOG.info("Job {} has no complete checkpoint in {} ({}); it starts {}", graph.jobId(), jobCheckpoints,
          e.getMessage(), restore == null ? "from its beginning" : "from " + restore + " as submitted");
      return graph;
    }
    Configuration configuration = new Configuration(graph.configuration());
    configuration.set(SavepointOptions.SAVEPOINT_PATH, jobCheckpoints.toString());
    return new JobGraph(graph.jobId(), graph.jobName(), graph.vertices(), configuration, graph.executionConfig(),
        graph.runtimeMode(), graph.userClassLoader());
  }

  /**
   * A job read back by a new leader.
   *
   * @param graph its graph, ready to submit
   * @param classLoader the loader of its code, to close once the job ended
   */
  public record RecoveredJob(JobGraph graph, ChildFirstClassLoader classLoader) {}
}
