package io.spate.bench.nexmark.run;

import io.spate.api.common.JobClient;
import io.spate.api.dag.StreamGraph;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.sql.KnownTableOptions;
import io.spate.bench.nexmark.sql.NexmarkSqlQueries;
import io.spate.bench.nexmark.sql.NexmarkSqlScript;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.table.api.Table;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.util.UUID;

/**
 * Runs a Nexmark query's SQL ({@link NexmarkSqlScript}) on Spate's local cluster, on the events the
 * DataStream runner ({@link SpateNexmarkRunner}) generates, with the same parallelism, state backend
 * and checkpoints. The query's result becomes a changelog stream whose changes a sink folds into the
 * DataStream version's {@link ResultSummary}.
 */
public final class SpateSqlNexmarkRunner {

  private SpateSqlNexmarkRunner() {}

  /** The protocol's entry point; see {@link RunnerOptions}. */
  public static void main(String[] args) {
    RunnerMain.main("spate-sql", args, SpateSqlNexmarkRunner::run);
  }

  /** Runs the job in this JVM and returns its measurement. */
  public static RunResult run(RunnerOptions options) throws Exception {
    if (options.latency()) {
      throw new IllegalArgumentException("The spate-sql engine measures throughput only, not --latency");
    }
    String name = options.query();
    NexmarkConfiguration configuration = options.configuration();
    StreamExecutionEnvironment env = SpateNexmarkRunner.environment(options);
    String runId = UUID.randomUUID().toString();

    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    NexmarkSqlScript script = NexmarkSqlScript.load(name, NexmarkSqlQueries.placeholders(configuration.numEvents(),
        configuration.eventsPerSecond(), configuration.seed(), options.parallelism(),
        NexmarkSqlQueries.SPATE_UDF_PACKAGE));
    KnownTableOptions.check(script.prelude());
    KnownTableOptions.check(script.setup());
    script.prelude().forEach(tEnv::executeSql);
    script.setup().forEach(tEnv::executeSql);
    Table result = tEnv.sqlQuery(script.query());
    DataStream<Row> changes = tEnv.toChangelogStream(result);
    changes.sinkTo(new SqlFoldingSink(runId, name)).name(name + " fold");

    SqlFoldingSink.Run run = SqlFoldingSink.open(runId);
    StreamGraph graph = env.getStreamGraph("nexmark sql " + name);
    JobGraph job = JobGraphGenerator.generate(graph);
    try (MiniCluster cluster = SpateNexmarkRunner.startCluster(graph.configuration(), options.parallelism())) {
      long cpu0 = ProcessMeter.processCpuNanos();
      long t0 = System.nanoTime();
      JobClient client = cluster.submitJob(job).join();
      client.getJobExecutionResult().get();
      long elapsed = System.nanoTime() - t0;
      long cpu = ProcessMeter.processCpuNanos() - cpu0;
      ResultSummary summary = run.summary();
      return RunResult.measured("spate-sql", name, options.events(), elapsed, cpu, ProcessMeter.peakRssKiB(),
          summary, null);
    } finally {
      SqlFoldingSink.close(runId);
    }
  }
}
