package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.bench.nexmark.ResultSummary;
import io.spate.connectors.nexmark.NexmarkConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestrator forks real child JVMs, reads their JSON and compares the engines. */
class NexmarkBenchmarkTest {

  @Test
  void runsEachEngineInAChildJvmAndComparesTheirResults(@TempDir java.nio.file.Path dir) throws Exception {
    BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--queries", "q1", "--events", "3000",
        "--parallelism", "2", "--engines", "spate,flink,baseline", "--flink-classpath", "/nonexistent",
        "--jvm-opts", "-Xmx256m", "--work-dir", dir.toString()});
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    List<QueryComparison> results = NexmarkBenchmark.run(o, new PrintStream(log, true, StandardCharsets.UTF_8));

    QueryComparison q1 = results.get(0);
    assertThat(q1.ok("spate")).hasSize(1);
    assertThat(q1.ok("baseline")).hasSize(1);
    assertThat(q1.resultCheck()).isEqualTo("equal (" + q1.ok("baseline").get(0).resultCount() + " rows)");
    // a missing Flink runner fails its own runs only, with the child's reason
    assertThat(q1.errors("flink")).singleElement().asString().contains("FlinkNexmarkRunner");
    String report = BenchmarkReport.markdown(o, results, new String[] {"--queries", "q1"});
    assertThat(report).contains("| q1 | 3 K |").contains("equal (").contains("Failed runs:");
  }

  @Test
  void parsesSizesAndDurations() {
    assertThat(BenchmarkOptions.count("10m")).isEqualTo(10_000_000);
    assertThat(BenchmarkOptions.count("250k")).isEqualTo(250_000);
    assertThat(BenchmarkOptions.millis("10s")).isEqualTo(10_000);
    assertThat(BenchmarkOptions.millis("500ms")).isEqualTo(500);
    assertThat(BenchmarkOptions.parse(new String[] {"--queries", "Q5,q7"}).queries).containsExactly("q5", "q7");
  }

  @Test
  void theEventRateReachesEveryRunnerAndTheLatencyRateReplacesItInLatencyRuns(@TempDir java.nio.file.Path dir) {
    BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--event-rate", "250k", "--latency-rate", "20k",
        "--work-dir", dir.toString()});

    for (String engine : BenchmarkOptions.ENGINES) {
      RunnerOptions run = RunnerOptions.parse(
          NexmarkBenchmark.runOptions(o, "q5", engine, 1, false).toArgs().toArray(String[]::new));
      assertThat(run.configuration().eventsPerSecond()).as(engine).isEqualTo(250_000);
      assertThat(run.configuration().rateLimited()).as(engine).isFalse();
    }
    RunnerOptions latency = RunnerOptions.parse(
        NexmarkBenchmark.runOptions(o, "q5", "spate", 1, true).toArgs().toArray(String[]::new));
    assertThat(latency.configuration().eventsPerSecond()).isEqualTo(20_000);
    assertThat(latency.configuration().rateLimited()).isTrue();
  }

  @Test
  void throughputRunsUseHugePagesByDefaultAndLatencyRunsDoNotUnlessTold() {
    BenchmarkOptions defaults = BenchmarkOptions.parse(new String[] {"--latency-rate", "20k"});
    BenchmarkOptions one = BenchmarkOptions.parse(new String[] {"--jvm-opts", "-Xmx1g -XX:+UseParallelGC",
        "--latency-rate", "20k"});
    BenchmarkOptions both = BenchmarkOptions.parse(new String[] {"--latency-jvm-opts", "-Xmx2g",
        "--jvm-opts", "-Xmx1g"});

    assertThat(defaults.jvmOptions).containsExactly("-Xmx4g", "-XX:+UseTransparentHugePages");
    assertThat(defaults.latencyJvmOptions).containsExactly("-Xmx4g");
    assertThat(BenchmarkReport.childJvms(defaults)).isEqualTo("throughput runs' JVMs with "
        + "`-Xmx4g -XX:+UseTransparentHugePages`, latency runs' with `-Xmx4g`");
    assertThat(one.latencyJvmOptions).containsExactly("-Xmx1g", "-XX:+UseParallelGC");
    assertThat(BenchmarkReport.childJvms(one)).isEqualTo("child JVMs with `-Xmx1g -XX:+UseParallelGC`");
    assertThat(both.jvmOptions).containsExactly("-Xmx1g");
    assertThat(both.latencyJvmOptions).containsExactly("-Xmx2g");
    assertThat(BenchmarkReport.childJvms(BenchmarkOptions.parse(new String[0])))
        .isEqualTo("child JVMs with `-Xmx4g -XX:+UseTransparentHugePages`");
    assertThat(BenchmarkReport.childJvms(BenchmarkOptions.parse(new String[] {"--mode", "latency",
        "--latency-rate", "20k"}))).isEqualTo("child JVMs with `-Xmx4g`");
  }

  @Test
  void theEventRateIs100KByDefaultAnd0MeansTheGeneratorsDefault() {
    assertThat(BenchmarkOptions.parse(new String[0]).eventRate).isEqualTo(100_000);
    BenchmarkOptions generatorDefault = BenchmarkOptions.parse(new String[] {"--event-rate", "0"});
    RunnerOptions run = NexmarkBenchmark.runOptions(generatorDefault, "q5", "flink", 1, false);

    assertThat(run.toArgs()).doesNotContain("--event-rate");
    assertThat(run.configuration().eventsPerSecond()).isEqualTo(NexmarkConfiguration.defaults().eventsPerSecond());
    assertThat(BenchmarkOptions.USAGE).contains("--event-rate EPS");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--event-rate", "-5"}))
        .hasMessageContaining("--event-rate");
  }

  @Test
  void theReportStatesTheEventTimeRateAndTheLatencyDefinition() {
    BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--queries", "q5", "--events", "10m",
        "--event-rate", "100k", "--latency-rate", "20k"});
    QueryComparison q5 = new QueryComparison("q5");
    q5.addLatency(RunResult.measured("spate", "q5", 200_000, 10_000_000_000L, 1, 1, new ResultSummary(1, 1),
        new RunResult.Latency(97, 3_000, 14_050)));

    String report = BenchmarkReport.markdown(o, List.of(q5), new String[0]);
    String generatorDefault = BenchmarkReport.markdown(
        BenchmarkOptions.parse(new String[] {"--events", "1m", "--event-rate", "0"}), List.of(), new String[0]);

    assertThat(report).contains("- Configuration: 10,000,000 events at 100 K events/s of event time "
        + "(100.0 s of event time; seed 0");
    assertThat(report).contains("Latency at 20 K events/s (200,000 events per run; event time advances")
        .contains("when the wall clock reaches its time").contains("min(t, lastEventTime)").contains("not sampled")
        .contains("| q5 | 0.10 / 3.00 / 14.1 | – |");
    assertThat(generatorDefault).contains("- Configuration: 1,000,000 events at 10.00 M events/s of event time "
        + "(0.1 s of event time, the generator's default rate; seed 0");
  }

  @Test
  void latencyModeRunsOnlyTheLatencyRunsAndReportsNoThroughputTable(@TempDir java.nio.file.Path dir) throws Exception {
    BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--queries", "q1", "--events", "3000",
        "--mode", "latency", "--latency-rate", "20k", "--latency-events", "2000", "--engines", "spate,baseline",
        "--jvm-opts", "-Xmx256m", "--work-dir", dir.toString()});

    List<QueryComparison> results = NexmarkBenchmark.run(o, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));

    assertThat(results.get(0).ok("spate")).isEmpty();
    assertThat(results.get(0).ok("baseline")).isEmpty();
    assertThat(results.get(0).medianLatency("spate")).isNotNull();
    String report = BenchmarkReport.markdown(o, results, new String[0]);
    assertThat(report).doesNotContain("| query | events |").contains("| query | Spate | Flink |");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--mode", "latency"}))
        .hasMessageContaining("--latency-rate");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--mode", "fast"}))
        .hasMessageContaining("--mode must be both or latency");
  }

  @Test
  void theReportSummarizesTheRatiosOverTheQueries() {
    List<QueryComparison> results = new java.util.ArrayList<>();
    long[][] nanos = {{1, 3}, {1, 2}, {2, 2}}; // Spate's and Flink's time for the same events: ratios 3, 2, 1
    for (int i = 0; i < nanos.length; i++) {
      QueryComparison q = new QueryComparison("q" + i);
      q.add(RunResult.measured("spate", q.query, 1_000_000, nanos[i][0] * 1_000_000_000L, 1, 1,
          new ResultSummary(1, 1), null));
      q.add(RunResult.measured("flink", q.query, 1_000_000, nanos[i][1] * 1_000_000_000L, 1, 1,
          new ResultSummary(1, 1), null));
      results.add(q);
    }

    assertThat(BenchmarkReport.summary("Spate/Flink", results, "flink"))
        .contains("Spate/Flink over 3 queries: median 2.00, lowest 1.00 (q2), highest 3.00 (q0).");
    assertThat(BenchmarkReport.summary("Spate/baseline", results, "baseline")).isEmpty();
  }
}
