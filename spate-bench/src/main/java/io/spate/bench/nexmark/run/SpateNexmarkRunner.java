package io.spate.bench.nexmark.run;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.dag.StreamGraph;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import io.spate.bench.nexmark.NexmarkWatermarks;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkSource;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs a Nexmark query on Spate's local cluster: a {@link NexmarkSource} bounded to the given
 * number of events, the query, and a sink that folds its output, at the given parallelism, state
 * backend and checkpoint interval. With {@code --latency} the source is paced to {@code --rate} and
 * the sink samples each row's latency (see {@link LatencyOrigin}).
 */
public final class SpateNexmarkRunner {

  private SpateNexmarkRunner() {}

  /** The protocol's entry point; see {@link RunnerOptions}. */
  public static void main(String[] args) {
    RunnerMain.main("spate", args, SpateNexmarkRunner::run);
  }

  /** Runs the job in this JVM and returns its measurement. */
  public static RunResult run(RunnerOptions options) throws Exception {
    return run(options, "spate", null);
  }

  /**
   * Runs the job as {@link #run(RunnerOptions)} does, reported as {@code engine}; with a non-null
   * {@code metrics}, the cluster's metric registry is configured by it (its reporters run).
   */
  static RunResult run(RunnerOptions options, String engine, Configuration metrics) throws Exception {
    NexmarkQuery<Object> query = options.nexmarkQuery();
    NexmarkConfiguration configuration = options.configuration();
    StreamExecutionEnvironment env = environment(options);
    String runId = UUID.randomUUID().toString();

    DataStream<Event> events = env.fromSource(new NexmarkSource(configuration),
        NexmarkWatermarks.boundedOutOfOrderness(Duration.ofMillis(configuration.outOfOrdernessMillis())),
        "Nexmark");
    if (options.latency()) {
      events = events.map(new WallClockOrigin(runId)).returns(Event.class)
          .name("wall clock origin");
    }
    DataStreamSink<Object> sink = query.build(events).sinkTo(new FoldingSink(runId, query.name(), options.latency()))
        .name(query.name() + " fold");
    if (!NexmarkQueries.insertOnly(query)) {
      // the last row per key must be found over all rows, so this fold runs in one place
      sink.setParallelism(1);
    }

    FoldingSink.Run run = FoldingSink.open(runId);
    if (options.latency()) {
      LatencyOrigin.open(runId, configuration, query.processingTime());
    }
    StreamGraph graph = env.getStreamGraph("nexmark " + query.name());
    JobGraph job = JobGraphGenerator.generate(graph);
    // The cluster starts before the clock does, as the Flink runner's MiniCluster does: both time the
    // job from submission to its end.
    try (MiniCluster cluster = startCluster(graph.configuration(), options.parallelism(), metrics)) {
      long cpu0 = ProcessMeter.processCpuNanos();
      long t0 = System.nanoTime();
      JobClient client = cluster.submitJob(job).join();
      client.getJobExecutionResult().get();
      long elapsed = System.nanoTime() - t0;
      long cpu = ProcessMeter.processCpuNanos() - cpu0;
      ResultSummary summary = run.summary();
      return RunResult.measured(engine, query.name(), options.events(), elapsed, cpu, ProcessMeter.peakRssKiB(),
          summary, options.latency() ? run.latency() : null);
    } finally {
      FoldingSink.close(runId);
      LatencyOrigin.close(runId);
    }
  }

  /** An embedded cluster with one slot per parallel instance: every operator shares the default slot group. */
  static MiniCluster startCluster(Configuration conf, int parallelism) {
    return startCluster(conf, parallelism, null);
  }

  /** {@link #startCluster(Configuration, int)} with the metric registry configured by {@code metrics}, if not null. */
  static MiniCluster startCluster(Configuration conf, int parallelism, Configuration metrics) {
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, parallelism,
        conf.get(TaskManagerOptions.WORKER_THREADS), conf.get(TaskManagerOptions.CHANNEL_CAPACITY),
        conf.get(TaskManagerOptions.BATCH_SIZE)));
    if (metrics != null) {
      cluster.reportingMetricsWith(metrics);
    }
    cluster.start();
    return cluster;
  }

  static StreamExecutionEnvironment environment(RunnerOptions options) {
    Configuration conf = new Configuration().set(StateBackendOptions.STATE_BACKEND, options.state());
    if (options.state().equals("rocksdb")) {
      conf.set(RocksDBOptions.LOCAL_DIRECTORY, options.checkpointDir().resolve("rocksdb-local").toString());
    }
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
    env.setParallelism(options.parallelism());
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.setRestartStrategy(RestartStrategies.noRestart());
    if (options.checkpointIntervalMillis() > 0) {
      env.enableCheckpointing(options.checkpointIntervalMillis());
      env.getCheckpointConfig().setCheckpointStorage(options.checkpointDir().toAbsolutePath());
    }
    return env;
  }
}
