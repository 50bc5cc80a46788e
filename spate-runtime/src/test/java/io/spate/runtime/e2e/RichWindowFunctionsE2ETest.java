package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.windowing.RichAllWindowFunction;
import io.spate.api.functions.windowing.RichProcessAllWindowFunction;
import io.spate.api.functions.windowing.RichProcessWindowFunction;
import io.spate.api.functions.windowing.RichWindowFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Flink's rich window functions in keyed and non-keyed window operators: open runs before the first
 * window, the runtime context is the operator's (keyed state included), close runs as the job ends.
 */
class RichWindowFunctionsE2ETest {

  /** Closes seen per function name; the functions run in this JVM. */
  private static final Map<String, AtomicInteger> CLOSED = new ConcurrentHashMap<>();

  private static void closed(String name) {
    CLOSED.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
  }

  /** (key, value) with the value's tens as its timestamp in seconds: windows of 10 s hold one decade. */
  private static DataStream<Tuple2<String, Integer>> readings(StreamExecutionEnvironment env) {
    return env.fromData(List.of(Tuple2.of("a", 1), Tuple2.of("b", 2), Tuple2.of("a", 3), Tuple2.of("a", 11),
            Tuple2.of("b", 14)), Types.TUPLE(Types.STRING, Types.INT))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Integer>>forMonotonousTimestamps()
            .withTimestampAssigner((r, ts) -> r.f1 / 10 * 10_000L));
  }

  /** Sums a key's window and numbers the key's windows with keyed state from the runtime context. */
  static final class NumberedSum extends RichWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Integer> windowsOfKey;
    private transient int parallelism;

    @Override
    public void open(OpenContext openContext) {
      parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
      windowsOfKey = getRuntimeContext().getState(new ValueStateDescriptor<>("windows", Types.INT));
    }

    @Override
    public void apply(String key, TimeWindow window, Iterable<Tuple2<String, Integer>> input, Collector<String> out)
        throws Exception {
      int n = windowsOfKey.value() == null ? 1 : windowsOfKey.value() + 1;
      windowsOfKey.update(n);
      int sum = 0;
      for (Tuple2<String, Integer> r : input) {
        sum += r.f1;
      }
      out.collect(key + "#" + n + "=" + sum + "/p" + parallelism);
    }

    @Override
    public void close() {
      closed("window");
    }
  }

  /** The same through the process shape. */
  static final class ProcessNumberedSum
      extends RichProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final NumberedSum delegate = new NumberedSum();

    @Override
    public void open(OpenContext openContext) {
      delegate.setRuntimeContext(getRuntimeContext());
      delegate.open(openContext);
    }

    @Override
    public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements, Collector<String> out)
        throws Exception {
      delegate.apply(key, context.window(), elements, out);
    }

    @Override
    public void close() {
      closed("process-window");
    }
  }

  /** Counts a window's records, prefixed with a label made in open. */
  static final class LabelledCount extends RichAllWindowFunction<Tuple2<String, Integer>, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private transient String label;

    @Override
    public void open(OpenContext openContext) {
      label = "subtask" + getRuntimeContext().getIndexOfThisSubtask() + "of" + getRuntimeContext().getNumberOfParallelSubtasks();
    }

    @Override
    public void apply(TimeWindow window, Iterable<Tuple2<String, Integer>> values, Collector<String> out) {
      int n = 0;
      for (Tuple2<String, Integer> ignored : values) {
        n++;
      }
      out.collect(label + "@" + window.getStart() / 1_000 + ":" + n);
    }

    @Override
    public void close() {
      closed("all-window");
    }
  }

  /** The same through the process shape. */
  static final class ProcessLabelledCount
      extends RichProcessAllWindowFunction<Tuple2<String, Integer>, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final LabelledCount delegate = new LabelledCount();

    @Override
    public void open(OpenContext openContext) {
      delegate.setRuntimeContext(getRuntimeContext());
      delegate.open(openContext);
    }

    @Override
    public void process(Context context, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
      delegate.apply(context.window(), elements, out);
    }

    @Override
    public void close() {
      closed("process-all-window");
    }
  }

  @Test
  void keyedRichWindowFunctionsOpenWithKeyedStateAndClose() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> expected = List.of("a#1=4/p2", "b#1=2/p2", "a#2=11/p2", "b#2=14/p2");

    assertThat(E2eSupport.collect(readings(env).keyBy(r -> r.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).apply(new NumberedSum())))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(E2eSupport.collect(readings(env).keyBy(r -> r.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).process(new ProcessNumberedSum())))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(CLOSED.get("window")).hasValue(2);
    assertThat(CLOSED.get("process-window")).hasValue(2);
  }

  @Test
  void nonKeyedRichWindowFunctionsOpenAndClose() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> expected = List.of("subtask0of1@0:3", "subtask0of1@10:2");

    assertThat(E2eSupport.collect(readings(env)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).apply(new LabelledCount())))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(E2eSupport.collect(readings(env)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).process(new ProcessLabelledCount())))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(CLOSED.get("all-window")).hasValue(1);
    assertThat(CLOSED.get("process-all-window")).hasValue(1);
  }
}
