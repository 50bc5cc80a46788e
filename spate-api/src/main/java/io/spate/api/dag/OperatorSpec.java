package io.spate.api.dag;

import io.spate.api.common.OutputTag;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.CoFlatMapFunction;
import io.spate.api.functions.CoMapFunction;
import io.spate.api.functions.CoProcessFunction;
import io.spate.api.functions.FilterFunction;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.Function;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.MapFunction;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.triggers.Trigger;
import java.io.Serializable;

/**
 * What an operator of the graph computes, as a user function plus the operator kind. The runtime
 * maps each kind to its operator implementation.
 */
public sealed interface OperatorSpec extends Serializable {

  /** The user function of this operator. */
  Function function();

  /** {@code map}. */
  record Map(MapFunction<?, ?> function) implements OperatorSpec {}

  /** {@code flatMap}. */
  record FlatMap(FlatMapFunction<?, ?> function) implements OperatorSpec {}

  /** {@code filter}. */
  record Filter(FilterFunction<?> function) implements OperatorSpec {}

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
