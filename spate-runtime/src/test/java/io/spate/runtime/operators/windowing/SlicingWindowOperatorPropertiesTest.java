package io.spate.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.common.OutputTag;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.datastream.WindowedStream;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import io.spate.api.operators.StreamOperator;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.StreamRecord;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The sliced operator against the general window operator: for random sliding windows, lateness,
 * functions, keys, out-of-order timestamps and watermark steps, both emit the same multiset of
 * results (value and timestamp) and late records between any two watermarks (or clock steps).
 */
class SlicingWindowOperatorPropertiesTest {

  /** A keyed test record. */
  public record Ev(int key, long value) {}

  /** A mutable accumulator, so that a careless slicer would share and corrupt it. */
  public static final class SumAcc {
    public long sum;
    public long count;

    public SumAcc() {}
  }

  /** Sums into a mutable accumulator; its merge mutates and reuses both arguments. */
  public static final class MutableSum implements AggregateFunction<Ev, SumAcc, String> {
    @Override
    public SumAcc createAccumulator() {
      return new SumAcc();
    }

    @Override
    public SumAcc add(Ev value, SumAcc acc) {
      acc.sum += value.value();
      acc.count++;
      return acc;
    }

    @Override
    public String getResult(SumAcc acc) {
      return acc.sum + "/" + acc.count;
    }

    @Override
    public SumAcc merge(SumAcc a, SumAcc b) {
      b.sum += a.sum;
      b.count += a.count;
      a.sum = -1_000_000; // a slicer that merged into a stored slice would now see garbage
      a.count = -1;
      return b;
    }
  }

