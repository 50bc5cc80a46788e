package io.spate.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.OutputTag;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.evictors.DeltaEvictor;
import io.spate.api.windowing.evictors.TimeEvictor;
import io.spate.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.spate.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.StreamRecord;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The window operator through the test harness: every trigger, evictor and lateness path. */
class WindowOperatorTest {

  /** A keyed test record. */
  public record Event(String key, long value) {}

  /** A window result: key, window and summed value. */
  public record Result(String key, long start, long end, long sum) {}

  private static KeyedStream<Event, String> keyed() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    return env.fromElements(new Event("x", 0)).keyBy(Event::key);
  }

  private static Event sum(Event a, Event b) {
    return new Event(a.key(), a.value() + b.value());
  }

  private static <T> List<StreamRecord<T>> out(OneInputTestHarness<?, T> h) {
    return h.getOutput();
  }

  private static long dropped(OneInputTestHarness<?, ?> h) {
    return ((WindowOperator<?, ?, ?, ?, ?>) h.getOperator()).numLateRecordsDropped();
  }

  /** Sums a window's values and names the window. */
  static final class SumWithWindow extends ProcessWindowFunction<Event, Result, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Event> elements, Collector<Result> out) {
      long s = 0;
      for (Event e : elements) {
        s += e.value();
      }
      out.collect(new Result(key, ctx.window().getStart(), ctx.window().getEnd(), s));
    }
  }

  // ---------------------------------------------------------------- event-time basics

  @Test
  void tumblingReduceFiresWhenTheWatermarkPassesTheEndWithTheMaxTimestamp() throws Exception {
    DataStream<Event> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 1000).processElement(new Event("b", 5), 1200)
          .processElement(new Event("a", 2), 1999).processElement(new Event("a", 4), 2000);
      h.processWatermark(1998);
      assertThat(h.getOutput()).isEmpty();
      h.processWatermark(1999);
      assertThat(out(h)).containsExactlyInAnyOrder(
          new StreamRecord<>(new Event("a", 3), 1999), new StreamRecord<>(new Event("b", 5), 1999));
      h.clearOutput().processWatermark(3000);
      assertThat(out(h)).containsExactly(new StreamRecord<>(new Event("a", 4), 2999));
      assertThat(h.getWatermarks()).containsExactly(3000L);
    }
  }

  @Test
  void negativeTimestampsAndOffsetsAlignWindows() throws Exception {
    DataStream<Result> result = keyed()
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3)))
        .process(new SumWithWindow());
    try (var h = TestHarnesses.<Event, Result>forWindow(result)) {
      h.processElement(new Event("a", 1), -8).processElement(new Event("a", 2), -7)
          .processElement(new Event("a", 4), 2).processElement(new Event("a", 8), 3);
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).containsExactly(
          new Result("a", -17, -7, 1), new Result("a", -7, 3, 6), new Result("a", 3, 13, 8));
    }
  }

  @Test
  void slidingWindowsEmitEveryWindowOfARecord() throws Exception {
    DataStream<Result> result = keyed()
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
        .process(new SumWithWindow());
    try (var h = TestHarnesses.<Event, Result>forWindow(result)) {
      h.processElement(new Event("a", 1), 3).processElement(new Event("a", 10), 7).processElement(new Event("a", 100), 12);
      h.processWatermark(100);
      assertThat(h.extractOutputValues()).containsExactly(
          new Result("a", -5, 5, 1), new Result("a", 0, 10, 11), new Result("a", 5, 15, 110), new Result("a", 10, 20, 100));
    }
  }

  @Test
  void aggregateKeepsOneAccumulatorPerKeyAndWindow() throws Exception {
    AtomicInteger accumulators = new AtomicInteger();
    DataStream<Long> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .aggregate(new CountingSum(accumulators));
    try (var h = TestHarnesses.<Event, Long>forWindow(result)) {
      for (int i = 0; i < 25; i++) {
        h.processElement(new Event(i % 2 == 0 ? "a" : "b", i), i);
      }
      h.processWatermark(29);
      // 3 windows for a and b each
      assertThat(accumulators.get()).isEqualTo(6);
      assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(20L, 25L, 70L, 75L, 66L, 44L);
    }
  }

  /** Sums values and counts the accumulators it creates. */
  static final class CountingSum implements AggregateFunction<Event, long[], Long> {
    private final transient AtomicInteger created;

    CountingSum(AtomicInteger created) {
      this.created = created;
    }

    @Override
    public long[] createAccumulator() {
      created.incrementAndGet();
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

  // ---------------------------------------------------------------- late data

  @Test
  void lateRecordsAreDroppedAndCounted() throws Exception {
    DataStream<Event> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 5).processWatermark(9);
      h.processElement(new Event("a", 2), 9).processElement(new Event("a", 3), 0);
      h.processElement(new Event("a", 4), 10).processWatermark(19);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 1), new Event("a", 4));
      assertThat(dropped(h)).isEqualTo(2);
    }
  }

  @Test
  void lateRecordsGoToTheLateSideOutputWithTheirTimestamps() throws Exception {
    OutputTag<Event> late = new OutputTag<>("late") {};
    DataStream<Event> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .sideOutputLateData(late).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 5).processWatermark(9).processElement(new Event("a", 2), 3);
      assertThat(h.getSideOutput(late)).containsExactly(new Event("a", 2));
      assertThat(dropped(h)).isZero();
    }
  }

  @Test
  void allowedLatenessRefiresTheWindowPerLateRecordUntilCleanup() throws Exception {
    OutputTag<Event> late = new OutputTag<>("late") {};
    DataStream<Event> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .allowedLateness(Duration.ofMillis(5)).sideOutputLateData(late).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 5).processWatermark(9);
      assertThat(out(h)).containsExactly(new StreamRecord<>(new Event("a", 1), 9));
      h.processElement(new Event("a", 2), 3);  // late, within lateness: fires at once with all contents
      h.processWatermark(13);
      h.processElement(new Event("a", 4), 7);
      h.processWatermark(14);                 // cleanup time 9 + 5
      h.processElement(new Event("a", 8), 1);  // too late now
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 1), new Event("a", 3), new Event("a", 7));
      assertThat(h.getSideOutput(late)).containsExactly(new Event("a", 8));
    }
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void sessionsMergeOutOfOrderRecordsAndFireOnce() throws Exception {
    DataStream<Result> result = keyed().window(EventTimeSessionWindows.withGap(Duration.ofMillis(5)))
        .process(new SumWithWindow());
    try (var h = TestHarnesses.<Event, Result>forWindow(result)) {
      h.processElement(new Event("a", 1), 0).processElement(new Event("a", 2), 10)
          .processElement(new Event("b", 100), 3).processElement(new Event("a", 4), 5);
      h.processWatermark(12);
      assertThat(h.extractOutputValues()).containsExactly(new Result("b", 3, 8, 100));
      h.processWatermark(14);
      assertThat(h.extractOutputValues()).containsExactly(new Result("b", 3, 8, 100), new Result("a", 0, 15, 7));
      assertThat(out(h).get(1).timestamp()).isEqualTo(14);
    }
  }

  @Test
  void sessionsMergeIncrementalAggregatesAndCountTriggerState() throws Exception {
    DataStream<Event> result = keyed().window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
        .trigger(CountTrigger.of(3)).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 0).processElement(new Event("a", 2), 20);
      assertThat(h.getOutput()).isEmpty();
      h.processElement(new Event("a", 4), 10); // bridges both sessions: count 3 after merging
      assertThat(out(h)).containsExactly(new StreamRecord<>(new Event("a", 7), 29));
    }
  }

  @Test
  void dynamicSessionGapsComeFromTheRecordsAndMustBePositive() throws Exception {
    DataStream<Result> result = keyed()
        .window(EventTimeSessionWindows.<Event>withDynamicGap(e -> e.value()))
        .process(new SumWithWindow());
    try (var h = TestHarnesses.<Event, Result>forWindow(result)) {
      h.processElement(new Event("a", 10), 0).processElement(new Event("a", 3), 10);
      h.processWatermark(100);
      assertThat(h.extractOutputValues()).containsExactly(new Result("a", 0, 13, 13));
      assertThatThrownBy(() -> h.processElement(new Event("a", 0), 200))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("withDynamicGap").hasMessageContaining("returned 0");
    }
  }

  @Test
  void processingTimeSessionsCloseAfterTheGapOfWallClock() throws Exception {
    DataStream<Event> result = keyed().window(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)))
        .reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.setProcessingTime(100).processElement(new Event("a", 1));
      h.setProcessingTime(105).processElement(new Event("a", 2));
      h.setProcessingTime(113);
      assertThat(h.getOutput()).isEmpty();
      h.setProcessingTime(114);
      assertThat(out(h)).containsExactly(new StreamRecord<>(new Event("a", 3), 114));
      h.setProcessingTime(115).processElement(new Event("a", 4));
      h.setProcessingTime(200);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 3), new Event("a", 4));
    }
  }

  // ---------------------------------------------------------------- processing time

  @Test
  void processingTimeWindowsFireOnTheClockAndIgnoreWatermarks() throws Exception {
    DataStream<Event> result = keyed().window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)))
        .reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.setProcessingTime(3).processElement(new Event("a", 1), 1_000_000).processElement(new Event("a", 2));
      h.processWatermark(Long.MAX_VALUE - 1);
      assertThat(h.getOutput()).isEmpty();
      h.setProcessingTime(12).processElement(new Event("a", 4));
      assertThat(out(h)).containsExactly(new StreamRecord<>(new Event("a", 3), 9));
      h.setProcessingTime(20);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 3), new Event("a", 4));
      assertThat(dropped(h)).isZero();
    }
  }

  @Test
  void continuousProcessingTimeTriggerFiresEveryInterval() throws Exception {
    DataStream<Event> result = keyed().window(GlobalWindows.create())
        .trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(10))).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.setProcessingTime(5).processElement(new Event("a", 1));
      h.setProcessingTime(10);
      h.processElement(new Event("a", 2));
      h.setProcessingTime(19);
      h.setProcessingTime(20);
      h.setProcessingTime(35);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 1), new Event("a", 3), new Event("a", 3));
    }
  }

  // ---------------------------------------------------------------- triggers

  @Test
  void continuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd() throws Exception {
    DataStream<Event> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10_000)))
        .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(2000))).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 1000).processElement(new Event("a", 2), 3000);
      h.processWatermark(2500);
      assertThat(out(h)).containsExactly(new StreamRecord<>(new Event("a", 3), 9999));
      h.processWatermark(4000).processElement(new Event("a", 4), 5000).processWatermark(9999);
      assertThat(h.extractOutputValues()).containsExactly(
          new Event("a", 3), new Event("a", 3), new Event("a", 7), new Event("a", 7), new Event("a", 7));
    }
  }

  @Test
  void continuousTriggerOnAGlobalWindowFiresOnceMoreAtTheEndOfInputInsteadOfForever() throws Exception {
    DataStream<Event> result = keyed().window(GlobalWindows.create())
        .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(1000))).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 500).processWatermark(1500);
      h.processElement(new Event("a", 2), 2500).processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 1), new Event("a", 3));
    }
  }

  @Test
  void purgingTriggerEmitsOnlyWhatArrivedSinceTheLastFiring() throws Exception {
    DataStream<Event> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10_000)))
        .trigger(PurgingTrigger.of(ContinuousEventTimeTrigger.of(Duration.ofMillis(2000))))
        .reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 1000).processWatermark(2000);
      h.processWatermark(4000); // nothing new: no output
      h.processElement(new Event("a", 2), 5000).processElement(new Event("a", 4), 6000).processWatermark(9999);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 1), new Event("a", 6));
    }
  }

  @Test
  void countWindowFiresAndPurgesEverySizeRecords() throws Exception {
    DataStream<Event> result = keyed().countWindow(3).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      for (int i = 1; i <= 7; i++) {
        h.processElement(new Event("a", i));
        h.processElement(new Event("b", 10 * i));
      }
      assertThat(h.extractOutputValues()).containsExactly(
          new Event("a", 6), new Event("b", 60), new Event("a", 15), new Event("b", 150));
      assertThat(out(h).get(0).timestamp()).isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void slidingCountWindowEvaluatesTheLastSizeRecordsEverySlide() throws Exception {
    DataStream<Event> result = keyed().countWindow(3, 2).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      for (int i = 1; i <= 7; i++) {
        h.processElement(new Event("a", i));
      }
      // fires at 2, 4, 6 records: [1,2], [2,3,4], [4,5,6]
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 3), new Event("a", 9), new Event("a", 15));
    }
  }

  @Test
  void customEventTimeTriggerOnGlobalWindows() throws Exception {
    DataStream<Event> result = keyed().window(GlobalWindows.create())
        .trigger(PurgingTrigger.of(CountTrigger.of(2))).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 1).processElement(new Event("a", 2), 2).processElement(new Event("a", 4), 3);
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 3));
    }
  }

  // ---------------------------------------------------------------- evictors

  @Test
  void countEvictorKeepsTheNewestRecordsBeforeOrAfterTheFunction() throws Exception {
    DataStream<Event> before = keyed().window(GlobalWindows.create()).trigger(CountTrigger.of(2))
        .evictor(CountEvictor.of(2)).reduce(WindowOperatorTest::sum);
    DataStream<Event> after = keyed().window(GlobalWindows.create()).trigger(CountTrigger.of(2))
        .evictor(CountEvictor.of(1, true)).reduce(WindowOperatorTest::sum);
    try (var b = TestHarnesses.<Event, Event>forWindow(before); var a = TestHarnesses.<Event, Event>forWindow(after)) {
      for (int i = 1; i <= 4; i++) {
        b.processElement(new Event("a", i));
        a.processElement(new Event("a", i));
      }
      assertThat(b.extractOutputValues()).containsExactly(new Event("a", 3), new Event("a", 7));
      // evicting after: the function sees everything kept so far, then only the newest stays
      assertThat(a.extractOutputValues()).containsExactly(new Event("a", 3), new Event("a", 9));
    }
  }

  @Test
  void timeEvictorKeepsRecordsWithinTheSizeOfTheNewest() throws Exception {
    DataStream<Event> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(TimeEvictor.of(Duration.ofMillis(10))).reduce(WindowOperatorTest::sum);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 50).processElement(new Event("a", 2), 60)
          .processElement(new Event("a", 4), 61).processElement(new Event("a", 8), 70);
      h.processWatermark(99);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 12)); // 61 and 70; 60 is at the cutoff
    }
  }

  @Test
  void deltaEvictorDropsRecordsFarFromTheNewest() throws Exception {
    DataStream<Result> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(DeltaEvictor.<Event, TimeWindow>of(5.0, (o, n) -> Math.abs(o.value() - n.value())))
        .process(new SumWithWindow());
    try (var h = TestHarnesses.<Event, Result>forWindow(result)) {
      h.processElement(new Event("a", 1), 1).processElement(new Event("a", 9), 2)
          .processElement(new Event("a", 6), 3).processElement(new Event("a", 10), 4);
      h.processWatermark(99);
      assertThat(h.extractOutputValues()).containsExactly(new Result("a", 0, 100, 25));
    }
  }

  @Test
  void evictingAggregateAppliesTheAggregateToTheRemainingRecords() throws Exception {
    AtomicInteger accumulators = new AtomicInteger();
    DataStream<Long> result = keyed().countWindow(2, 1).aggregate(new CountingSum(accumulators));
    try (var h = TestHarnesses.<Event, Long>forWindow(result)) {
      h.processElement(new Event("a", 1)).processElement(new Event("a", 2)).processElement(new Event("a", 4));
      assertThat(h.extractOutputValues()).containsExactly(1L, 3L, 6L);
    }
  }

  // ---------------------------------------------------------------- process window function context

  /** Counts firings per window in window state and per key in global state; emits a side output. */
  static final class Firings extends ProcessWindowFunction<Event, String, String, TimeWindow> {
    static final OutputTag<String> CLEARED = new OutputTag<>("cleared") {};
    private final ValueStateDescriptor<Long> perWindow = new ValueStateDescriptor<>("per-window", Long.class);
    private final ValueStateDescriptor<Long> perKey = new ValueStateDescriptor<>("per-key", Long.class);

    @Override
    public void process(String key, Context ctx, Iterable<Event> elements, Collector<String> out) throws Exception {
      ValueState<Long> w = ctx.windowState().getState(perWindow);
      ValueState<Long> k = ctx.globalState().getState(perKey);
      w.update(w.value() == null ? 1 : w.value() + 1);
      k.update(k.value() == null ? 1 : k.value() + 1);
      out.collect(key + "@" + ctx.window().getStart() + " window#" + w.value() + " key#" + k.value()
          + " wm=" + ctx.currentWatermark());
    }

    @Override
    public void clear(Context ctx) throws Exception {
      ctx.output(CLEARED, "cleared " + ctx.window().getStart() + " had " + ctx.windowState().getState(perWindow).value());
      ctx.windowState().getState(perWindow).clear();
    }
  }

  @Test
  void processWindowFunctionHasPerWindowAndPerKeyStateAndClearsOnPurge() throws Exception {
    DataStream<String> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .allowedLateness(Duration.ofMillis(10)).process(new Firings());
    try (var h = TestHarnesses.<Event, String>forWindow(result)) {
      h.processElement(new Event("a", 1), 1).processWatermark(9);
      h.processElement(new Event("a", 1), 2); // late within lateness: fires again
      h.processElement(new Event("a", 1), 12).processWatermark(19);
      assertThat(h.extractOutputValues()).containsExactly(
          "a@0 window#1 key#1 wm=9", "a@0 window#2 key#2 wm=9", "a@10 window#1 key#3 wm=19");
      assertThat(h.getSideOutput(Firings.CLEARED)).containsExactly("cleared 0 had 2");
      assertThat(out(h)).allSatisfy(r -> assertThat(r.timestamp()).isIn(9L, 19L));
    }
  }

  // ---------------------------------------------------------------- windowAll and BATCH

  @Test
  void windowAllSeesEveryKeyInOneWindow() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    DataStream<Event> result = env.fromElements(new Event("x", 0))
        .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10))).reduce(WindowOperatorTest::sum);
    assertThat(result.getParallelism()).isEqualTo(1);
    try (var h = TestHarnesses.<Event, Event>forWindow(result)) {
      h.processElement(new Event("a", 1), 1).processElement(new Event("b", 2), 2).processWatermark(9);
      assertThat(h.extractOutputValues()).containsExactly(new Event("a", 3));
    }
  }

  @Test
  void batchModeFiresEveryWindowAtTheEndOfInputAndHasNoLateData() throws Exception {
    DataStream<Event> eventTime = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .reduce(WindowOperatorTest::sum);
    DataStream<Event> processingTime = keyed().window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)))
        .reduce(WindowOperatorTest::sum);
    try (var e = TestHarnesses.<Event, Event>forWindow(eventTime).setBatchMode();
        var p = TestHarnesses.<Event, Event>forWindow(processingTime).setBatchMode()) {
      e.processElement(new Event("a", 1), 15).processWatermark(100).processElement(new Event("a", 2), 3);
      p.setProcessingTime(5).processElement(new Event("a", 1));
      p.setProcessingTime(25).processElement(new Event("a", 2));
      p.setProcessingTime(1000);
      assertThat(e.getOutput()).isEmpty();
      assertThat(p.getOutput()).isEmpty();
      e.processWatermark(Long.MAX_VALUE).endInput();
      p.endInput();
      assertThat(e.extractOutputValues()).containsExactly(new Event("a", 2), new Event("a", 1));
      assertThat(p.extractOutputValues()).containsExactly(new Event("a", 1), new Event("a", 2));
    }
  }

  @Test
  void eventTimeTriggerIsTheDefaultOfEventTimeAssigners() {
    assertThat(TumblingEventTimeWindows.of(Duration.ofSeconds(1)).getDefaultTrigger().toString())
        .isEqualTo(EventTimeTrigger.create().toString());
    assertThat(GlobalWindows.create().assignWindows(null, 0, null)).containsExactly(GlobalWindow.get());
  }
}
