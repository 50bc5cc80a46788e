package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;

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
}
