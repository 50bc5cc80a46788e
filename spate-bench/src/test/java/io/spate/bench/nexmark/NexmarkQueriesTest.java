package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.connectors.nexmark.Event;
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

  static <R> List<R> run(NexmarkQuery<R> query, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
    DataStream<R> output = query.build(TestEvents.stream(env));
    List<R> rows = new java.util.ArrayList<>();
    try (CloseableIterator<R> it = output.executeAndCollect(query.name())) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
