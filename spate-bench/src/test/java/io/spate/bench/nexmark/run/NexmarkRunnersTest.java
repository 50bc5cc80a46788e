package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The runners, called in this JVM, agree with each other and report what the protocol asks. */
class NexmarkRunnersTest {

  @TempDir
  Path dir;

  static Stream<Arguments> queriesAndParallelism() {
    return Stream.of("q0", "q4", "q5", "q7", "q8", "q18", "q19")
        .flatMap(q -> Stream.of(Arguments.of(q, 1), Arguments.of(q, 2)));
  }

  @ParameterizedTest(name = "{0} at parallelism {1}")
  @MethodSource("queriesAndParallelism")
  void spateAndTheBaselineReportTheSameResult(String query, int parallelism) throws Exception {
    RunResult baseline = BaselineNexmarkRunner.run(options(query, parallelism, "baseline"));
    RunResult spate = SpateNexmarkRunner.run(options(query, parallelism, "spate"));

    assertThat(baseline.resultCount()).as("the baseline finds rows").isPositive();
    assertThat(spate.resultCount()).isEqualTo(baseline.resultCount());
    assertThat(spate.resultChecksum()).isEqualTo(baseline.resultChecksum());
    assertThat(spate.sameResultAs(baseline)).isTrue();
    assertThat(spate.engine()).isEqualTo("spate");
    assertThat(spate.events()).isEqualTo(5_000);
    assertThat(spate.elapsedNanos()).isPositive();
    assertThat(spate.cpuNanos()).isPositive();
    assertThat(spate.peakRssKiB()).isPositive();
  }

  @Test
  void theJsonRoundTripsThroughAFile() throws Exception {
    RunResult result = BaselineNexmarkRunner.run(options("q1", 1, "json"));
    Path file = dir.resolve("q1.json");
    result.writeTo(file);

    RunResult read = RunResult.read(file);

    assertThat(read).isEqualTo(result);
    assertThat(read.isError()).isFalse();
    assertThat(read.toJson()).contains("\"engine\":\"baseline\"", "\"query\":\"q1\"", "\"resultChecksum\":\"")
        .doesNotContain("latency", "error");
  }

  @Test
  void latencyModePacesTheSourceAndReportsPercentiles() throws Exception {
    RunnerOptions o = new RunnerOptions("q0", 2_000, 1, "hashmap", 0, dir.resolve("cp"), 1, dir.resolve("l.json"),
        20_000, true);

    RunResult result = SpateNexmarkRunner.run(o);

    assertThat(result.resultCount()).isEqualTo(BaselineNexmarkRunner.run(o).resultCount());
    // 2000 events at 20000 per second take at least 100 ms of wall time
    assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(90_000_000L);
    assertThat(result.latency()).isNotNull();
    assertThat(result.latency().p50Micros()).isLessThanOrEqualTo(result.latency().p99Micros());
    assertThat(result.latency().p99Micros()).isLessThanOrEqualTo(result.latency().p999Micros());
    assertThat(RunResult.parse(result.toJson()).latency()).isEqualTo(result.latency());
  }

  @Test
  void anUnknownQueryIsAnErrorNamingTheKnownOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunnerOptions.parse(new String[] {
        "--query", "q99", "--events", "10", "--out", dir.resolve("x.json").toString()}).nexmarkQuery())
        .hasMessageContaining("q99").hasMessageContaining("q22");
  }

  @Test
  void optionsRoundTripThroughTheirArguments() {
    RunnerOptions o = new RunnerOptions("q5", 123, 3, "rocksdb", 500, dir.resolve("cp"), 7, dir.resolve("o.json"),
        1000, true);

    assertThat(RunnerOptions.parse(o.toArgs().toArray(String[]::new))).isEqualTo(o);
  }

  private RunnerOptions options(String query, int parallelism, String name) {
    return new RunnerOptions(query, 5_000, parallelism, "hashmap", 0, dir.resolve("cp-" + name),
        3, dir.resolve(name + ".json"), 0, false);
  }
}
