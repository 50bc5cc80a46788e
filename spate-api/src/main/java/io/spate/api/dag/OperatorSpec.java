package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.CoFlatMapFunction;
import io.spate.api.functions.CoMapFunction;
import io.spate.api.functions.CoProcessFunction;
import io.spate.api.functions.Function;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryStrategy;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.triggers.Trigger;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * What an operator of the graph computes, as a user function plus the operator kind. The runtime
 * maps each kind to its operator implementation.
 */
@Internal
public sealed interface OperatorSpec extends Serializable {

  /** The user function of this operator. */
  Function function();

  /** {@code process} on a non-keyed stream. */
  record Process(ProcessFunction<?, ?> function) implements OperatorSpec {}

  /** {@code process} on a keyed stream. */
  record KeyedProcess(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  /** A rolling {@code reduce} (and {@code sum}/{@code min}/{@code max}...) on a keyed stream. */
  record KeyedReduce(ReduceFunction<?> function) implements OperatorSpec {}

  /** {@code map} on connected streams. */
  record CoMap(CoMapFunction<?, ?, ?> function) implements OperatorSpec {}

  /** {@code flatMap} on connected streams. */
  record CoFlatMap(CoFlatMapFunction<?, ?, ?> function) implements OperatorSpec {}

  /** {@code process} on connected streams. */
  record CoProcess(CoProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  /**
   * {@code AsyncDataStream.orderedWait}/{@code unorderedWait}: at most {@code capacity} records in
   * flight, each failing after {@code timeout} (zero: never), retried per {@code retryStrategy}.
   */
  record AsyncWait(AsyncFunction<?, ?> function, boolean ordered, Duration timeout, int capacity,
      AsyncRetryStrategy<?> retryStrategy) implements OperatorSpec {}

  /** {@code process} with a {@link KeyedCoProcessFunction} on keyed connected streams. */
  record KeyedCoProcess(KeyedCoProcessFunction<?, ?, ?, ?> function) implements OperatorSpec {}

  /**
   * An interval join: a left record at time t joins right records of the same key in
   * {@code [t + lowerBound, t + upperBound]} (inclusive bounds in milliseconds); late records go to
   * the tags if set, else are dropped.
   */
  record IntervalJoin(ProcessJoinFunction<?, ?, ?> function, long lowerBound, long upperBound,
      OutputTag<?> leftLateDataTag, OutputTag<?> rightLateDataTag) implements OperatorSpec {

    /** A lower bound in milliseconds as an inclusive one: an exclusive bound moves one millisecond in. */
    public static long inclusiveLowerBound(long lowerBound, boolean inclusive) {
      return inclusive ? lowerBound : lowerBound + 1;
    }

    /** An upper bound in milliseconds as an inclusive one: an exclusive bound moves one millisecond in. */
    public static long inclusiveUpperBound(long upperBound, boolean inclusive) {
      return inclusive ? upperBound : upperBound - 1;
    }
  }

  /** {@code process} on a non-keyed stream connected with a broadcast stream (the second input). */
  record BroadcastProcess(BroadcastProcessFunction<?, ?, ?> function, List<MapStateDescriptor<?, ?>> descriptors)
      implements OperatorSpec {}

  /** {@code process} on a keyed stream connected with a broadcast stream (the second input). */
  record KeyedBroadcastProcess(
      KeyedBroadcastProcessFunction<?, ?, ?, ?> function, List<MapStateDescriptor<?, ?>> descriptors)
      implements OperatorSpec {}

  /**
   * A window operator ({@code window(...)} / {@code windowAll(...)} then a window function). The
   * window contents are {@code incrementalFunction}'s single value per key and window when it is set
   * (a {@link ReduceFunction} or {@link AggregateFunction}), else the list of records.
   *
   * @param assigner the window assigner
   * @param trigger the trigger (the assigner's default unless the program set one)
   * @param defaultTrigger whether {@code trigger} is the assigner's default
   * @param evictor the evictor, or null for none
   * @param allowedLateness the allowed lateness in milliseconds (event time only)
   * @param lateDataOutputTag the side output of late records, or null to drop them
   * @param incrementalFunction the reduce or aggregate function, or null to keep records in a list
   * @param function the window function, applied to the contents when a window fires
   */
  record Windowed(
      WindowAssigner<?, ?> assigner,
      Trigger<?, ?> trigger,
      boolean defaultTrigger,
      Evictor<?, ?> evictor,
      long allowedLateness,
      OutputTag<?> lateDataOutputTag,
      Function incrementalFunction,
      ProcessWindowFunction<?, ?, ?, ?> function) implements OperatorSpec {}

  /** {@code assignTimestampsAndWatermarks}: assigns timestamps, generates watermarks. */
  record TimestampsAndWatermarks(WatermarkStrategy<?> strategy) implements OperatorSpec {
    @Override
    public Function function() {
      return null;
    }
  }
}
