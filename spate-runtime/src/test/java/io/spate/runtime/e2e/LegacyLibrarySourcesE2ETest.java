package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.source.FromElementsFunction;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.functions.source.StatefulSequenceSource;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink's ready-made legacy sources, StatefulSequenceSource and FromElementsFunction, in jobs: every
 * record once, at any parallelism and after a failure restored from a checkpoint.
 */
class LegacyLibrarySourcesE2ETest {

  private static final long RECORDS = 20_000;
  private static final int KEYS = 11;

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3, 4})
  void everySequenceInstanceEmitsItsShareOnce(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<Long> numbers = E2eSupport.collect(env.addSource(new StatefulSequenceSource(-5, 994)));
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(-5, 994).boxed().toList());
  }

  @Test
  void theSequenceHandlesTheEndsOfTheLongRangeAndAnEmptyRange() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    assertThat(E2eSupport.collect(env.addSource(new StatefulSequenceSource(Long.MAX_VALUE - 2, Long.MAX_VALUE))))
        .containsExactlyInAnyOrder(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    assertThat(E2eSupport.collect(env.addSource(new StatefulSequenceSource(Long.MIN_VALUE, Long.MIN_VALUE + 1))))
        .containsExactlyInAnyOrder(Long.MIN_VALUE, Long.MIN_VALUE + 1);
    assertThat(E2eSupport.collect(env.addSource(new StatefulSequenceSource(10, 9)))).isEmpty();
  }

  /** A record type that is not Serializable: only its serializer lets it travel with the job. */
  record Point(int x, int y) {}

  @Test
  void fromElementsEmitsItsElementsInOrder() throws Exception {
    // parallelism 1, so that the order reaches the recording sink as the source emits it
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    FromElementsFunction<Point> points = new FromElementsFunction<>(Types.RECORD(Point.class).createSerializer(),
        new Point(1, 2), new Point(3, 4), new Point(5, 6));
    assertThat(points.getNumElements()).isEqualTo(3);
    assertThat(points.getSerializer()).isNotNull();
    assertThat(E2eSupport.collect(env.addSource(points, Types.RECORD(Point.class))))
        .containsExactly(new Point(1, 2), new Point(3, 4), new Point(5, 6));

    FromElementsFunction<String> words = new FromElementsFunction<>(List.of("to", "be", "or"));
    assertThat(words.getSerializer()).isNull();
    assertThat(E2eSupport.collect(env.addSource(words, Types.STRING))).containsExactly("to", "be", "or");

    FromElementsFunction<String> typed = new FromElementsFunction<>("a", "b");
    typed.setOutputType(Types.STRING, new ExecutionConfig());
    assertThat(typed.getSerializer()).isNotNull();
    assertThat(E2eSupport.collect(env.addSource(typed, Types.STRING))).containsExactly("a", "b");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void checkCollectionNamesTheElementOfAnotherClass() {
    FromElementsFunction.checkCollection(List.of(1, 2L, 3.0), Number.class);
    List<Integer> mixed = (List) List.of(1, "two"); // what an unchecked caller may pass
    assertThatThrownBy(() -> FromElementsFunction.checkCollection(mixed, Integer.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("element 1 is a java.lang.String");
    assertThatThrownBy(() -> FromElementsFunction.checkCollection(java.util.Arrays.asList(1, null), Integer.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null element, at position 1");
  }

  private static ClusterJobClient sums(String runId, SourceFunction<Long> source, boolean fail) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(30);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    env.addSource(source, "Numbers", Types.LONG).uid("numbers")
        .map(new LegacySourceRecoveryE2ETest.FailAfterCheckpoint(runId, fail)).uid("fail")
        .keyBy(n -> n % KEYS)
        .process(new LegacyFunctionsE2ETest.SumAtEnd()).uid("sums")
        .addSink(new LegacyFunctionsE2ETest.ResultSink(runId)).uid("results");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  /**
   * The keyed sums emitted at the end match a run without failure only if the restored source
   * resumed exactly where the restored sums left it: no record lost, none twice.
   */
  private static void assertExactlyOnceAfterAFailure(String run, SourceFunction<Long> clean,
      SourceFunction<Long> faulty) throws Exception {
    sums(run + "-clean", clean, false);
    ClusterJobClient faultyRun = sums(run + "-faulty", faulty, true);

    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faultyRun.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faultyRun.getLatestRestore().get(10, TimeUnit.SECONDS),
        LegacySourceRecoveryE2ETest.failedAfter(run + "-faulty"));
    List<String> expected = LegacyFunctionsE2ETest.expectedSums(RECORDS, KEYS);
    assertThat(LegacyFunctionsE2ETest.results(run + "-clean")).isEqualTo(expected);
    assertThat(LegacyFunctionsE2ETest.results(run + "-faulty")).isEqualTo(expected);
  }

  @Test
  @Tag("fault-injection")
  void aRestoredSequenceEmitsEveryNumberExactlyOnce() throws Exception {
    assertExactlyOnceAfterAFailure("sequence",
        new StatefulSequenceSource(0, RECORDS - 1), new StatefulSequenceSource(0, RECORDS - 1));
  }

  @Test
  @Tag("fault-injection")
  void aRestoredFromElementsEmitsEveryElementExactlyOnce() throws Exception {
    List<Long> numbers = LongStream.range(0, RECORDS).boxed().toList();
    assertExactlyOnceAfterAFailure("elements",
        new FromElementsFunction<>(Types.LONG.createSerializer(), numbers),
        new FromElementsFunction<>(Types.LONG.createSerializer(), numbers));
  }
}