  /** Sums into an immutable {@code Long}. */
  public static final class LongSum implements AggregateFunction<Ev, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Ev value, Long acc) {
      return acc + value.value();
    }

    @Override
    public Long getResult(Long acc) {
      return acc;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Names the window, the watermark and how often this window fired (window state). */
  public static final class Describe<T> extends ProcessWindowFunction<T, String, Integer, TimeWindow> {
    private static final ValueStateDescriptor<Integer> FIRES = new ValueStateDescriptor<>("fires", Integer.class);

    @Override
    public void process(Integer key, Context ctx, Iterable<T> elements, Collector<String> out) throws Exception {
      ValueState<Integer> fires = ctx.windowState().getState(FIRES);
      int n = fires.value() == null ? 1 : fires.value() + 1;
      fires.update(n);
      for (T element : elements) {
        out.collect(key + " " + ctx.window() + " " + element + " wm=" + ctx.currentWatermark() + " fire=" + n);
      }
    }

    @Override
    public void clear(Context ctx) throws Exception {
      ctx.windowState().getState(FIRES).clear();
    }
  }

  /** One input step: a record, or a watermark when {@code watermark} is set. */
  record Step(boolean watermark, int key, long time, long value) {
    @Override
    public String toString() {
      return watermark ? "W(" + time + ")" : "E(k" + key + ", t" + time + ", v" + value + ")";
    }
  }

  /** The windows, the function and the input. */
  record Scenario(long size, long slide, long offset, long lateness, boolean sideOutput, int function,
      boolean batch, List<Step> steps) {}

  private static Gen<Scenario> scenarios() {
    Gen<long[]> windows = longs().between(1, 24).flatMap(size ->
        longs().between(1, size).flatMap(slide ->
            longs().between(-(slide - 1), slide - 1).map(offset -> new long[] {size, slide, offset})));
    Gen<Long> lateness = Generate.oneOf(Generate.constant(0L), longs().between(1, 20));
    Gen<Step> element = integers().between(0, 3)
        .zip(longs().between(-60, 80), longs().between(1, 9), (k, t, v) -> new Step(false, k, t, v));
    Gen<Step> watermark = longs().between(0, 14).map(d -> new Step(true, 0, d, 0));
    Gen<List<Step>> steps = ShrinkingLists.of(Generate.frequency(Pair.of(3, element), Pair.of(1, watermark)), 0, 80);
    Gen<Boolean> batch = Generate.pick(List.of(false, false, false, true));
    return windows.zip(lateness, booleans().all(), integers().between(0, 5),
            (w, l, side, f) -> new Scenario(w[0], w[1], w[2], l, side, f, false, List.of()))
        .zip(batch, steps, (s, b, st) -> new Scenario(s.size(), s.slide(), s.offset(), s.lateness(), s.sideOutput(),
            s.function(), b, st));
  }

  // QuickTheories starts with the generators' boundary values (jqwik mixed in edge cases), then draws at random.
  @Test
  void slicedEqualsGeneral() {
    qt().withExamples(600).forAll(scenarios()).checkAssert(scenario -> CheckedLaw.check(() -> check(scenario, false)));
  }

  /** Time steps advance the clock; records arrive at the clock, also in the millisecond a window fired. */
  @Test
  void slicedEqualsGeneralInProcessingTime() {
    qt().withExamples(600).forAll(scenarios()).checkAssert(scenario -> CheckedLaw.check(() -> check(scenario, true)));
  }

  private void check(Scenario scenario, boolean processingTime) throws Exception {
    OutputTag<Ev> lateTag = new OutputTag<>("late") {};
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    Duration size = Duration.ofMillis(scenario.size());
    Duration slide = Duration.ofMillis(scenario.slide());
    Duration offset = Duration.ofMillis(scenario.offset());
    WindowedStream<Ev, Integer, TimeWindow> windowed = env.fromElements(new Ev(0, 0)).keyBy(Ev::key)
        .window(processingTime
            ? SlidingProcessingTimeWindows.of(size, slide, offset)
            : SlidingEventTimeWindows.of(size, slide, offset));
    if (!processingTime) {
      windowed = windowed.allowedLateness(Duration.ofMillis(scenario.lateness()));
    }
    if (scenario.sideOutput() && !processingTime) {
      windowed = windowed.sideOutputLateData(lateTag);
    }
    DataStream<?> result = switch (scenario.function()) {
      case 0 -> windowed.aggregate(new MutableSum());
      case 1 -> windowed.aggregate(new MutableSum(), new Describe<String>());
      case 2 -> windowed.aggregate(new LongSum());
      case 3 -> windowed.aggregate(new LongSum(), new Describe<Long>());
      case 4 -> windowed.reduce((a, b) -> new Ev(a.key(), a.value() + b.value()));
      default -> windowed.reduce((a, b) -> new Ev(a.key(), a.value() + b.value()), new Describe<Ev>());
    };
    try (OneInputTestHarness<Ev, Object> sliced = TestHarnesses.forWindow((DataStream<Object>) result, true);
        OneInputTestHarness<Ev, Object> general = TestHarnesses.forWindow((DataStream<Object>) result, false)) {
      if (scenario.batch()) {
        sliced.setBatchMode();
        general.setBatchMode();
      }
      long clock = 1_000 + scenario.steps().size();
      sliced.setProcessingTime(clock);
      general.setProcessingTime(clock);
      sliced.open();
      general.open();
      assertThat(sliced.getOperator()).isInstanceOf(SlicingWindowOperator.class);
      assertThat(general.getOperator()).isInstanceOf(WindowOperator.class);
      long watermark = -80;
      int segment = 0;
      for (Step step : scenario.steps()) {
        if (step.watermark() && processingTime) {
          clock += step.time();
          sliced.setProcessingTime(clock);
          general.setProcessingTime(clock);
          compareAndClear(sliced, general, lateTag, scenario, segment++);
        } else if (step.watermark()) {
          watermark += step.time();
          sliced.processWatermark(watermark);
          general.processWatermark(watermark);
          compareAndClear(sliced, general, lateTag, scenario, segment++);
        } else {
          Ev ev = new Ev(step.key(), step.value());
          sliced.processElement(ev, step.time());
          general.processElement(ev, step.time());
        }
      }
      compareAndClear(sliced, general, lateTag, scenario, segment++);
      if (scenario.batch()) {
        sliced.endInput();
        general.endInput();
      } else if (processingTime) {
        sliced.setProcessingTime(clock + 100);
        general.setProcessingTime(clock + 100);
      } else {
        sliced.processWatermark(Long.MAX_VALUE);
        general.processWatermark(Long.MAX_VALUE);
      }
      compareAndClear(sliced, general, lateTag, scenario, segment);
      assertThat(dropped(sliced.getOperator())).isEqualTo(dropped(general.getOperator()));
    }
  }

  private static void compareAndClear(OneInputTestHarness<Ev, Object> sliced, OneInputTestHarness<Ev, Object> general,
      OutputTag<Ev> lateTag, Scenario scenario, int segment) {
    String where = "segment " + segment + " of " + scenario;
    assertThat(records(sliced.getOutput())).as(where).containsExactlyInAnyOrderElementsOf(records(general.getOutput()));
    assertThat(sliced.getSideOutput(lateTag)).as(where)
        .containsExactlyInAnyOrderElementsOf(general.getSideOutput(lateTag));
    sliced.clearOutput();
    general.clearOutput();
  }

  private static List<String> records(List<StreamRecord<Object>> records) {
    List<String> out = new ArrayList<>();
    for (StreamRecord<Object> r : records) {
      out.add(r.value() + "@" + r.timestamp());
    }
    return out;
  }

  private static long dropped(StreamOperator<?> operator) {
    return operator instanceof SlicingWindowOperator<?, ?, ?, ?> s
        ? s.numLateRecordsDropped()
        : ((WindowOperator<?, ?, ?, ?, ?>) operator).numLateRecordsDropped();
  }
}
