package io.spate.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.network.remote.RemoteShuffleOptions;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs whose code is only in a jar, on a cluster that serializes every RPC message as between
 * processes: the TaskExecutors download the jar from the JobMaster, read the job graph and run the
 * tasks with a child-first class loader over it, keep it across a restart and release it once the job
 * has ended and the linger has passed.
 */
class JobJarDistributionTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String JOB_CLASS = "com.acme.jobs.Doubler";
  private static final String JOB_SOURCE = """
      package com.acme.jobs;

      import io.spate.api.functions.MapFunction;
      import java.util.concurrent.atomic.AtomicBoolean;

      public class Doubler implements MapFunction<Long, Long> {
        // Per class loader: a TaskExecutor that loaded the class anew would fail again.
        private static final AtomicBoolean FAILED = new AtomicBoolean();
        private final long failAt;

        public Doubler(long failAt) {
          this.failAt = failAt;
        }

        @Override
        public Long map(Long value) {
          if (value == failAt && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure in the job's own code");
          }
          return value * 2 + 1;
        }
      }
      """;
  private static final Map<String, Set<Long>> RESULTS = new ConcurrentHashMap<>();

  @TempDir
  Path dir;

  /** Keeps the records of its run. */
  static final class CollectingSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    CollectingSink(String runId) {
      this.runId = runId;
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long element, Context ctx) {
          RESULTS.computeIfAbsent(runId, k -> ConcurrentHashMap.newKeySet()).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  private MiniCluster cluster(Duration linger) {
    Configuration taskManager = new Configuration();
    taskManager.set(TaskManagerOptions.TMP_DIR, dir.resolve("taskmanagers").toString());
    taskManager.set(TaskManagerOptions.JOB_JARS_LINGER, linger);
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 2, 16, 64),
        new DataPlaneSettings("127.0.0.1", 0, null, RemoteShuffleOptions.defaults(), taskManager), true);
    cluster.start();
    return cluster;
  }

  private static JobClient submit(MiniCluster cluster, StreamExecutionEnvironment env, String name) throws Exception {
    return cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph(name))).get(30, TimeUnit.SECONDS);
  }

  /** The job's result; if it does not end in time, the threads' stacks go to stderr before the test fails. */
  private static JobExecutionResult awaitResult(JobClient client) throws Exception {
    try {
      return client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      StringBuilder dump = new StringBuilder("The job did not end within 60 s; its status: "
          + client.getJobStatus().get(5, TimeUnit.SECONDS) + ". Threads:\n");
      Thread.getAllStackTraces().forEach((thread, stack) -> {
        dump.append(thread.getName()).append(" (").append(thread.getState()).append(")\n");
        for (StackTraceElement frame : stack) {
          dump.append("    at ").append(frame).append('\n');
        }
      });
      System.err.println(dump);
      throw e;
    }
  }

  private List<Path> filesUnder(Path root) throws Exception {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aJobWhoseCodeIsOnlyInItsJarRunsOnTaskExecutorsThatDownloadItOnce() throws Exception {
    Path jar = TestJars.compiledJar(dir.resolve("doubler.jar"), Map.of(JOB_CLASS, JOB_SOURCE));
    assertThatThrownBy(() -> Class.forName(JOB_CLASS)).isInstanceOf(ClassNotFoundException.class);
    long jarSize = Files.size(jar);
    try (ChildFirstClassLoader client = new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()},
            getClass().getClassLoader());
        MiniCluster cluster = cluster(Duration.ofSeconds(3))) {
      MapFunction<Long, Long> doubler = (MapFunction<Long, Long>) client.loadClass(JOB_CLASS)
          .getConstructor(long.class).newInstance(50L);
      Configuration conf = new Configuration();
      CoreOptions.setJars(conf, List.of(jar.toString()));
      StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
      env.setUserClassLoader(client);
      env.setParallelism(2);
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
      env.fromSequence(1, 200).map(doubler).returns(Types.LONG).rebalance().sinkTo(new CollectingSink("doubled"));

      JobExecutionResult result = awaitResult(submit(cluster, env, "doubled"));

      assertThat(new TreeSet<>(RESULTS.get("doubled")))
          .isEqualTo(LongStream.rangeClosed(1, 200).map(x -> x * 2 + 1).boxed().collect(Collectors.toCollection(TreeSet::new)));
      assertThat(result.counters().get(JobResult.RESTARTS)).as("restarts").isGreaterThanOrEqualTo(1L);
      // Each TaskExecutor that ran tasks downloaded the jar exactly once, for all its tasks and attempts.
      long downloaded = cluster.downloadedJobJarBytes();
      assertThat(downloaded).isPositive().isLessThanOrEqualTo(2 * jarSize);
      assertThat(downloaded % jarSize).isZero();

      Await.until(WAIT, "the job's class loaders are released after the linger", () -> cluster.cachedJobClassLoaders() == 0);
      Await.until(WAIT, "the downloaded jars are deleted", () -> {
        try {
          return filesUnder(dir.resolve("taskmanagers")).isEmpty();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
    }
    assertThat(filesUnder(dir.resolve("taskmanagers"))).isEmpty();
  }

  @Test
  void closingTheClusterReleasesTheLingeringLoadersAndDeletesTheirDirectory() throws Exception {
    Path jar = TestJars.compiledJar(dir.resolve("doubler.jar"), Map.of(JOB_CLASS, JOB_SOURCE));
    try (ChildFirstClassLoader client = new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()},
            getClass().getClassLoader())) {
      MiniCluster cluster = cluster(Duration.ofHours(1));
      try {
        @SuppressWarnings("unchecked")
        MapFunction<Long, Long> doubler = (MapFunction<Long, Long>) client.loadClass(JOB_CLASS)
            .getConstructor(long.class).newInstance(-1L);
        Configuration conf = new Configuration();
        CoreOptions.setJars(conf, List.of(jar.toUri().toString()));
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setUserClassLoader(client);
        env.setParallelism(1);
        env.fromSequence(1, 10).map(doubler).returns(Types.LONG).sinkTo(new CollectingSink("lingering"));
        submit(cluster, env, "lingering").getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertThat(RESULTS.get("lingering")).hasSize(10);
        assertThat(cluster.cachedJobClassLoaders()).isEqualTo(1);
        assertThat(filesUnder(dir.resolve("taskmanagers"))).hasSize(1);
      } finally {
        cluster.close();
      }
      assertThat(cluster.cachedJobClassLoaders()).isZero();
      assertThat(filesUnder(dir.resolve("taskmanagers"))).isEmpty();
      try (Stream<Path> left = Files.list(dir.resolve("taskmanagers"))) {
        assertThat(left).as("the TaskExecutors' own directories").isEmpty();
      }
    }
  }

  private static final String PROBE_CLASS = "com.acme.jobs.ContextLoaderProbe";
  private static final String PROBE_SOURCE = """
      package com.acme.jobs;

      import io.spate.api.functions.MapFunction;

      public class ContextLoaderProbe implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws Exception {
          // What libraries such as Kafka's clients do: load a class of the jar by name, by the context loader.
          Class<?> found = Class.forName(ContextLoaderProbe.class.getName(), false,
              Thread.currentThread().getContextClassLoader());
          return found == ContextLoaderProbe.class ? value : -value;
        }
      }
      """;

  @Test
  @SuppressWarnings("unchecked")
  void theJobsCodeRunsWithTheJobsClassLoaderAsContextClassLoader() throws Exception {
    Path jar = TestJars.compiledJar(dir.resolve("probe.jar"), Map.of(PROBE_CLASS, PROBE_SOURCE));
    try (ChildFirstClassLoader client = new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()},
            getClass().getClassLoader());
        MiniCluster cluster = cluster(Duration.ofSeconds(1))) {
      MapFunction<Long, Long> probe = (MapFunction<Long, Long>) client.loadClass(PROBE_CLASS)
          .getConstructor().newInstance();
      Configuration conf = new Configuration();
      CoreOptions.setJars(conf, List.of(jar.toString()));
      StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
      env.setUserClassLoader(client);
      env.setParallelism(2);
      env.setRestartStrategy(RestartStrategies.noRestart());
      env.fromSequence(1, 20).map(probe).returns(Types.LONG).sinkTo(new CollectingSink("context-loader"));

      awaitResult(submit(cluster, env, "context-loader"));

      assertThat(new TreeSet<>(RESULTS.get("context-loader"))).as("records seen with the job's loader as context loader")
          .isEqualTo(LongStream.rangeClosed(1, 20).boxed().collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  @Test
  void aMissingJarFailsTheDeploymentNamingTheJar() throws Exception {
    String missing = dir.resolve("gone.jar").toString();
    try (MiniCluster cluster = cluster(Duration.ofSeconds(60))) {
      Configuration conf = new Configuration();
      CoreOptions.setJars(conf, List.of(missing));
      StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
      env.setParallelism(1);
      env.setRestartStrategy(RestartStrategies.noRestart());
      env.fromSequence(1, 10).sinkTo(new CollectingSink("missing"));
      JobClient client = submit(cluster, env, "missing");
      assertThatThrownBy(() -> client.getJobExecutionResult().get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasStackTraceContaining("cannot fetch the jars [" + missing + "] of job " + client.getJobID())
          .hasStackTraceContaining("Jar " + missing + " of job " + client.getJobID() + " is missing or unreadable");
      assertThat(cluster.cachedJobClassLoaders()).isZero();
    }
  }
}
