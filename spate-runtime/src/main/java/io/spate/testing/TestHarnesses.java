package io.spate.testing;

import io.spate.api.common.OutputTag;
import io.spate.api.connector.sink.Sink;
import io.spate.api.dag.OneInputTransformation;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.CoFlatMapFunction;
import io.spate.api.functions.CoMapFunction;
import io.spate.api.functions.CoProcessFunction;
import io.spate.api.functions.FilterFunction;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.MapFunction;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryStrategy;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.builtin.AsyncWaitOperatorFactory;
import io.spate.api.operators.builtin.BroadcastProcessOperator;
import io.spate.api.operators.builtin.CoFlatMapOperator;
import io.spate.api.operators.builtin.CoMapOperator;
import io.spate.api.operators.builtin.CoProcessOperator;
import io.spate.api.operators.builtin.FilterOperator;
import io.spate.api.operators.builtin.FlatMapOperator;
import io.spate.api.operators.builtin.IntervalJoinOperatorFactory;
import io.spate.api.operators.builtin.KeyedBroadcastProcessOperator;
import io.spate.api.operators.builtin.KeyedCoProcessOperator;
import io.spate.api.operators.builtin.KeyedProcessOperator;
import io.spate.api.operators.builtin.KeyedReduceOperatorFactory;
import io.spate.api.operators.builtin.MapOperator;
import io.spate.api.operators.builtin.ProcessOperator;
import io.spate.api.operators.builtin.TimestampsAndWatermarksOperatorFactory;
import io.spate.api.operators.builtin.windowing.WindowOperatorFactory;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.operators.SinkWriterOperatorFactory;
import io.spate.runtime.operators.windowing.WindowOperators;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.operator.OperatorStateRepartitioner;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test harnesses for user functions, so they can be unit-tested without a cluster:
 *
 * <pre>{@code
 * var harness = TestHarnesses.forKeyedProcess(new MyFunction(), Event::userId);
 * harness.processElement(new Event("alice", 3), 1000L);
 * harness.processWatermark(2000L); // fires event-time timers up to 2000
 * assertThat(harness.extractOutputValues()).containsExactly(...);
 * }</pre>
 */
public final class TestHarnesses {

  private TestHarnesses() {}

