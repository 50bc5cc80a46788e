package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.AllWindowedStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.datastream.WindowedStream;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.AllWindowFunction;
import io.spate.api.functions.windowing.ProcessAllWindowFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.functions.windowing.WindowFunction;
import io.spate.api.state.ValueState;
import io.spate.api.tuple.Tuple2;
import io.spate.api.tuple.Tuple3;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The overloads of Flink's WindowedStream and AllWindowedStream that take types, the deprecated
 * forms, minBy/maxBy with a tie rule, and the global windows, triggers and sessions Flink builds
 * with static factories: each run as a job.
 */
class WindowedStreamShapesE2ETest {

  /** A reading: key, value, and the sequence number that is also its timestamp in seconds. */
  private static final TypeInformation<Tuple3<String, Integer, Integer>> READING =
      Types.TUPLE(Types.STRING, Types.INT, Types.INT);

  private static final List<Tuple3<String, Integer, Integer>> READINGS = List.of(
      Tuple3.of("a", 3, 0), Tuple3.of("a", 1, 1), Tuple3.of("b", 5, 2), Tuple3.of("a", 1, 3),
      Tuple3.of("a", 7, 12), Tuple3.of("b", 2, 13));

  private static DataStream<Tuple3<String, Integer, Integer>> readings(StreamExecutionEnvironment env) {
    return env.fromData(READINGS, READING).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Tuple3<String, Integer, Integer>>forMonotonousTimestamps()
            .withTimestampAssigner((r, ts) -> r.f2 * 1_000L));
  }

  private static WindowedStream<Tuple3<String, Integer, Integer>, String, TimeWindow> tenSeconds(
      StreamExecutionEnvironment env) {
    return readings(env).keyBy(r -> r.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)));
  }

  private static final ReduceFunction<Tuple3<String, Integer, Integer>> SUM =
      (x, y) -> Tuple3.of(x.f0, x.f1 + y.f1, Math.max(x.f2, y.f2));

  /** "key@start:value" of a window's single reduced or aggregated value. */
  static final class Label<V> implements WindowFunction<V, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void apply(String key, TimeWindow window, Iterable<V> input, Collector<String> out) {
      for (V value : input) {
        out.collect(key + "@" + window.getStart() / 1_000 + ":" + (value instanceof Tuple3<?, ?, ?> t ? t.f1 : value));
      }
    }
  }

  /** The same label from the process context. */
  static final class ProcessLabel<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context context, Iterable<V> elements, Collector<String> out) {
      new Label<V>().apply(key, context.window(), elements, out);
    }
  }

  /** The mean of the values, through a (count, sum) accumulator. */
  static final class Mean implements AggregateFunction<Tuple3<String, Integer, Integer>, Tuple2<Long, Long>, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<Long, Long> createAccumulator() {
      return Tuple2.of(0L, 0L);
    }

    @Override
    public Tuple2<Long, Long> add(Tuple3<String, Integer, Integer> value, Tuple2<Long, Long> acc) {
      return Tuple2.of(acc.f0 + 1, acc.f1 + value.f1);
    }

    @Override
    public Double getResult(Tuple2<Long, Long> acc) {
      return (double) acc.f1 / acc.f0;
    }

    @Override
    public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
      return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
    }
  }

  private static final TypeInformation<Tuple2<Long, Long>> COUNT_AND_SUM = Types.TUPLE(Types.LONG, Types.LONG);

  @Test
  void reduceAndApplyWithAResultType() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    WindowedStream<Tuple3<String, Integer, Integer>, String, TimeWindow> windows = tenSeconds(env);
    assertThat(windows.getInputType()).isEqualTo(READING);
    assertThat(windows.getExecutionEnvironment()).isSameAs(env);
    List<String> expected = List.of("a@0:5", "b@0:5", "a@10:7", "b@10:2");

    assertThat(E2eSupport.collect(windows.reduce(SUM, new Label<>(), Types.STRING)))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(E2eSupport.collect(tenSeconds(env).reduce(SUM, new ProcessLabel<>(), Types.STRING)))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(E2eSupport.collect(tenSeconds(env).apply(SUM, new Label<>())))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(E2eSupport.collect(tenSeconds(env).apply(SUM, new Label<>(), Types.STRING)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aggregateKeepsTheGivenAccumulatorType() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    assertThat(E2eSupport.collect(tenSeconds(env).aggregate(new Mean(), COUNT_AND_SUM, Types.DOUBLE)))
        .containsExactlyInAnyOrder(5.0 / 3, 5.0, 7.0, 2.0);
    assertThat(E2eSupport.collect(tenSeconds(env).aggregate(new Mean(), new Label<>(), COUNT_AND_SUM, Types.STRING)))
        .containsExactlyInAnyOrder("a@0:" + 5.0 / 3, "b@0:5.0", "a@10:7.0", "b@10:2.0");
    assertThat(E2eSupport.collect(tenSeconds(env)
        .aggregate(new Mean(), new ProcessLabel<>(), COUNT_AND_SUM, Types.DOUBLE, Types.STRING)))
        .containsExactlyInAnyOrder("a@0:" + 5.0 / 3, "b@0:5.0", "a@10:7.0", "b@10:2.0");
    // sliding windows are computed from slices, whose accumulators are stored with the given type
    assertThat(E2eSupport.collect(readings(env).keyBy(r -> r.f0)
        .window(SlidingEventTimeWindows.of(Duration.ofSeconds(20), Duration.ofSeconds(10)))
        .aggregate(new Mean(), COUNT_AND_SUM, Types.DOUBLE)))
        .containsExactlyInAnyOrder(5.0 / 3, 3.0, 7.0, 5.0, 3.5, 2.0);
  }

  @Test
  void minByAndMaxByPickTheFirstOrTheLastOnTies() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    // in key a's first window, 1 is the minimum twice (sequence 1 and 3), 3 and 1 ...
    assertThat(E2eSupport.collect(tenSeconds(env).minBy(1, true))).contains(Tuple3.of("a", 1, 1));
    assertThat(E2eSupport.collect(tenSeconds(env).minBy(1, false))).contains(Tuple3.of("a", 1, 3));
    assertThat(E2eSupport.collect(tenSeconds(env).minBy("f1", false))).contains(Tuple3.of("a", 1, 3));
    assertThat(E2eSupport.collect(tenSeconds(env).maxBy("f1", true))).contains(Tuple3.of("a", 3, 0));
    assertThat(E2eSupport.collect(tenSeconds(env).maxBy(2, false)))
        .containsExactlyInAnyOrder(Tuple3.of("a", 1, 3), Tuple3.of("b", 5, 2), Tuple3.of("a", 7, 12),
            Tuple3.of("b", 2, 13));
  }

  @Test
  void theAllWindowedStreamOfFlinksConstructorTakesTheSameOverloads() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    AllWindowedStream<Tuple3<String, Integer, Integer>, TimeWindow> all =
        new AllWindowedStream<>(readings(env), TumblingEventTimeWindows.of(Duration.ofSeconds(10)));
    assertThat(all.getInputType()).isEqualTo(READING);
    assertThat(all.getExecutionEnvironment()).isSameAs(env);
    assertThat(E2eSupport.collect(all.reduce(SUM, new AllLabel<>(), Types.STRING)))
        .containsExactlyInAnyOrder("0:10", "10:9");
    assertThat(E2eSupport.collect(allTen(env).reduce(SUM, new ProcessAllLabel<>(), Types.STRING)))
        .containsExactlyInAnyOrder("0:10", "10:9");
    assertThat(E2eSupport.collect(allTen(env).apply(SUM, new AllLabel<>())))
        .containsExactlyInAnyOrder("0:10", "10:9");
    assertThat(E2eSupport.collect(allTen(env).apply(SUM, new AllLabel<>(), Types.STRING)))
        .containsExactlyInAnyOrder("0:10", "10:9");
    assertThat(E2eSupport.collect(allTen(env).aggregate(new Mean(), COUNT_AND_SUM, Types.DOUBLE)))
        .containsExactlyInAnyOrder(2.5, 4.5);
    assertThat(E2eSupport.collect(allTen(env).aggregate(new Mean(), new AllLabel<>(), COUNT_AND_SUM, Types.STRING)))
        .containsExactlyInAnyOrder("0:2.5", "10:4.5");
    assertThat(E2eSupport.collect(allTen(env)
        .aggregate(new Mean(), new ProcessAllLabel<>(), COUNT_AND_SUM, Types.DOUBLE, Types.STRING)))
        .containsExactlyInAnyOrder("0:2.5", "10:4.5");
    assertThat(E2eSupport.collect(allTen(env).minBy(1, false))).containsExactlyInAnyOrder(
        Tuple3.of("a", 1, 3), Tuple3.of("b", 2, 13));
    assertThat(E2eSupport.collect(allTen(env).maxBy("f1", true))).containsExactlyInAnyOrder(
        Tuple3.of("b", 5, 2), Tuple3.of("a", 7, 12));
    assertThat(E2eSupport.collect(allTen(env).minBy("f1", true))).contains(Tuple3.of("a", 1, 1));
    assertThat(E2eSupport.collect(allTen(env).maxBy(1, false))).contains(Tuple3.of("b", 5, 2));
  }

  private static AllWindowedStream<Tuple3<String, Integer, Integer>, TimeWindow> allTen(StreamExecutionEnvironment env) {
    return readings(env).windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)));
  }

  /** "start:value" of a window's single value. */
  static final class AllLabel<V> implements AllWindowFunction<V, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void apply(TimeWindow window, Iterable<V> values, Collector<String> out) {
      for (V value : values) {
        out.collect(window.getStart() / 1_000 + ":" + (value instanceof Tuple3<?, ?, ?> t ? t.f1 : value));
      }
    }
  }

  /** The same label from the process context. */
  static final class ProcessAllLabel<V> extends ProcessAllWindowFunction<V, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Context context, Iterable<V> elements, Collector<String> out) {
      new AllLabel<V>().apply(context.window(), elements, out);
    }
  }

  @Test
  void globalWindowsWithTheEndOfStreamTriggerFireEachKeyOnceWhenTheInputEnds() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    DataStream<Tuple3<String, Integer, Integer>> totals = readings(env)
        .keyBy(r -> r.f0)
        .window(GlobalWindows.createWithEndOfStreamTrigger())
        .reduce(SUM);
    assertThat(E2eSupport.collect(totals)).containsExactlyInAnyOrder(Tuple3.of("a", 12, 12), Tuple3.of("b", 7, 13));
    // the plain global windows never fire by themselves
    assertThat(E2eSupport.collect(readings(env).keyBy(r -> r.f0).window(GlobalWindows.create()).reduce(SUM)))
        .isEmpty();
  }

  /** Fires and empties a global window every second record, counting in Flink's deprecated key-value state. */
  static final class EverySecond extends Trigger<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("deprecation")
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx)
        throws Exception {
      ValueState<Integer> count = ctx.getKeyValueState("count", Integer.class, 0);
      if (count.value() == 1) {
        count.update(0);
        return TriggerResult.FIRE_AND_PURGE;
      }
      count.update(count.value() + 1);
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void clear(GlobalWindow window, TriggerContext ctx) throws Exception {
      ctx.getKeyValueState("count", Types.INT, 0).clear();
    }
  }

  @Test
  void aTriggerKeepsItsCountInKeyValueState() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    KeyedStream<Tuple3<String, Integer, Integer>, String> keyed = readings(env).keyBy(r -> r.f0);
    assertThat(E2eSupport.collect(keyed.window(GlobalWindows.create()).trigger(new EverySecond()).reduce(SUM)))
        .containsExactlyInAnyOrder(Tuple3.of("a", 4, 1), Tuple3.of("a", 8, 12), Tuple3.of("b", 7, 13));
  }

  @Test
  void dynamicSessionsBuiltByTheirOwnClassGapPerRecord() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    // key a: the gap after each reading is its value in seconds: 0+3 covers 1, 1+1 covers nothing up to 3 ...
    assertThat(E2eSupport.collect(readings(env).keyBy(r -> r.f0)
        .window(DynamicEventTimeSessionWindows.<Tuple3<String, Integer, Integer>>withDynamicGap(r -> r.f1 * 1_000L))
        .reduce(SUM)))
        .containsExactlyInAnyOrder(Tuple3.of("a", 5, 3), Tuple3.of("a", 7, 12), Tuple3.of("b", 5, 2),
            Tuple3.of("b", 2, 13));
  }
}
