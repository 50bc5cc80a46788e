package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.ReduceFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Keyed rolling aggregations: {@code reduce}, {@code sum}, {@code min}, {@code max}, {@code minBy},
 * {@code maxBy} by field name and by position, against running values computed in plain Java.
 *
 * <p>The input comes from a non-parallel source, so the records of one key reach their reduce
 * subtask in input order and the whole sequence of running values per key is determined.
 */
class KeyedAggregationE2ETest {

  /** A record with a key, two numeric fields and a tag that tells records apart. */
  public record Trade(String symbol, int qty, long price, int seq) {}

  /** A POJO: public no-arg constructor and public fields. */
  public static class Reading {
    public String sensor;
    public long value;

    public Reading() {}

    public Reading(String sensor, long value) {
      this.sensor = sensor;
      this.value = value;
    }

    @Override
    public String toString() {
      return sensor + "=" + value;
    }
  }

  private static final List<Trade> TRADES = trades(3_000);

  private static List<Trade> trades(int n) {
    Random random = new Random(7);
    String[] symbols = {"AA", "BB", "CC", "DD", "EE", "FF", "GG"};
    List<Trade> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // few distinct prices, so that minBy/maxBy meet ties
      out.add(new Trade(symbols[random.nextInt(symbols.length)], random.nextInt(100) + 1, random.nextInt(15), i));
    }
    return out;
  }

  private static <T, K> Map<K, List<T>> runningPerKey(List<T> input, Function<T, K> key, BinaryOperator<T> reduce) {
    Map<K, List<T>> out = new LinkedHashMap<>();
    Map<K, T> acc = new HashMap<>();
    for (T t : input) {
      K k = key.apply(t);
      T next = acc.containsKey(k) ? reduce.apply(acc.get(k), t) : t;
      acc.put(k, next);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(next);
    }
    return out;
  }

  private static <T, K> Map<K, List<T>> groupInArrivalOrder(List<T> output, Function<T, K> key) {
    Map<K, List<T>> out = new LinkedHashMap<>();
    for (T t : output) {
      out.computeIfAbsent(key.apply(t), x -> new ArrayList<>()).add(t);
    }
    return out;
  }

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
  }

  private DataStream<Trade> trades(StreamExecutionEnvironment env) {
    return env.fromData(TRADES);
  }

  @Test
  void reduceEmitsTheRunningValuePerKeyInOrder() throws Exception {
    StreamExecutionEnvironment env = env();
    ReduceFunction<Trade> fn = (a, b) -> new Trade(a.symbol(), a.qty() + b.qty(), Math.max(a.price(), b.price()), b.seq());
    List<Trade> out = collect(trades(env).keyBy(Trade::symbol).reduce(fn));
    Map<String, List<Trade>> expected = runningPerKey(TRADES, Trade::symbol,
        (a, b) -> new Trade(a.symbol(), a.qty() + b.qty(), Math.max(a.price(), b.price()), b.seq()));
    assertThat(out).hasSize(TRADES.size());
    assertThat(groupInArrivalOrder(out, Trade::symbol)).isEqualTo(expected);
  }

  @Test
  void sumByFieldName() throws Exception {
    StreamExecutionEnvironment env = env();
    List<Trade> out = collect(trades(env).keyBy(Trade::symbol).sum("qty"));
    Map<String, List<Integer>> expected = new LinkedHashMap<>();
    runningPerKey(TRADES, Trade::symbol, (a, b) -> new Trade(a.symbol(), a.qty() + b.qty(), 0, 0))
        .forEach((k, v) -> expected.put(k, v.stream().map(Trade::qty).toList()));
    Map<String, List<Integer>> actual = new LinkedHashMap<>();
    groupInArrivalOrder(out, Trade::symbol).forEach((k, v) -> actual.put(k, v.stream().map(Trade::qty).toList()));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void sumByPositionOfARecordComponent() throws Exception {
    StreamExecutionEnvironment env = env();
    List<Trade> out = collect(trades(env).keyBy(Trade::symbol).sum(2)); // price
    Map<String, List<Long>> expected = new LinkedHashMap<>();
    runningPerKey(TRADES, Trade::symbol, (a, b) -> new Trade(a.symbol(), 0, a.price() + b.price(), 0))
        .forEach((k, v) -> expected.put(k, v.stream().map(Trade::price).toList()));
    Map<String, List<Long>> actual = new LinkedHashMap<>();
    groupInArrivalOrder(out, Trade::symbol).forEach((k, v) -> actual.put(k, v.stream().map(Trade::price).toList()));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void sumByPositionZeroOfABasicType() throws Exception {
    StreamExecutionEnvironment env = env();
    List<Long> input = new ArrayList<>();
    for (long i = 1; i <= 2_000; i++) {
      input.add(i * 7 % 1_001);
    }
    List<Long> out = collect(env.fromData(input).keyBy(x -> x % 5).sum(0));
    // the running sum per key; the key of a sum is not the key of its parts, so compare per key of input
    Map<Long, Long> finalSum = new HashMap<>();
    List<Long> expectedAll = new ArrayList<>();
    for (long x : input) {
      long s = finalSum.merge(x % 5, x, Long::sum);
      expectedAll.add(s);
    }
    assertThat(out).containsExactlyInAnyOrderElementsOf(expectedAll);
  }

  @Test
  void minAndMaxByFieldNameAndPosition() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<Trade> source = trades(env);
    List<Trade> minByName = new ArrayList<>();
    List<Trade> maxByPosition = new ArrayList<>();
    E2eSupport.RecordingSink<Trade> minSink = new E2eSupport.RecordingSink<>();
    E2eSupport.RecordingSink<Trade> maxSink = new E2eSupport.RecordingSink<>();
    source.keyBy(Trade::symbol).min("price").sinkTo(minSink);
    source.keyBy(Trade::symbol).max(1).sinkTo(maxSink); // qty
    E2eSupport.run(env, "min-max");
    minByName.addAll(minSink.values());
    maxByPosition.addAll(maxSink.values());

    Map<String, List<Long>> expectedMin = new LinkedHashMap<>();
    Map<String, List<Integer>> expectedMax = new LinkedHashMap<>();
    Map<String, Long> min = new HashMap<>();
    Map<String, Integer> max = new HashMap<>();
    for (Trade t : TRADES) {
      expectedMin.computeIfAbsent(t.symbol(), k -> new ArrayList<>()).add(min.merge(t.symbol(), t.price(), Math::min));
      expectedMax.computeIfAbsent(t.symbol(), k -> new ArrayList<>()).add(max.merge(t.symbol(), t.qty(), Math::max));
    }
    Map<String, List<Long>> actualMin = new LinkedHashMap<>();
    groupInArrivalOrder(minByName, Trade::symbol).forEach((k, v) -> actualMin.put(k, v.stream().map(Trade::price).toList()));
    Map<String, List<Integer>> actualMax = new LinkedHashMap<>();
    groupInArrivalOrder(maxByPosition, Trade::symbol).forEach((k, v) -> actualMax.put(k, v.stream().map(Trade::qty).toList()));
    assertThat(actualMin).isEqualTo(expectedMin);
    assertThat(actualMax).isEqualTo(expectedMax);
  }

  /** Flink's minBy/maxBy: the record holding the extreme value; on ties the first or the last one. */
  private static Map<String, List<Trade>> expectedBy(boolean min, boolean first) {
    return runningPerKey(TRADES, Trade::symbol, (acc, next) -> {
      int c = Long.compare(acc.price(), next.price());
      if (c == 0) {
        return first ? acc : next;
      }
      boolean accIsExtreme = min ? c < 0 : c > 0;
      return accIsExtreme ? acc : next;
    });
  }

  @Test
  void minByAndMaxByReturnWholeRecordsWithFirstAndLastOnTies() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<Trade> source = trades(env);
    E2eSupport.RecordingSink<Trade> minByFirst = new E2eSupport.RecordingSink<>();
    E2eSupport.RecordingSink<Trade> minByLast = new E2eSupport.RecordingSink<>();
    E2eSupport.RecordingSink<Trade> maxByFirst = new E2eSupport.RecordingSink<>();
    E2eSupport.RecordingSink<Trade> maxByLastPosition = new E2eSupport.RecordingSink<>();
    source.keyBy(Trade::symbol).minBy("price").sinkTo(minByFirst);
    source.keyBy(Trade::symbol).minBy("price", false).sinkTo(minByLast);
    source.keyBy(Trade::symbol).maxBy("price").sinkTo(maxByFirst);
    source.keyBy(Trade::symbol).maxBy(2, false).sinkTo(maxByLastPosition);
    E2eSupport.run(env, "min-by-max-by");
    assertThat(groupInArrivalOrder(minByFirst.values(), Trade::symbol)).isEqualTo(expectedBy(true, true));
    assertThat(groupInArrivalOrder(minByLast.values(), Trade::symbol)).isEqualTo(expectedBy(true, false));
    assertThat(groupInArrivalOrder(maxByFirst.values(), Trade::symbol)).isEqualTo(expectedBy(false, true));
    assertThat(groupInArrivalOrder(maxByLastPosition.values(), Trade::symbol)).isEqualTo(expectedBy(false, false));
  }

  @Test
  void sumAndMaxOnAPojoByFieldName() throws Exception {
    List<Reading> readings = new ArrayList<>();
    for (Trade t : TRADES) {
      readings.add(new Reading(t.symbol(), t.price()));
    }
    // expected running values, computed before the job runs
    Map<String, List<Long>> expectedSums = new LinkedHashMap<>();
    Map<String, List<Long>> expectedMaxes = new LinkedHashMap<>();
    Map<String, Long> sum = new HashMap<>();
    Map<String, Long> max = new HashMap<>();
    for (Reading r : readings) {
      expectedSums.computeIfAbsent(r.sensor, k -> new ArrayList<>()).add(sum.merge(r.sensor, r.value, Long::sum));
      expectedMaxes.computeIfAbsent(r.sensor, k -> new ArrayList<>()).add(max.merge(r.sensor, r.value, Math::max));
    }

    StreamExecutionEnvironment env = env();
    DataStream<Reading> source = env.fromData(readings);
    // the sinks turn each record into a string at once, so later changes to the objects cannot hide
    E2eSupport.RecordingSink<String> sums = new E2eSupport.RecordingSink<>();
    E2eSupport.RecordingSink<String> maxes = new E2eSupport.RecordingSink<>();
    source.keyBy(r -> r.sensor).sum("value").map(Reading::toString).sinkTo(sums);
    source.keyBy(r -> r.sensor).max("value").map(Reading::toString).sinkTo(maxes);
    E2eSupport.run(env, "pojo-aggregations");

    assertThat(perSensor(sums.values())).isEqualTo(expectedSums);
    assertThat(perSensor(maxes.values())).isEqualTo(expectedMaxes);
  }

  @Test
  void aggregatingPojosChangesNeitherTheInputNorEarlierOutputs() throws Exception {
    // Flink hands operators copies (collection sources deserialize, chains copy without object
    // reuse), so a rolling sum never changes a record after it was emitted, nor the user's input.
    List<Reading> readings = List.of(new Reading("s", 1), new Reading("s", 2), new Reading("s", 4));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    E2eSupport.RecordingSink<Reading> sink = new E2eSupport.RecordingSink<>();
    env.fromData(readings).keyBy(r -> r.sensor).sum("value").sinkTo(sink);
    E2eSupport.run(env, "pojo-no-mutation");
    assertThat(sink.values().stream().map(r -> r.value).toList()).as("emitted running sums").containsExactly(1L, 3L, 7L);
    assertThat(readings.stream().map(r -> r.value).toList()).as("the input collection").containsExactly(1L, 2L, 4L);
  }

  private static Map<String, List<Long>> perSensor(List<String> rendered) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    for (String s : rendered) {
      int eq = s.indexOf('=');
      out.computeIfAbsent(s.substring(0, eq), k -> new ArrayList<>()).add(Long.parseLong(s.substring(eq + 1)));
    }
    return out;
  }

  @Test
  void reduceOnAParallelSourceGivesTheRightFinalValuePerKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    long n = 20_000;
    List<Long> out = collect(env.fromSequence(1, n).keyBy(x -> x % 13).reduce(Long::sum));
    // one output per input record
    assertThat(out).hasSize((int) n);
    Map<Long, Long> expectedFinal = new HashMap<>();
    for (long i = 1; i <= n; i++) {
      expectedFinal.merge(i % 13, i, Long::sum);
    }
    // a running sum of positive numbers: its largest value is the final one. The key of a sum is
    // not the key of its parts, so identify the key by the set of final values.
    assertThat(out).containsAll(expectedFinal.values());
    long largest = out.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(largest).isEqualTo(expectedFinal.values().stream().mapToLong(Long::longValue).max().orElseThrow());
    // every output is a partial sum of some key: at most the final value of that key
    long bound = largest;
    assertThat(out).allMatch(v -> v >= 1 && v <= bound);
  }

  /** Records keyed by the record's own key field keep their key, so the final value per key is exact. */
  @Test
  void reduceOnAParallelSourceFinalValuePerKeyAndCount() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    long n = 20_000;
    List<Trade> out = collect(env.fromSequence(1, n)
        .map(i -> new Trade("k" + (i % 17), 1, i, (int) (long) i))
        .keyBy(Trade::symbol)
        .reduce((a, b) -> new Trade(a.symbol(), a.qty() + b.qty(), a.price() + b.price(), Math.max(a.seq(), b.seq()))));
    assertThat(out).hasSize((int) n);
    Map<String, Trade> last = new HashMap<>();
    Map<String, Integer> outputs = new HashMap<>();
    for (Trade t : out) {
      outputs.merge(t.symbol(), 1, Integer::sum);
      // within one key, outputs arrive in order: counts grow by one each time
      Trade previous = last.put(t.symbol(), t);
      assertThat(t.qty()).isEqualTo(previous == null ? 1 : previous.qty() + 1);
    }
    Map<String, Long> expectedSum = new HashMap<>();
    Map<String, Integer> expectedCount = new HashMap<>();
    for (long i = 1; i <= n; i++) {
      expectedSum.merge("k" + (i % 17), i, Long::sum);
      expectedCount.merge("k" + (i % 17), 1, Integer::sum);
    }
    assertThat(outputs).isEqualTo(expectedCount);
    Map<String, Long> finalSum = new HashMap<>();
    last.forEach((k, t) -> finalSum.put(k, t.price()));
    assertThat(finalSum).isEqualTo(expectedSum);
    Map<String, Integer> finalCount = new HashMap<>();
    last.forEach((k, t) -> finalCount.put(k, t.qty()));
    assertThat(finalCount).isEqualTo(expectedCount);
  }
}