  /**
   * A harness for {@code operator}, an operator of the operator SPI ({@code io.spate.api.operators})
   * on a stream that is not keyed.
   */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forOperator(OneInputStreamOperator<IN, OUT> operator) {
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(operator), operator.getClass().getSimpleName(), null);
  }

  /**
   * A harness for {@code operator}, an operator of the operator SPI on a stream keyed by {@code
   * keySelector}: before each record, its key becomes the current key of the operator's keyed state.
   */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forKeyedOperator(OneInputStreamOperator<IN, OUT> operator,
      KeySelector<IN, ?> keySelector) {
    if (keySelector == null) {
      throw new IllegalArgumentException("forKeyedOperator needs a key selector; use forOperator for a stream that"
          + " is not keyed");
    }
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(operator), operator.getClass().getSimpleName(),
        keySelector);
  }

  /**
   * A harness for {@code operator}, a two-input operator of the operator SPI on connected streams
   * that are not keyed.
   */
  public static <IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forOperator(
      TwoInputStreamOperator<IN1, IN2, OUT> operator) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(operator), operator.getClass().getSimpleName(), null,
        null);
  }

  /**
   * A harness for {@code operator}, a two-input operator of the operator SPI on connected streams
   * keyed by {@code keySelector1} and {@code keySelector2}: before each record, its key (by its own
   * input's selector) becomes the current key of the operator's keyed state.
   */
  public static <K, IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forKeyedOperator(
      TwoInputStreamOperator<IN1, IN2, OUT> operator, KeySelector<IN1, K> keySelector1,
      KeySelector<IN2, K> keySelector2) {
    if (keySelector1 == null || keySelector2 == null) {
      throw new IllegalArgumentException("forKeyedOperator needs a key selector per input; use forOperator for"
          + " streams that are not keyed");
    }
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(operator), operator.getClass().getSimpleName(),
        keySelector1, keySelector2);
  }

  /**
   * A harness for an {@link AsyncFunction} as {@code AsyncDataStream.orderedWait}/{@code unorderedWait}
   * runs it; timeouts follow the harness's processing time.
   */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forAsync(AsyncFunction<IN, OUT> function,
      AsyncDataStream.OutputMode mode, Duration timeout, int capacity) {
    return forAsync(function, mode, timeout, capacity, null);
  }

  /** Like {@link #forAsync(AsyncFunction, AsyncDataStream.OutputMode, Duration, int)}, retrying per {@code retryStrategy}. */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forAsync(AsyncFunction<IN, OUT> function,
      AsyncDataStream.OutputMode mode, Duration timeout, int capacity, AsyncRetryStrategy<OUT> retryStrategy) {
    return forAsync(function, mode, timeout, capacity, retryStrategy, null);
  }

  /**
   * Like {@link #forAsync(AsyncFunction, AsyncDataStream.OutputMode, Duration, int, AsyncRetryStrategy)},
   * with the input type, which {@link OneInputTestHarness#snapshot snapshots} need to store the records
   * in flight.
   */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forAsync(AsyncFunction<IN, OUT> function,
      AsyncDataStream.OutputMode mode, Duration timeout, int capacity, AsyncRetryStrategy<OUT> retryStrategy,
      TypeInformation<IN> inputType) {
    return new OneInputTestHarness<>(new AsyncWaitOperatorFactory<>(function,
        mode == AsyncDataStream.OutputMode.ORDERED, timeout, capacity, retryStrategy, inputType), "Async Wait", null);
  }

  /** A harness for a {@link Sink}'s writer (and, for two-phase commit sinks, its committer). */
  public static <T> OneInputTestHarness<T, Object> forSink(Sink<T> sink) {
    return new OneInputTestHarness<>(new SinkWriterOperatorFactory<>(sink), "Sink", null);
  }

  /** A harness for a {@link MapFunction}. */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forMap(MapFunction<IN, OUT> function) {
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(new MapOperator<>(function)), "Map", null);
  }

  /** A harness for a {@link FlatMapFunction}. */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forFlatMap(FlatMapFunction<IN, OUT> function) {
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(new FlatMapOperator<>(function)), "Flat Map", null);
  }

  /** A harness for a {@link FilterFunction}. */
  public static <T> OneInputTestHarness<T, T> forFilter(FilterFunction<T> function) {
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(new FilterOperator<>(function)), "Filter", null);
  }

  /** A harness for a {@link ProcessFunction}. */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forProcess(ProcessFunction<IN, OUT> function) {
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(new ProcessOperator<>(function)), "Process", null);
  }

  /** A harness for {@code assignTimestampsAndWatermarks(strategy)}; periodic emission follows processing time. */
  public static <T> OneInputTestHarness<T, T> forTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    return new OneInputTestHarness<>(new TimestampsAndWatermarksOperatorFactory<>(strategy), "Timestamps/Watermarks",
        null);
  }

  /** A harness for a {@link KeyedProcessFunction}, keyed by {@code keySelector}. */
  public static <K, IN, OUT> OneInputTestHarness<IN, OUT> forKeyedProcess(
      KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector) {
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(new KeyedProcessOperator<>(function)), "KeyedProcess",
        keySelector);
  }

  /** A harness for a keyed {@code reduce} in STREAMING mode: emits the running value per record. */
  public static <K, T> OneInputTestHarness<T, T> forKeyedReduce(ReduceFunction<T> function, KeySelector<T, K> keySelector) {
    return new OneInputTestHarness<>(new KeyedReduceOperatorFactory<>(function, null), "Keyed Reduce", keySelector);
  }

  /** A harness for a keyed {@code reduce} in BATCH mode: emits the final values on {@code endInput()}. */
  public static <K, T> OneInputTestHarness<T, T> forBatchKeyedReduce(
      ReduceFunction<T> function, KeySelector<T, K> keySelector) {
    return forKeyedReduce(function, keySelector).setBatchMode();
  }

  /**
   * A harness for the window operator that produces {@code windowed}, the result of a window
   * function ({@code stream.keyBy(...).window(...).reduce(...)} or a {@code windowAll}), created by
   * the factory and keyed by the key selector of its transformation, as a task runs it; the program
   * is only built, never run.
   */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forWindow(DataStream<OUT> windowed) {
    OneInputTransformation<IN, OUT> t = windowTransformation(windowed);
    return new OneInputTestHarness<>(t.getOperatorFactory(), t.getName(), t.getStateKeySelector());
  }

  /**
   * A harness for the window operator that produces {@code windowed}, with sliding windows computed
   * from slices where possible if {@code slicing}, else always on the general window operator.
   */
  @SuppressWarnings("unchecked")
  public static <IN, OUT> OneInputTestHarness<IN, OUT> forWindow(DataStream<OUT> windowed, boolean slicing) {
    OneInputTransformation<IN, OUT> t = windowTransformation(windowed);
    StreamOperator<OUT> operator = (StreamOperator<OUT>) WindowOperators.create(
        (WindowOperatorFactory<?>) t.getOperatorFactory(), t.getStateKeySelector(), slicing);
    return new OneInputTestHarness<>(SimpleOperatorFactory.of(operator), t.getName(), t.getStateKeySelector());
  }

  @SuppressWarnings("unchecked")
  private static <IN, OUT> OneInputTransformation<IN, OUT> windowTransformation(DataStream<OUT> windowed) {
    if (!(windowed.getTransformation() instanceof OneInputTransformation<?, ?> t)
        || !(t.getOperatorFactory() instanceof WindowOperatorFactory<?>)) {
      throw new IllegalArgumentException("Not the result of a window function: " + windowed.getTransformation());
    }
    return (OneInputTransformation<IN, OUT>) t;
  }

  /** A harness for a {@link CoMapFunction}. */
  public static <IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forCoMap(CoMapFunction<IN1, IN2, OUT> function) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(new CoMapOperator<>(function)), "Co-Map", null, null);
  }

  /** A harness for a {@link CoFlatMapFunction}. */
  public static <IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forCoFlatMap(
      CoFlatMapFunction<IN1, IN2, OUT> function) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(new CoFlatMapOperator<>(function)), "Co-Flat Map",
        null, null);
  }

  /** A harness for a {@link CoProcessFunction} on non-keyed streams. */
  public static <IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forCoProcess(
      CoProcessFunction<IN1, IN2, OUT> function) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(new CoProcessOperator<>(function)), "Co-Process", null,
        null);
  }

  /** A harness for a {@link CoProcessFunction} on keyed connected streams (timers allowed). */
  public static <K, IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forKeyedCoProcess(
      CoProcessFunction<IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(new CoProcessOperator<>(function)), "Co-Process",
        keySelector1, keySelector2);
  }

  /** A harness for a {@link KeyedCoProcessFunction}, each input keyed by its selector. */
  public static <K, IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forKeyedCoProcess(
      KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1,
      KeySelector<IN2, K> keySelector2) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(new KeyedCoProcessOperator<>(function)), "KeyedCoProcess",
        keySelector1, keySelector2);
  }

  /**
   * A harness for an event-time interval join: a left record at t joins right records of its key
   * in {@code [t + lower, t + upper]}, each bound inclusive or not.
   */
  public static <K, IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forIntervalJoin(
      ProcessJoinFunction<IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2,
      Duration lower, boolean lowerInclusive, Duration upper, boolean upperInclusive,
      OutputTag<IN1> leftLateDataTag, OutputTag<IN2> rightLateDataTag) {
    if (lower.compareTo(upper) > 0) {
      throw new IllegalArgumentException("The lower bound " + lower + " is greater than the upper bound " + upper);
    }
    long lowerMillis = IntervalJoinOperatorFactory.inclusiveLowerBound(lower.toMillis(), lowerInclusive);
    long upperMillis = IntervalJoinOperatorFactory.inclusiveUpperBound(upper.toMillis(), upperInclusive);
    return new TwoInputTestHarness<>(new IntervalJoinOperatorFactory<>(function, lowerMillis, upperMillis,
        leftLateDataTag, rightLateDataTag, null, null), "IntervalJoin", keySelector1, keySelector2);
  }

  /** A harness for a {@link BroadcastProcessFunction}; the second input is the broadcast side. */
  public static <IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forBroadcastProcess(
      BroadcastProcessFunction<IN1, IN2, OUT> function, MapStateDescriptor<?, ?>... descriptors) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(new BroadcastProcessOperator<>(function,
        List.of(descriptors))),
        "Co-Process-Broadcast", null, null);
  }

  /**
   * A harness for a {@link KeyedBroadcastProcessFunction}; the first input is keyed by
   * {@code keySelector}, the second is the broadcast side.
   */
  public static <K, IN1, IN2, OUT> TwoInputTestHarness<IN1, IN2, OUT> forKeyedBroadcastProcess(
      KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector,
      MapStateDescriptor<?, ?>... descriptors) {
    return new TwoInputTestHarness<>(SimpleOperatorFactory.of(new KeyedBroadcastProcessOperator<>(function,
        List.of(descriptors))),
        "Co-Process-Broadcast-Keyed", keySelector, null);
  }

  /**
   * Hands the snapshots of the {@code states.size()} instances of an operator to
   * {@code newParallelism} new instances, as a restore at that parallelism does: operator state per
   * its redistribution mode, keyed state by key-group range ({@code maxParallelism} key groups).
   */
  public static List<OperatorSubtaskState> repartition(List<OperatorSubtaskState> states, int newParallelism,
      int maxParallelism) {
    List<OperatorStateHandle> operatorStates = new ArrayList<>(states.size());
    for (OperatorSubtaskState state : states) {
      if (state.operatorState().size() > 1) {
        throw new IllegalArgumentException("Each old instance must hold at most one operator state handle, as a"
            + " snapshot produces; got " + state.operatorState().size());
      }
      operatorStates.add(state.operatorState().isEmpty() ? null : state.operatorState().get(0));
    }
    List<List<OperatorStateHandle>> operatorAssignment =
        OperatorStateRepartitioner.repartition(operatorStates, newParallelism);
    List<OperatorSubtaskState> result = new ArrayList<>(newParallelism);
    for (int i = 0; i < newParallelism; i++) {
      KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(maxParallelism, newParallelism, i);
      List<KeyedStateHandle> keyed = new ArrayList<>();
      for (OperatorSubtaskState state : states) {
        for (KeyedStateHandle handle : state.keyedState()) {
          KeyGroupRange held = handle.getKeyGroupRange();
          if (held.startKeyGroup() <= range.endKeyGroup() && range.startKeyGroup() <= held.endKeyGroup()
              && held.size() > 0) {
            keyed.add(handle);
          }
        }
      }
      result.add(new OperatorSubtaskState(keyed, operatorAssignment.get(i), List.of()));
    }
    return result;
  }
}
