package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.AllWindowFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.functions.windowing.WindowFunction;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.evictors.DeltaEvictor;
import io.spate.api.windowing.evictors.TimeEvictor;
import io.spate.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window jobs on the local cluster, in STREAMING and BATCH at parallelism 1 to 4, against results
 * computed by simple models in the test.
 */
class WindowsE2ETest {

  /** A keyed, timestamped record. */
  public record Event(String key, long value, long ts) {}

  /** A window result. */
  public record Result(String key, long start, long sum) {}

  private static final int N = 2_000;

  /** Both modes at parallelism 1 to 4. */
  static Stream<Arguments> modes() {
    return Stream.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)
        .flatMap(mode -> Stream.of(1, 2, 3, 4).map(p -> Arguments.of(mode, p)));
  }

  private static StreamExecutionEnvironment env(RuntimeExecutionMode mode, int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
    env.setRuntimeMode(mode);
    return env;
  }

  /** Record i: key k(i % 7), value i, a timestamp out of order by less than 50 ms. */
  private static Event event(long i) {
    return new Event("k" + (i % 7), i, i * 10 + (i * 7919) % 50);
  }

  private static List<Event> model() {
    List<Event> events = new ArrayList<>();
    for (long i = 1; i <= N; i++) {
      events.add(event(i));
    }
    return events;
  }

  /** The events from a parallel source, with watermarks that make none of them late. */
  private static DataStream<Event> events(StreamExecutionEnvironment env) {
    return env.fromSequence(1, N).map(WindowsE2ETest::event).returns(Event.class)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(50))
            .withTimestampAssigner((e, ts) -> e.ts()));
  }

  /** Sums a keyed window into a {@link Result}. */
  static final class SumWindow extends ProcessWindowFunction<Event, Result, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Event> elements, Collector<Result> out) {
      long sum = 0;
      for (Event e : elements) {
        sum += e.value();
      }
      out.collect(new Result(key, ctx.window().getStart(), sum));
    }
  }

  /** Sums values. */
  static final class Sum implements AggregateFunction<Event, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Event value, long[] acc) {
      acc[0] += value.value();
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }
  }

  private static Map<Result, Integer> multiset(List<Result> results) {
    Map<Result, Integer> counts = new HashMap<>();
    results.forEach(r -> counts.merge(r, 1, Integer::sum));
    return counts;
  }

  private static List<Result> slidingModel(long size, long slide) {
    Map<String, Map<Long, Long>> sums = new TreeMap<>();
    for (Event e : model()) {
      for (long start = Math.floorDiv(e.ts(), slide) * slide; start > e.ts() - size; start -= slide) {
        sums.computeIfAbsent(e.key(), k -> new TreeMap<>()).merge(start, e.value(), Long::sum);
      }
    }
    List<Result> out = new ArrayList<>();
    sums.forEach((key, windows) -> windows.forEach((start, sum) -> out.add(new Result(key, start, sum))));
    return out;
  }

  @ParameterizedTest
  @MethodSource("modes")
  void tumblingProcessAndReduceAndAggregate(RuntimeExecutionMode mode, int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    DataStream<Event> events = events(env);
    List<Result> processed = collect(events.keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000))).process(new SumWindow()));
    assertThat(multiset(processed)).isEqualTo(multiset(slidingModel(1000, 1000)));

    StreamExecutionEnvironment env2 = env(mode, parallelism);
    List<Result> reduced = collect(events(env2).keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
        .reduce((a, b) -> new Event(a.key(), a.value() + b.value(), 0),
            (WindowFunction<Event, Result, String, TimeWindow>) (key, w, in, out) ->
                out.collect(new Result(key, w.getStart(), in.iterator().next().value())))
        .returns(Result.class));
    assertThat(multiset(reduced)).isEqualTo(multiset(slidingModel(1000, 1000)));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void slidingAggregateWithWindowFunction(RuntimeExecutionMode mode, int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    List<Result> results = collect(events(env).keyBy(Event::key)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(1000), Duration.ofMillis(250)))
        .aggregate(new Sum(), new ProcessWindowFunction<Long, Result, String, TimeWindow>() {
          @Override
          public void process(String key, Context ctx, Iterable<Long> sums, Collector<Result> out) {
            out.collect(new Result(key, ctx.window().getStart(), sums.iterator().next()));
          }
        }));
    assertThat(multiset(results)).isEqualTo(multiset(slidingModel(1000, 250)));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void sessionWindowsOfOutOfOrderRecords(RuntimeExecutionMode mode, int parallelism) throws Exception {
    // every 30 records of a key pause for 2 s: sessions with a 500 ms gap
    StreamExecutionEnvironment env = env(mode, parallelism);
    DataStream<Event> events = env.fromSequence(1, N)
        .map(i -> new Event("k" + (i % 7), i, (i / 7) * 100 + ((i / 7) / 30) * 2000 + (i * 13) % 40))
        .returns(Event.class)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(40))
            .withTimestampAssigner((e, ts) -> e.ts()));
    List<Result> results = collect(events.keyBy(Event::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(500))).process(new SumWindow()));

    Map<String, List<Event>> byKey = new TreeMap<>();
    for (long i = 1; i <= N; i++) {
      Event e = new Event("k" + (i % 7), i, (i / 7) * 100 + ((i / 7) / 30) * 2000 + (i * 13) % 40);
      byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
    }
    List<Result> expected = new ArrayList<>();
    byKey.forEach((key, list) -> {
      list.sort((a, b) -> Long.compare(a.ts(), b.ts()));
      long start = list.get(0).ts();
      long end = start + 500;
      long sum = 0;
      for (Event e : list) {
        if (e.ts() > end) {
          expected.add(new Result(key, start, sum));
          start = e.ts();
          sum = 0;
        }
        end = Math.max(end, e.ts() + 500);
        sum += e.value();
      }
      expected.add(new Result(key, start, sum));
    });
    assertThat(multiset(results)).isEqualTo(multiset(expected));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void countWindowsPerKeyAndSlidingCountWindows(RuntimeExecutionMode mode, int parallelism) throws Exception {
    List<Long> tumbling = countJob(mode, parallelism, false);
    List<Long> sliding = countJob(mode, parallelism, true);
    Map<String, List<Long>> byKey = new TreeMap<>();
    for (long i = 1; i <= 200; i++) {
      byKey.computeIfAbsent("k" + (i % 3), k -> new ArrayList<>()).add(i);
    }
    List<Long> expectedTumbling = new ArrayList<>();
    List<Long> expectedSliding = new ArrayList<>();
    byKey.values().forEach(values -> {
      for (int end = 5; end <= values.size(); end += 5) {
        expectedTumbling.add(values.subList(end - 5, end).stream().mapToLong(Long::longValue).sum());
      }
      for (int end = 2; end <= values.size(); end += 2) {
        expectedSliding.add(values.subList(Math.max(0, end - 5), end).stream().mapToLong(Long::longValue).sum());
      }
    });
    assertThat(tumbling).containsExactlyInAnyOrderElementsOf(expectedTumbling);
    assertThat(sliding).containsExactlyInAnyOrderElementsOf(expectedSliding);
  }

  private static List<Long> countJob(RuntimeExecutionMode mode, int parallelism, boolean sliding) throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    // one source subtask keeps each key's records in order, which count windows depend on
    DataStream<Event> events = env.fromSequence(1, 200).setParallelism(1)
        .map(i -> new Event("k" + (i % 3), i, 0)).returns(Event.class).setParallelism(1);
    var keyed = events.keyBy(Event::key);
    var windowed = sliding ? keyed.countWindow(5, 2) : keyed.countWindow(5);
    return collect(windowed.aggregate(new Sum()));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void windowAllSumsEveryRecordOfAWindow(RuntimeExecutionMode mode, int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    List<Result> results = collect(events(env).windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(5000)))
        .apply((AllWindowFunction<Event, Result, TimeWindow>) (w, in, out) -> {
          long sum = 0;
          for (Event e : in) {
            sum += e.value();
          }
          out.collect(new Result("all", w.getStart(), sum));
        }).returns(Result.class));
    Map<Long, Long> sums = new TreeMap<>();
    model().forEach(e -> sums.merge(Math.floorDiv(e.ts(), 5000) * 5000, e.value(), Long::sum));
    List<Result> expected = new ArrayList<>();
    sums.forEach((start, sum) -> expected.add(new Result("all", start, sum)));
    assertThat(multiset(results)).isEqualTo(multiset(expected));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void processingTimeWindowsCountEveryRecordOnce(RuntimeExecutionMode mode, int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    // window boundaries depend on the clock, so only the total is asserted: BATCH fires every
    // processing-time window at the end of input
    SingleOutputStreamOperator<Long> sums = events(env).keyBy(Event::key)
        .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(5)))
        .aggregate(new Sum());
    List<Long> results = collect(sums);
    long total = results.stream().mapToLong(Long::longValue).sum();
    if (mode == RuntimeExecutionMode.BATCH) {
      assertThat(total).isEqualTo((long) N * (N + 1) / 2);
    } else {
      // STREAMING, as in Flink: windows still open when the bounded input ends never fire; the
      // ones that did fire hold each record at most once
      assertThat(total).isBetween(0L, (long) N * (N + 1) / 2);
      StreamExecutionEnvironment again = env(mode, parallelism);
      List<Long> fired = collect(events(again).keyBy(Event::key)
          .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(5)))
          .process(new ProcessWindowFunction<Event, Long, String, TimeWindow>() {
            @Override
            public void process(String key, Context context, Iterable<Event> elements, Collector<Long> out) {
              elements.forEach(e -> out.collect(e.value()));
            }
          }));
      assertThat(fired).doesNotHaveDuplicates().allMatch(v -> v >= 1 && v <= N);
    }
  }

  // ---------------------------------------------------------------- lateness, triggers, evictors: a scripted stream

  /** Emits a watermark of (timestamp - 1) after every record, so lateness is deterministic. */
  static final class PerRecordWatermarks implements WatermarkGenerator<Event> {
    private long max = Long.MIN_VALUE;

    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      if (eventTimestamp > max) {
        max = eventTimestamp;
        output.emitWatermark(new Watermark(max - 1));
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  private static DataStream<Event> scripted(StreamExecutionEnvironment env, Event... events) {
    return env.fromElements(events).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Event>forGenerator(PerRecordWatermarks::new).withTimestampAssigner((e, ts) -> e.ts()));
  }

  private static final Event[] LATENESS_SCRIPT = {
      new Event("a", 1, 5), new Event("a", 2, 15), new Event("a", 4, 3), new Event("a", 8, 25),
      new Event("a", 16, 2), new Event("b", 32, 26)};

  @ParameterizedTest
  @MethodSource("modes")
  void allowedLatenessRefiresAndTooLateRecordsGoToTheSideOutput(RuntimeExecutionMode mode, int parallelism)
      throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    OutputTag<Event> late = new OutputTag<>("late") {};
    SingleOutputStreamOperator<Result> windows = scripted(env, LATENESS_SCRIPT).keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .allowedLateness(Duration.ofMillis(10)).sideOutputLateData(late).process(new SumWindow());
    E2eSupport.RecordingSink<Event> lateSink = new E2eSupport.RecordingSink<>();
    windows.getSideOutput(late).sinkTo(lateSink);
    List<Result> results = collect(windows);
    if (mode == RuntimeExecutionMode.STREAMING) {
      // @5 alone; @3 within lateness refires [0,10); @16 arrives after [0,10) was cleaned up at 19
      assertThat(results).containsExactlyInAnyOrder(new Result("a", 0, 1), new Result("a", 0, 5),
          new Result("a", 10, 2), new Result("a", 20, 8), new Result("b", 20, 32));
      assertThat(lateSink.values()).containsExactly(new Event("a", 16, 2));
    } else {
      // BATCH has no late data: every window fires once at the end of input
      assertThat(results).containsExactlyInAnyOrder(new Result("a", 0, 21), new Result("a", 10, 2),
          new Result("a", 20, 8), new Result("b", 20, 32));
      assertThat(lateSink.values()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("modes")
  void lateRecordsWithoutLatenessAreDroppedWhenNoSideOutputIsSet(RuntimeExecutionMode mode, int parallelism)
      throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    List<Event> results = collect(scripted(env, LATENESS_SCRIPT).keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).sum("value"));
    List<Long> sums = results.stream().map(Event::value).toList();
    if (mode == RuntimeExecutionMode.STREAMING) {
      assertThat(sums).containsExactlyInAnyOrder(1L, 2L, 8L, 32L);
    } else {
      assertThat(sums).containsExactlyInAnyOrder(21L, 2L, 8L, 32L);
    }
  }

  @ParameterizedTest
  @MethodSource("modes")
  void continuousAndPurgingTriggersAndEvictorsOnAScriptedStream(RuntimeExecutionMode mode, int parallelism)
      throws Exception {
    Event[] script = new Event[10];
    for (int i = 0; i < 10; i++) {
      script[i] = new Event("a", i + 1, i * 10L);
    }
    // continuous trigger every 30 ms on a 100 ms window: fires at 30, 60, 90 and at the end (99)
    StreamExecutionEnvironment env = env(mode, parallelism);
    List<Event> continuous = collect(scripted(env, script).keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(30))).sum("value"));
    List<Long> continuousSums = continuous.stream().map(Event::value).toList();
    if (mode == RuntimeExecutionMode.STREAMING) {
      // the watermark (ts - 1) follows each record, so timer 30 fires on the record at 40 (1..5),
      // timer 60 on the record at 70 (1..8), and 90 and 99 at the end of input
      assertThat(continuousSums).containsExactlyInAnyOrder(15L, 36L, 55L, 55L);
    } else {
      assertThat(continuousSums).containsExactlyInAnyOrder(55L, 55L, 55L, 55L);
    }

    StreamExecutionEnvironment env2 = env(mode, parallelism);
    List<Event> purging = collect(scripted(env2, script).windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .trigger(PurgingTrigger.of(CountTrigger.of(4))).sum("value"));
    assertThat(purging.stream().map(Event::value).toList()).containsExactlyInAnyOrder(10L, 26L);

    StreamExecutionEnvironment env3 = env(mode, parallelism);
    List<Event> timeEvicted = collect(scripted(env3, script).windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(TimeEvictor.of(Duration.ofMillis(25))).sum("value"));
    assertThat(timeEvicted.stream().map(Event::value).toList()).containsExactly(8L + 9 + 10);

    StreamExecutionEnvironment env4 = env(mode, parallelism);
    List<Event> deltaEvicted = collect(scripted(env4, script).windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(DeltaEvictor.<Event, TimeWindow>of(3, (a, b) -> Math.abs(a.value() - b.value()))).sum("value"));
    assertThat(deltaEvicted.stream().map(Event::value).toList()).containsExactly(8L + 9 + 10);
  }
}
