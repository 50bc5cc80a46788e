package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BeforeTheClock;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.flink.sql.ChangelogFoldSink;
import io.spate.bench.nexmark.flink.sql.EventRows;
import io.spate.bench.nexmark.run.ProcessMeter;
import io.spate.bench.nexmark.run.RunResult;
import io.spate.bench.nexmark.sql.NexmarkSqlQueries;
import io.spate.bench.nexmark.sql.NexmarkSqlScript;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;

/**
 * Runs one Nexmark query's SQL ({@link NexmarkSqlScript}, the files Spate SQL runs) on Apache Flink's
 * SQL engine in an in-process MiniCluster, with the protocol and configuration of
 * {@link FlinkNexmarkRunner}. The events come from {@link FlinkNexmarkSource} and become the
 * prelude's {@code datagen} table through {@code fromDataStream}, with the prelude's own computed
 * time column and watermark, so that both engines see the same events and watermarks; the prelude's
 * other statements and the query then run as written. The result's changelog is folded by
 * {@link ChangelogFoldSink}.
 */
public final class FlinkSqlNexmarkRunner {

  private static final Pattern TIME_COLUMN = Pattern.compile("(?is)\\bdateTime\\s+AS\\s+(CASE\\b.*?\\bEND)\\s*,");
  private static final Pattern SET = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'([^']*)'$");
  private static final Pattern WATERMARK = Pattern.compile("(?is)\\bWATERMARK\\s+FOR\\s+dateTime\\s+AS\\s+(.*?)\\s*\\)\\s*WITH\\b");

  private FlinkSqlNexmarkRunner() {}

  /** Runs the query of {@code options} and returns its timing and result summary. */
  public static FlinkNexmarkRunner.Outcome run(FlinkNexmarkRunner.Options options) throws Exception {
    if (options.latency()) {
      throw new IllegalArgumentException("The flink-sql engine measures throughput only, not --latency");
    }
    NexmarkConfiguration nexmark = options.nexmark();
    Configuration config = FlinkNexmarkRunner.configuration(options);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(options.parallelism());
    if (options.checkpointIntervalMs() > 0) {
      env.enableCheckpointing(options.checkpointIntervalMs());
    }
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);

    NexmarkSqlScript script = NexmarkSqlScript.load(options.query(), NexmarkSqlQueries.placeholders(
        nexmark.numEvents(), nexmark.eventsPerSecond(), nexmark.seed(), options.parallelism(),
        "io.spate.bench.nexmark.flink.sql"));
    DataStream<Row> rows = env.addSource(new FlinkNexmarkSource(nexmark), "Nexmark")
        .map(new EventRows(), ExternalTypeInfo.<Row>of(EventRows.TYPE)).name("Nexmark events to rows");
    for (String statement : script.prelude()) {
      if (isDatagenTable(statement)) {
        tEnv.createTemporaryView("datagen", tEnv.fromDataStream(rows, Schema.newBuilder()
            .columnByExpression("dateTime", group(TIME_COLUMN, statement))
            .watermark("dateTime", group(WATERMARK, statement))
            .build()));
      } else {
        execute(tEnv, statement);
      }
    }
    script.setup().forEach(tEnv::executeSql);
    Table result = tEnv.sqlQuery(script.query());
    tEnv.toChangelogStream(result).addSink(new ChangelogFoldSink(options.query())).name("Result fold");
    JobGraph job = env.getStreamGraph().getJobGraph();

    MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
        .setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(options.parallelism()).build();
    try (MiniCluster mini = new MiniCluster(cluster)) {
      mini.start();
      long cpu0 = ProcessMeter.processCpuNanos();
      long t0 = System.nanoTime();
      JobExecutionResult done = mini.executeJobBlocking(job);
      long elapsed = System.nanoTime() - t0;
      long cpu = ProcessMeter.processCpuNanos() - cpu0;
      Long count = done.getAccumulatorResult(ChangelogFoldSink.COUNT);
      Long checksum = done.getAccumulatorResult(ChangelogFoldSink.CHECKSUM);
      ResultSummary summary = new ResultSummary(count == null ? 0 : count, checksum == null ? 0 : checksum);
      return new FlinkNexmarkRunner.Outcome(elapsed, cpu, summary, null);
    }
  }

  /** Runs {@code statement}; a {@code SET}, which only Flink's SQL client takes, sets the table config. */
  private static void execute(StreamTableEnvironment tEnv, String statement) {
    Matcher set = SET.matcher(statement);
    if (set.matches()) {
      tEnv.getConfig().set(set.group(1), set.group(2));
    } else {
      tEnv.executeSql(statement);
    }
  }

  private static boolean isDatagenTable(String statement) {
    return statement.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").startsWith("CREATE TABLE DATAGEN ");
  }

  private static String group(Pattern pattern, String statement) {
    Matcher m = pattern.matcher(statement);
    if (!m.find()) {
      throw new IllegalStateException("The prelude's datagen table lacks " + pattern + ": " + statement);
    }
    return m.group(1);
  }

  /** Runs one measurement and writes its JSON; exits 1 on failure. */
  public static void main(String[] args) throws IOException {
    String query = "?";
    String out = null;
    try {
      FlinkNexmarkRunner.Options options = FlinkNexmarkRunner.Options.parse(args);
      query = options.query();
      out = options.out();
      BeforeTheClock.prepare(options.nexmark());
      FlinkNexmarkRunner.Outcome o = run(options);
      write(out, RunResult.measured("flink-sql", query, options.events(), o.elapsedNanos(), o.cpuNanos(),
          ProcessMeter.peakRssKiB(), o.summary(), null).toJson());
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      write(out, RunResult.failed("flink-sql", query, message).toJson());
      System.exit(1);
    }
  }

  private static void write(String out, String json) throws IOException {
    if (out == null) {
      System.out.println(json);
    } else {
      Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
    }
  }
}
