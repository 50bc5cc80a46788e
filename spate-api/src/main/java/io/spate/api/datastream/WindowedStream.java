package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.OutputTag;
import io.spate.api.dag.OneInputTransformation;
import io.spate.api.operators.builtin.windowing.WindowOperatorFactory;
import io.spate.api.dag.Transformation;
import io.spate.api.datastream.aggregation.ComparableAggregator;
import io.spate.api.datastream.aggregation.SumAggregator;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Function;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.RichFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.functions.windowing.WindowFunction;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A keyed stream cut into windows by a {@link WindowAssigner}: set the trigger, evictor and allowed
 * lateness, then give the function that turns each window into results.
 *
 * @param <T> the record type
 * @param <K> the key type
 * @param <W> the window type
 */
@Public
public class WindowedStream<T, K, W extends Window> {

  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private final String kind;
  private Trigger<? super T, ? super W> trigger;
  private boolean defaultTrigger = true;
  private Evictor<? super T, ? super W> evictor;
  private long allowedLateness;
  private OutputTag<T> lateDataOutputTag;
  private int parallelism = Transformation.DEFAULT_PARALLELISM;

  /** Cuts {@code input} into the windows of {@code assigner}. */
  public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this(input, assigner, "Window");
  }

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner, String kind) {
    if (assigner == null) {
      throw new InvalidProgramException(kind + ": the window assigner must not be null.");
    }
    this.input = input;
    this.assigner = assigner;
    this.kind = kind;
    this.trigger = assigner.getDefaultTrigger();
  }

  /** Runs the window operator at {@code parallelism} (used for the non-parallel {@code windowAll}). */
  WindowedStream<T, K, W> withParallelism(int parallelism) {
    this.parallelism = parallelism;
    return this;
  }

  /** Decides when windows fire with {@code trigger} instead of the assigner's default. */
  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    if (trigger == null) {
      throw new InvalidProgramException(kind + " " + assigner + ": the trigger must not be null.");
    }
    if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
      throw new InvalidProgramException(kind + " " + assigner + ": the trigger " + trigger
          + " does not support merging windows, which this assigner needs (canMerge() is false).");
    }
    this.trigger = trigger;
    this.defaultTrigger = false;
    return this;
  }

  /** Removes records from windows when they fire, with {@code evictor}. */
  public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    if (evictor == null) {
      throw new InvalidProgramException(kind + " " + assigner + ": the evictor must not be null.");
    }
    this.evictor = evictor;
    return this;
  }

  /**
   * Keeps event-time windows for {@code lateness} after the watermark passes their end, so late
   * records still update them (firing them again per the trigger); later records are late data.
   */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    if (lateness == null || lateness.isNegative()) {
      throw new IllegalArgumentException(kind + " " + assigner + ": the allowed lateness must not be negative, but was "
          + (lateness == null ? "null" : lateness.toMillis() + " ms") + ".");
    }
    if (!assigner.isEventTime() && !lateness.isZero()) {
      throw new IllegalArgumentException(kind + " " + assigner + ": allowed lateness (" + lateness.toMillis()
          + " ms) applies to event-time windows only; this assigner is not in event time.");
    }
    this.allowedLateness = lateness.toMillis();
    return this;
  }

  /** As {@link #allowedLateness(Duration)}, with the lateness as a Flink {@link Time}. */
  @Deprecated
  public WindowedStream<T, K, W> allowedLateness(Time lateness) {
    return allowedLateness(Time.toDuration(lateness));
  }

  /** Sends records that arrive too late for their windows to the side output {@code outputTag}. */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
    if (outputTag == null) {
      throw new InvalidProgramException(kind + " " + assigner + ": the late data output tag must not be null.");
    }
    this.lateDataOutputTag = outputTag;
    return this;
  }

  // ---------------------------------------------------------------- reduce

  /** Combines the records of each window with {@code function}, one value per key and window. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
    return build("Reduce", input.getType(), checkIncremental(function, "reduce"), new PassThroughWindowFunction<>());
  }

  /** Combines each window's records with {@code reducer}, then hands the result to {@code function}. */
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "reduce"), ProcessWindowFunction.class, 0, 1, input.getType(), kind);
    return build("Reduce", out, checkIncremental(reducer, "reduce"), function);
  }

  /** Combines each window's records with {@code reducer}, then hands the result to {@code function}. */
  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, WindowFunction<T, R, K, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "reduce"), WindowFunction.class, 0, 1, input.getType(), kind);
    return build("Reduce", out, checkIncremental(reducer, "reduce"), new WindowFunctionAdapter<>(function));
  }

  // ---------------------------------------------------------------- aggregate

  /** Aggregates each window with {@code function}, one accumulator per key and window. */
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkIncremental(function, "aggregate"), AggregateFunction.class, 0, 2, input.getType(), kind);
    return build("Aggregate", out, function, new PassThroughWindowFunction<>());
  }

  /** Aggregates each window with {@code aggregator}, then hands the result to {@code function}. */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregator, ProcessWindowFunction<V, R, K, W> function) {
    TypeInformation<V> aggregated = TypeExtractor.getUnaryReturnType(
        checkIncremental(aggregator, "aggregate"), AggregateFunction.class, 0, 2, input.getType(), kind);
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "aggregate"), ProcessWindowFunction.class, 0, 1, aggregated, kind);
    return build("Aggregate", out, aggregator, function);
  }

  /** Aggregates each window with {@code aggregator}, then hands the result to {@code function}. */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregator, WindowFunction<V, R, K, W> function) {
    TypeInformation<V> aggregated = TypeExtractor.getUnaryReturnType(
        checkIncremental(aggregator, "aggregate"), AggregateFunction.class, 0, 2, input.getType(), kind);
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "aggregate"), WindowFunction.class, 0, 1, aggregated, kind);
    return build("Aggregate", out, aggregator, new WindowFunctionAdapter<>(function));
  }

  // ---------------------------------------------------------------- whole-window functions

  /** Evaluates each window over all its records with {@code function}. */
  public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "process"), ProcessWindowFunction.class, 0, 1, input.getType(), kind);
    return process(function, out);
  }

  /** Evaluates each window with {@code function}, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> process(
      ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> outputType) {
    return build("Process", outputType, null, checkFunction(function, "process"));
  }

  /** Evaluates each window over all its records with {@code function}. */
  public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "apply"), WindowFunction.class, 0, 1, input.getType(), kind);
    return apply(function, out);
  }

  /** Evaluates each window with {@code function}, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, TypeInformation<R> outputType) {
    return build("Apply", outputType, null, new WindowFunctionAdapter<>(checkFunction(function, "apply")));
  }

  // ---------------------------------------------------------------- field aggregations

  /** The sum of the field at {@code position} per window; other fields are from the first record. */
  public SingleOutputStreamOperator<T> sum(int position) {
    return fieldAggregation("Sum", new SumAggregator<>(accessor(position), input.getType().createSerializer()));
  }

  /** The sum of {@code field} per window; other fields are from the first record. */
  public SingleOutputStreamOperator<T> sum(String field) {
    return fieldAggregation("Sum", new SumAggregator<>(accessor(field), input.getType().createSerializer()));
  }

  /** The minimum of the field at {@code position} per window; other fields are unspecified. */
  public SingleOutputStreamOperator<T> min(int position) {
    return comparable("Min", accessor(position), ComparableAggregator.Kind.MIN, true);
  }

  /** The minimum of {@code field} per window; other fields are unspecified. */
  public SingleOutputStreamOperator<T> min(String field) {
    return comparable("Min", accessor(field), ComparableAggregator.Kind.MIN, true);
  }

  /** The maximum of the field at {@code position} per window; other fields are unspecified. */
  public SingleOutputStreamOperator<T> max(int position) {
    return comparable("Max", accessor(position), ComparableAggregator.Kind.MAX, true);
  }

  /** The maximum of {@code field} per window; other fields are unspecified. */
  public SingleOutputStreamOperator<T> max(String field) {
    return comparable("Max", accessor(field), ComparableAggregator.Kind.MAX, true);
  }

  /** The record with the smallest value at {@code position} per window (the first on ties). */
  public SingleOutputStreamOperator<T> minBy(int position) {
    return comparable("MinBy", accessor(position), ComparableAggregator.Kind.MIN_BY, true);
  }

  /** The record with the smallest {@code field} per window (the first on ties). */
  public SingleOutputStreamOperator<T> minBy(String field) {
    return comparable("MinBy", accessor(field), ComparableAggregator.Kind.MIN_BY, true);
  }

  /** The record with the largest value at {@code position} per window (the first on ties). */
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return comparable("MaxBy", accessor(position), ComparableAggregator.Kind.MAX_BY, true);
  }

  /** The record with the largest {@code field} per window (the first on ties). */
  public SingleOutputStreamOperator<T> maxBy(String field) {
    return comparable("MaxBy", accessor(field), ComparableAggregator.Kind.MAX_BY, true);
  }

  private <F> SingleOutputStreamOperator<T> comparable(
      String name, FieldAccessor<T, F> accessor, ComparableAggregator.Kind aggregation, boolean first) {
    return fieldAggregation(name, new ComparableAggregator<>(accessor, input.getType().createSerializer(), aggregation, first));
  }

  private SingleOutputStreamOperator<T> fieldAggregation(String name, ReduceFunction<T> aggregator) {
    return build(name, input.getType(), aggregator, new PassThroughWindowFunction<>());
  }

  private <F> FieldAccessor<T, F> accessor(String field) {
    try {
      return input.getType().fieldAccessor(field);
    } catch (InvalidTypesException e) {
      throw new InvalidProgramException(kind + " aggregation on field '" + field + "' of " + input.getType()
          + ": " + e.getMessage(), e);
    }
  }

  private <F> FieldAccessor<T, F> accessor(int position) {
    try {
      return input.getType().fieldAccessor(position);
    } catch (InvalidTypesException e) {
      throw new InvalidProgramException(kind + " aggregation on position " + position + " of " + input.getType()
          + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- building

  <F extends Function> F checkFunction(F function, String operation) {
    return DataStream.checkFunction(function, kind + "." + operation);
  }

  <F extends Function> F checkIncremental(F function, String operation) {
    checkFunction(function, operation);
    if (function instanceof RichFunction) {
      // its state would be per window, and it is called once per record: pass a window function instead
      throw new InvalidProgramException(kind + "." + operation + ": the " + operation + " function "
          + function.getClass().getName() + " must not be a rich function; use " + operation
          + "(function, windowFunction) and put the rich part in the window function.");
    }
    return function;
  }

  <R> SingleOutputStreamOperator<R> build(
      String operation, TypeInformation<R> outputType, Function incremental, ProcessWindowFunction<?, R, ?, ?> function) {
    return build(operation, outputType, incremental, function, null);
  }

  /** As {@link #build(String, TypeInformation, Function, ProcessWindowFunction)}, with the accumulator type given. */
  <R> SingleOutputStreamOperator<R> build(String operation, TypeInformation<R> outputType, Function incremental,
      ProcessWindowFunction<?, R, ?, ?> function, TypeInformation<?> accumulatorType) {
    String name = kind + "(" + assigner + ", " + trigger + (evictor != null ? ", " + evictor : "") + ") " + operation;
    WindowOperatorFactory<R> factory = new WindowOperatorFactory<>(assigner, trigger, defaultTrigger, evictor,
        allowedLateness, lateDataOutputTag, incremental, function, input.getType(), accumulatorType);
    OneInputTransformation<T, R> t = new OneInputTransformation<>(
        input.environment.newId(), input.transformation, name, factory, outputType, parallelism);
    t.setStateKey(input.getKeySelector(), input.getKeyType());
    return new SingleOutputStreamOperator<>(input.environment, t);
  }

  // ---------------------------------------------------------------- Flink's overloads with types

  /** The environment of the windowed stream. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return input.getExecutionEnvironment();
  }

  /** The type of the records in the windows. */
  public TypeInformation<T> getInputType() {
    return input.getType();
  }

  /**
   * Combines each window's records with {@code reducer}, then hands the result to {@code function},
   * producing records of {@code resultType}.
   */
  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
    checkFunction(function, "reduce");
    return build("Reduce", checkType(resultType, "reduce"), checkIncremental(reducer, "reduce"),
        new WindowFunctionAdapter<>(function));
  }

  /**
   * Combines each window's records with {@code reducer}, then hands the result to {@code function},
   * producing records of {@code resultType}.
   */
  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
    return build("Reduce", checkType(resultType, "reduce"), checkIncremental(reducer, "reduce"),
        checkFunction(function, "reduce"));
  }

  /**
   * Aggregates each window with {@code function}, whose accumulators are kept in state as {@code
   * accumulatorType}, producing records of {@code resultType}.
   */
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, R> function, TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
    return build("Aggregate", checkType(resultType, "aggregate"), checkIncremental(function, "aggregate"),
        new PassThroughWindowFunction<>(), checkType(accumulatorType, "aggregate"));
  }

  /**
   * Aggregates each window with {@code aggregator} (accumulators of {@code accumulatorType}), then
   * hands the result to {@code function}, producing records of {@code resultType}.
   */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
      WindowFunction<V, R, K, W> function, TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
    checkFunction(function, "aggregate");
    return build("Aggregate", checkType(resultType, "aggregate"), checkIncremental(aggregator, "aggregate"),
        new WindowFunctionAdapter<>(function), checkType(accumulatorType, "aggregate"));
  }

  /**
   * Aggregates each window with {@code aggregator} (accumulators of {@code accumulatorType}, results
   * of {@code aggregateResultType}), then hands the result to {@code function}, producing records of
   * {@code resultType}.
   */
  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
      ProcessWindowFunction<V, R, K, W> function, TypeInformation<ACC> accumulatorType,
      TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
    checkType(aggregateResultType, "aggregate");
    return build("Aggregate", checkType(resultType, "aggregate"), checkIncremental(aggregator, "aggregate"),
        checkFunction(function, "aggregate"), checkType(accumulatorType, "aggregate"));
  }

  /**
   * As {@link #reduce(ReduceFunction, WindowFunction)}.
   *
   * @deprecated use {@code reduce(reducer, function)}, as in Flink.
   */
  @Deprecated
  public <R> SingleOutputStreamOperator<R> apply(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
    return reduce(reduceFunction, function);
  }

  /**
   * As {@link #reduce(ReduceFunction, WindowFunction, TypeInformation)}.
   *
   * @deprecated use {@code reduce(reducer, function, resultType)}, as in Flink.
   */
  @Deprecated
  public <R> SingleOutputStreamOperator<R> apply(
      ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
    return reduce(reduceFunction, function, resultType);
  }

  /** The record with the smallest value at {@code positionToMinBy} per window; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
    return comparable("MinBy", accessor(positionToMinBy), ComparableAggregator.Kind.MIN_BY, first);
  }

  /** The record with the smallest {@code field} per window; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
    return comparable("MinBy", accessor(field), ComparableAggregator.Kind.MIN_BY, first);
  }

  /** The record with the largest value at {@code positionToMaxBy} per window; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
    return comparable("MaxBy", accessor(positionToMaxBy), ComparableAggregator.Kind.MAX_BY, first);
  }

  /** The record with the largest {@code field} per window; on ties the first if {@code first}, else the last. */
  public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
    return comparable("MaxBy", accessor(field), ComparableAggregator.Kind.MAX_BY, first);
  }

  private <X> TypeInformation<X> checkType(TypeInformation<X> type, String operation) {
    if (type == null) {
      throw new InvalidProgramException(kind + "." + operation + ": the type information must not be null.");
    }
    return type;
  }
}
