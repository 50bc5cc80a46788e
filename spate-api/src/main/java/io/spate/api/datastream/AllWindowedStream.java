package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.WindowAssigner;
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

  /**
   * Cuts the whole of {@code input} into the windows of {@code windowAssigner}; the window operator
   * runs as one subtask, as {@link DataStream#windowAll} does.
   */
  public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
    this(new WindowedStream<>(new KeyedStream<>(input, new ConstantKey<>(), Types.BYTE), windowAssigner, "WindowAll")
        .withParallelism(1), input.getType());
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

  // ---------------------------------------------------------------- Flink's overloads with types

  /** The environment of the windowed stream. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return windowed.getExecutionEnvironment();
  }

  /** The type of the records in the windows. */
  public TypeInformation<T> getInputType() {
    return inputType;
  }

  /**
   * Combines each window's records with {@code reducer}, then hands the result to {@code function},
   * producing records of {@code resultType}.
   */
  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
    return windowed.build("Reduce", checkType(resultType, "reduce"), windowed.checkIncremental(reducer, "reduce"),
        new AllWindowFunctionAdapter<>(windowed.checkFunction(function, "reduce")));
  }

  /**
   * Combines each window's records with {@code reducer}, then hands the result to {@code function},
   * producing records of {@code resultType}.
   */
  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
    return windowed.build("Reduce", checkType(resultType, "reduce"), windowed.checkIncremental(reducer, "reduce"),
        new ProcessAllWindowFunctionAdapter<>(windowed.checkFunction(function, "reduce")));
  }

  /**
   * Aggregates each window with {@code function}, whose accumulators are kept in state as {@code
   * accumulatorType}, producing records of {@code resultType}.
   */
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, R> function, TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
    return windowed.aggregate(function, accumulatorType, resultType);
  }

  /**
   * Aggregates each window with {@code aggregator} (accumulators of {@code accumulatorType}), then
   * hands the result to {@code windowFunction}, producing records of {@code resultType}.
   */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
      AllWindowFunction<V, R, W> windowFunction, TypeInformation<ACC> accumulatorType,
      TypeInformation<R> resultType) {
    return windowed.build("Aggregate", checkType(resultType, "aggregate"),
        windowed.checkIncremental(aggregator, "aggregate"),
        new AllWindowFunctionAdapter<>(windowed.checkFunction(windowFunction, "aggregate")),
        checkType(accumulatorType, "aggregate"));
  }

  /**
   * Aggregates each window with {@code aggregator} (accumulators of {@code accumulatorType}, results
   * of {@code aggregateResultType}), then hands the result to {@code windowFunction}, producing
   * records of {@code resultType}.
   */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
      ProcessAllWindowFunction<V, R, W> windowFunction, TypeInformation<ACC> accumulatorType,
      TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
    checkType(aggregateResultType, "aggregate");
    return windowed.build("Aggregate", checkType(resultType, "aggregate"),
        windowed.checkIncremental(aggregator, "aggregate"),
        new ProcessAllWindowFunctionAdapter<>(windowed.checkFunction(windowFunction, "aggregate")),
        checkType(accumulatorType, "aggregate"));
  }

  /**
   * As {@link #reduce(ReduceFunction, AllWindowFunction)}.
   *
   * @deprecated use {@code reduce(reducer, function)}, as in Flink.
   */
  @Deprecated
  public <R> SingleOutputStreamOperator<R> apply(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
    return reduce(reduceFunction, function);
  }

  /**
   * As {@link #reduce(ReduceFunction, AllWindowFunction, TypeInformation)}.
   *
   * @deprecated use {@code reduce(reducer, function, resultType)}, as in Flink.
   */
  @Deprecated
  public <R> SingleOutputStreamOperator<R> apply(
      ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
    return reduce(reduceFunction, function, resultType);
  }

  /** The record with the smallest value at {@code positionToMinBy}; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
    return windowed.minBy(positionToMinBy, first);
  }

  /** The record with the smallest {@code field}; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
    return windowed.minBy(field, first);
  }

  /** The record with the largest value at {@code positionToMaxBy}; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
    return windowed.maxBy(positionToMaxBy, first);
  }

  /** The record with the largest {@code field}; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
    return windowed.maxBy(field, first);
  }

  private static <X> TypeInformation<X> checkType(TypeInformation<X> type, String operation) {
    if (type == null) {
      throw new InvalidProgramException("WindowAll." + operation + ": the type information must not be null.");
    }
    return type;
  }
}
