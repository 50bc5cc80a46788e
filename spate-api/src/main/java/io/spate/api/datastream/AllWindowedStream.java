package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.AllWindowFunction;
import io.spate.api.functions.windowing.ProcessAllWindowFunction;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A whole (non-keyed) stream cut into windows; its window operator runs as a single subtask, as in
 * Flink, since every window sees every record.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@Public
public class AllWindowedStream<T, W extends Window> {

  private final WindowedStream<T, Byte, W> windowed;
  private final TypeInformation<T> inputType;

  AllWindowedStream(WindowedStream<T, Byte, W> windowed, TypeInformation<T> inputType) {
    this.windowed = windowed;
    this.inputType = inputType;
  }

  /** Decides when windows fire with {@code trigger} instead of the assigner's default. */
  public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
    windowed.trigger(trigger);
    return this;
  }

  /** Removes records from windows when they fire, with {@code evictor}. */
  public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
    windowed.evictor(evictor);
    return this;
  }

  /** Keeps event-time windows for {@code lateness} after the watermark passes their end. */
  public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
    windowed.allowedLateness(lateness);
    return this;
  }

  /** As {@link #allowedLateness(Duration)}, with the lateness as a Flink {@link Time}. */
  @Deprecated
  public AllWindowedStream<T, W> allowedLateness(Time lateness) {
    return allowedLateness(Time.toDuration(lateness));
  }

  /** Sends records that arrive too late for their windows to the side output {@code outputTag}. */
  public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
    windowed.sideOutputLateData(outputTag);
    return this;
  }

  /** Combines the records of each window with {@code function}. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
    return windowed.reduce(function);
  }

  /** Combines each window's records with {@code reducer}, then hands the result to {@code function}. */
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        windowed.checkFunction(function, "reduce"), ProcessAllWindowFunction.class, 0, 1, inputType, "WindowAll");
    return windowed.build("Reduce", out, windowed.checkIncremental(reducer, "reduce"),
        new ProcessAllWindowFunctionAdapter<>(function));
  }

  /** Combines each window's records with {@code reducer}, then hands the result to {@code function}. */
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, AllWindowFunction<T, R, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        windowed.checkFunction(function, "reduce"), AllWindowFunction.class, 0, 1, inputType, "WindowAll");
    return windowed.build("Reduce", out, windowed.checkIncremental(reducer, "reduce"),
        new AllWindowFunctionAdapter<>(function));
  }

  /** Aggregates each window with {@code function}. */
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
    return windowed.aggregate(function);
  }

  /** Aggregates each window with {@code aggregator}, then hands the result to {@code function}. */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregator, ProcessAllWindowFunction<V, R, W> function) {
    TypeInformation<V> aggregated = TypeExtractor.getUnaryReturnType(
        windowed.checkIncremental(aggregator, "aggregate"), AggregateFunction.class, 0, 2, inputType, "WindowAll");
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        windowed.checkFunction(function, "aggregate"), ProcessAllWindowFunction.class, 0, 1, aggregated, "WindowAll");
    return windowed.build("Aggregate", out, aggregator, new ProcessAllWindowFunctionAdapter<>(function));
  }

  /** Aggregates each window with {@code aggregator}, then hands the result to {@code function}. */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregator, AllWindowFunction<V, R, W> function) {
    TypeInformation<V> aggregated = TypeExtractor.getUnaryReturnType(
        windowed.checkIncremental(aggregator, "aggregate"), AggregateFunction.class, 0, 2, inputType, "WindowAll");
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        windowed.checkFunction(function, "aggregate"), AllWindowFunction.class, 0, 1, aggregated, "WindowAll");
    return windowed.build("Aggregate", out, aggregator, new AllWindowFunctionAdapter<>(function));
  }

  /** Evaluates each window over all its records with {@code function}. */
  public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        windowed.checkFunction(function, "process"), ProcessAllWindowFunction.class, 0, 1, inputType, "WindowAll");
    return process(function, out);
  }

  /** Evaluates each window with {@code function}, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function, TypeInformation<R> outputType) {
    return windowed.build("Process", outputType, null,
        new ProcessAllWindowFunctionAdapter<>(windowed.checkFunction(function, "process")));
  }

  /** Evaluates each window over all its records with {@code function}. */
  public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        windowed.checkFunction(function, "apply"), AllWindowFunction.class, 0, 1, inputType, "WindowAll");
    return apply(function, out);
  }

  /** Evaluates each window with {@code function}, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function, TypeInformation<R> outputType) {
    return windowed.build("Apply", outputType, null,
        new AllWindowFunctionAdapter<>(windowed.checkFunction(function, "apply")));
  }

  /** The sum of the field at {@code position} per window. */
  public SingleOutputStreamOperator<T> sum(int position) {
    return windowed.sum(position);
  }

  /** The sum of {@code field} per window. */
  public SingleOutputStreamOperator<T> sum(String field) {
    return windowed.sum(field);
  }

  /** The minimum of the field at {@code position} per window. */
  public SingleOutputStreamOperator<T> min(int position) {
    return windowed.min(position);
  }

  /** The minimum of {@code field} per window. */
  public SingleOutputStreamOperator<T> min(String field) {
    return windowed.min(field);
  }

  /** The maximum of the field at {@code position} per window. */
  public SingleOutputStreamOperator<T> max(int position) {
    return windowed.max(position);
  }

  /** The maximum of {@code field} per window. */
  public SingleOutputStreamOperator<T> max(String field) {
    return windowed.max(field);
  }

  /** The record with the smallest value at {@code position} per window. */
  public SingleOutputStreamOperator<T> minBy(int position) {
    return windowed.minBy(position);
  }

  /** The record with the smallest {@code field} per window. */
  public SingleOutputStreamOperator<T> minBy(String field) {
    return windowed.minBy(field);
  }

  /** The record with the largest value at {@code position} per window. */
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return windowed.maxBy(position);
  }

  /** The record with the largest {@code field} per window. */
  public SingleOutputStreamOperator<T> maxBy(String field) {
    return windowed.maxBy(field);
  }
}
