package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.state.RocksDBOptions;
import io.spate.connectors.nexmark.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query on the local cluster, at parallelism 1 and 2, over a bounded test stream (so that all
 * windows and timers fire at its end), gives the baseline's canonical result.
 */
class NexmarkQueriesTest {

  private static final List<Event> EVENTS = TestEvents.all();

  static Stream<Arguments> queries() {
    return NexmarkQueries.all().stream()
        .filter(q -> !(q instanceof Q12))
        .flatMap(q -> Stream.of(Arguments.of(q.name(), q, 1), Arguments.of(q.name(), q, 2)));
  }

  @ParameterizedTest(name = "{0} at parallelism {2}")
  @MethodSource("queries")
  void spateGivesTheBaselinesResult(String name, NexmarkQuery<Object> query, int parallelism) throws Exception {
    ResultFold<Object> expected = query.newFold(true);
    query.baseline(EVENTS, expected::add);

    ResultFold<Object> actual = query.newFold(true);
    run(query, parallelism).forEach(actual::add);

    assertThat(expected.summary().count()).as("the baseline finds rows in the test stream").isPositive();
    assertThat(actual.rows()).containsExactlyInAnyOrderElementsOf(expected.rows());
    assertThat(actual.summary()).isEqualTo(expected.summary());
  }

  /** On RocksDB, where every state access goes through the serializers, and checkpointing often. */
  @ParameterizedTest(name = "{0} on RocksDB with checkpoints")
  @MethodSource("queriesAtParallelism2")
  void spateOnRocksDbWithCheckpointsGivesTheBaselinesResult(String name, NexmarkQuery<Object> query)
      throws Exception {
    ResultFold<Object> expected = query.newFold(true);
    query.baseline(EVENTS, expected::add);

    StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration()
        .set(StateBackendOptions.STATE_BACKEND, "rocksdb")
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "32mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY,
            Path.of(System.getProperty("java.io.tmpdir"), "nexmark-rocksdb").toString()));
    env.setParallelism(2).enableCheckpointing(20).setRestartStrategy(RestartStrategies.noRestart());
    ResultFold<Object> actual = query.newFold(true);
    run(query, env).forEach(actual::add);

    assertThat(actual.rows()).containsExactlyInAnyOrderElementsOf(expected.rows());
  }

  static Stream<Arguments> queriesAtParallelism2() {
    return queries().filter(arguments -> (int) arguments.get()[2] == 2)
        .map(arguments -> Arguments.of(arguments.get()[0], arguments.get()[1]));
  }

  static <R> List<R> run(NexmarkQuery<R> query, int parallelism) throws Exception {
    return run(query, StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism));
  }

  static <R> List<R> run(NexmarkQuery<R> query, StreamExecutionEnvironment env) throws Exception {
    DataStream<R> output = query.build(TestEvents.stream(env));
    List<R> rows = new ArrayList<>();
    try (CloseableIterator<R> it = output.executeAndCollect(query.name())) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
