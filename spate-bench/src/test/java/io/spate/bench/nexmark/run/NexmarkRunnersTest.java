package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.connectors.nexmark.NexmarkConfiguration;

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
    // 0: the generator's 10 M events/s, so 5000 events span 0.5 ms; 1000: they span 5 s, several windows
    return Stream.of("q0", "q4", "q5", "q7", "q8", "q18", "q19")
        .flatMap(q -> Stream.of(Arguments.of(q, 1, 0), Arguments.of(q, 2, 0), Arguments.of(q, 2, 1_000)));
  }

  @ParameterizedTest(name = "{0} at parallelism {1}, event rate {2}")
  @MethodSource("queriesAndParallelism")
  void spateAndTheBaselineReportTheSameResult(String query, int parallelism, double eventRate) throws Exception {
    RunResult baseline = BaselineNexmarkRunner.run(options(query, parallelism, eventRate, "baseline"));
    RunResult spate = SpateNexmarkRunner.run(options(query, parallelism, eventRate, "spate"));

    assertThat(baseline.resultCount()).as("the baseline finds rows").isPositive();
    assertThat(spate.resultCount()).isEqualTo(baseline.resultCount());
    assertThat(spate.resultChecksum()).isEqualTo(baseline.resultChecksum());
    assertThat(spate.sameResultAs(baseline)).isTrue();
    assertThat(spate.engine()).isEqualTo("spate");
    assertThat(spate.events()).isEqualTo(5_000);
    assertThat(spate.elapsedNanos()).isPositive();
    // the process CPU clock is coarse: for a job this short it can read the same before and after
    assertThat(spate.cpuNanos()).isNotNegative();
    assertThat(spate.peakRssKiB()).isPositive();
  }

  @Test
  void theJsonRoundTripsThroughAFile() throws Exception {
    RunResult result = BaselineNexmarkRunner.run(options("q1", 1, 0, "json"));
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
        0, 20_000, true);

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
  void windowsThatOnlyTheEndOfInputClosesAreSampledFromTheLastEvent() throws Exception {
    // 2000 events at 20000 per second span 100 ms of event time: every 10 s window of q5 and q7 closes at
    // the end of input, stamped after the last event
    for (String query : new String[] {"q5", "q7"}) {
      RunnerOptions o = new RunnerOptions(query, 2_000, 2, "hashmap", 0, dir.resolve("cp-" + query), 1,
          dir.resolve(query + ".json"), 20_000, 20_000, true);

      RunResult result = SpateNexmarkRunner.run(o);

      assertThat(result.resultCount()).isPositive().isEqualTo(BaselineNexmarkRunner.run(o).resultCount());
      assertThat(result.latency()).as(query).isNotNull();
    }
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
        1000, 1000, true);

    assertThat(RunnerOptions.parse(o.toArgs().toArray(String[]::new))).isEqualTo(o);
  }

  @Test
  void theEventRateSetsEventTimeButNotThePace() {
    RunnerOptions o = new RunnerOptions("q5", 123, 1, "hashmap", 0, dir.resolve("cp"), 7, dir.resolve("o.json"),
        2_500, 0, false);

    RunnerOptions parsed = RunnerOptions.parse(o.toArgs().toArray(String[]::new));

    assertThat(o.toArgs()).containsSubsequence("--event-rate", "2500.0").doesNotContain("--rate");
    assertThat(parsed).isEqualTo(o);
    assertThat(parsed.configuration().eventsPerSecond()).isEqualTo(2_500);
    assertThat(parsed.configuration().rateLimited()).isFalse();
    assertThat(options("q5", 1, 0, "default").configuration().eventsPerSecond())
        .isEqualTo(NexmarkConfiguration.defaults().eventsPerSecond());
    assertThat(options("q5", 1, 0, "default").toArgs()).doesNotContain("--event-rate", "--rate");
  }

  @Test
  void aPaceDifferentFromTheEventRateIsRejected() {
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--query", "q0", "--events", "10", "--out",
        dir.resolve("x.json").toString(), "--event-rate", "1000", "--rate", "2000"}))
        .hasMessageContaining("--event-rate").hasMessageContaining("--rate");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--query", "q0", "--events", "10", "--out",
        dir.resolve("x.json").toString(), "--event-rate", "-1"}))
        .hasMessageContaining("at least 0");
  }

  private RunnerOptions options(String query, int parallelism, double eventRate, String name) {
    return new RunnerOptions(query, 5_000, parallelism, "hashmap", 0, dir.resolve("cp-" + name + "-" + parallelism),
        3, dir.resolve(name + ".json"), eventRate, 0, false);
  }
}
