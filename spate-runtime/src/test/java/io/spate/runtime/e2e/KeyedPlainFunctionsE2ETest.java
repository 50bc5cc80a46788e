package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.RichFilterFunction;
import io.spate.api.functions.RichFlatMapFunction;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * As in Flink, a plain rich function applied to a keyed stream (map, flatMap, filter, process)
 * has keyed state: each key sees its own value.
 */
class KeyedPlainFunctionsE2ETest {

  private static final long N = 3_000;

  /** The running count of the current key, kept in keyed state. */
  private static long count(ValueState<Long> seen) throws Exception {
    Long before = seen.value();
    long now = before == null ? 1 : before + 1;
    seen.update(now);
    return now;
  }

  private static ValueState<Long> countState(RuntimeContext context) {
    return context.getState(new ValueStateDescriptor<>("count", Types.LONG));
  }

  private static KeyedStream<Long, Long> keyed(StreamExecutionEnvironment env) {
    return env.fromSequence(1, N).keyBy(x -> x % 7);
  }

  /** Per key, the highest running count seen: each key's own number of records if state is per key. */
  private static Map<Long, Long> highest(List<long[]> keyAndCount) {
    return keyAndCount.stream().collect(Collectors.toMap(kc -> kc[0], kc -> kc[1], Math::max, TreeMap::new));
  }

  private static Map<Long, Long> expected() {
    Map<Long, Long> counts = new TreeMap<>();
    for (long x = 1; x <= N; x++) {
      counts.merge(x % 7, 1L, Long::sum);
    }
    return counts;
  }

  @Test
  void mapFlatMapAndProcessAfterKeyByCountPerKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<long[]> mapped = collect(keyed(env).map(new RichMapFunction<Long, long[]>() {
      private transient ValueState<Long> seen;

      @Override
      public void open(OpenContext context) {
        seen = countState(getRuntimeContext());
      }

      @Override
      public long[] map(Long x) throws Exception {
        return new long[] {x % 7, count(seen)};
      }
    }));
    assertThat(highest(mapped)).isEqualTo(expected());

    List<long[]> flatMapped = collect(keyed(StreamExecutionEnvironment.createLocalEnvironment(2))
        .flatMap(new RichFlatMapFunction<Long, long[]>() {
          private transient ValueState<Long> seen;

          @Override
          public void open(OpenContext context) {
            seen = countState(getRuntimeContext());
          }

          @Override
          public void flatMap(Long x, Collector<long[]> out) throws Exception {
            out.collect(new long[] {x % 7, count(seen)});
          }
        }));
    assertThat(highest(flatMapped)).isEqualTo(expected());

    List<long[]> processed = collect(keyed(StreamExecutionEnvironment.createLocalEnvironment(2))
        .process(new ProcessFunction<Long, long[]>() {
          private transient ValueState<Long> seen;

          @Override
          public void open(OpenContext context) {
            seen = countState(getRuntimeContext());
          }

          @Override
          public void processElement(Long x, Context ctx, Collector<long[]> out) throws Exception {
            out.collect(new long[] {x % 7, count(seen)});
          }
        }));
    assertThat(highest(processed)).isEqualTo(expected());
  }

  @Test
  void aFilterAfterKeyByKeepsTheFirstRecordsOfEachKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> firstThree = collect(keyed(env).filter(new RichFilterFunction<Long>() {
      private transient ValueState<Long> seen;

      @Override
      public void open(OpenContext context) {
        seen = countState(getRuntimeContext());
      }

      @Override
      public boolean filter(Long x) throws Exception {
        return count(seen) <= 3;
      }
    }));
    assertThat(firstThree).hasSize(7 * 3);
    assertThat(firstThree.stream().collect(Collectors.groupingBy(x -> x % 7, Collectors.counting())))
        .hasSize(7).allSatisfy((key, count) -> assertThat(count).isEqualTo(3));
  }
}
