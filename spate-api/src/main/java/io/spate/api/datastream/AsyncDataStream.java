package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.operators.builtin.AsyncWaitOperatorFactory;
import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryStrategies;
import io.spate.api.functions.async.AsyncRetryStrategy;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Applies an {@link AsyncFunction} to a stream: many requests to an external system are in flight
 * at once, up to a capacity, and their results rejoin the stream in input order
 * ({@code orderedWait}) or as they complete ({@code unorderedWait}; results never overtake a
 * watermark). A timeout of zero means requests never time out.
 */
@PublicEvolving
public final class AsyncDataStream {

  /** The number of records in flight per subtask when none is given. */
  public static final int DEFAULT_QUEUE_CAPACITY = 100;

  /** In which order results are emitted. */
  public enum OutputMode {
    /** In the order of the input records. */
    ORDERED,
    /** As soon as they complete, but never across a watermark. */
    UNORDERED
  }

  /** An instance, as Flink allows; the methods are all static. */
  public AsyncDataStream() {}

  // ------------------------------------------------------------------ ordered

  /** Emits results in input order; at most {@link #DEFAULT_QUEUE_CAPACITY} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit) {
    return orderedWait(in, function, toDuration(timeout, unit), DEFAULT_QUEUE_CAPACITY);
  }

  /** Emits results in input order; at most {@code capacity} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit, int capacity) {
    return orderedWait(in, function, toDuration(timeout, unit), capacity);
  }

  /** Emits results in input order; at most {@link #DEFAULT_QUEUE_CAPACITY} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, Duration timeout) {
    return orderedWait(in, function, timeout, DEFAULT_QUEUE_CAPACITY);
  }

  /** Emits results in input order; at most {@code capacity} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, Duration timeout, int capacity) {
    return addOperator(in, function, OutputMode.ORDERED, timeout, capacity, null);
  }

  /** Like {@link #orderedWait(DataStream, AsyncFunction, long, TimeUnit)}, retrying per {@code retryStrategy}. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit, AsyncRetryStrategy<OUT> retryStrategy) {
    return orderedWaitWithRetry(in, function, timeout, unit, DEFAULT_QUEUE_CAPACITY, retryStrategy);
  }

  /** Like {@link #orderedWait(DataStream, AsyncFunction, long, TimeUnit, int)}, retrying per {@code retryStrategy}. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit, int capacity, AsyncRetryStrategy<OUT> retryStrategy) {
    return orderedWaitWithRetry(in, function, toDuration(timeout, unit), capacity, retryStrategy);
  }

  /** Like {@link #orderedWait(DataStream, AsyncFunction, Duration, int)}, retrying per {@code retryStrategy}. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> function, Duration timeout, int capacity, AsyncRetryStrategy<OUT> retryStrategy) {
    return addOperator(in, function, OutputMode.ORDERED, timeout, capacity, requireStrategy(retryStrategy));
  }

  // ------------------------------------------------------------------ unordered

  /** Emits results as they complete; at most {@link #DEFAULT_QUEUE_CAPACITY} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit) {
    return unorderedWait(in, function, toDuration(timeout, unit), DEFAULT_QUEUE_CAPACITY);
  }

  /** Emits results as they complete; at most {@code capacity} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit, int capacity) {
    return unorderedWait(in, function, toDuration(timeout, unit), capacity);
  }

  /** Emits results as they complete; at most {@link #DEFAULT_QUEUE_CAPACITY} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, Duration timeout) {
    return unorderedWait(in, function, timeout, DEFAULT_QUEUE_CAPACITY);
  }

  /** Emits results as they complete; at most {@code capacity} records in flight. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> function, Duration timeout, int capacity) {
    return addOperator(in, function, OutputMode.UNORDERED, timeout, capacity, null);
  }

  /** Like {@link #unorderedWait(DataStream, AsyncFunction, long, TimeUnit)}, retrying per {@code retryStrategy}. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit, AsyncRetryStrategy<OUT> retryStrategy) {
    return unorderedWaitWithRetry(in, function, timeout, unit, DEFAULT_QUEUE_CAPACITY, retryStrategy);
  }

  /** Like {@link #unorderedWait(DataStream, AsyncFunction, long, TimeUnit, int)}, retrying per {@code retryStrategy}. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit, int capacity, AsyncRetryStrategy<OUT> retryStrategy) {
    return unorderedWaitWithRetry(in, function, toDuration(timeout, unit), capacity, retryStrategy);
  }

  /** Like {@link #unorderedWait(DataStream, AsyncFunction, Duration, int)}, retrying per {@code retryStrategy}. */
  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> function, Duration timeout, int capacity, AsyncRetryStrategy<OUT> retryStrategy) {
    return addOperator(in, function, OutputMode.UNORDERED, timeout, capacity, requireStrategy(retryStrategy));
  }

  // ------------------------------------------------------------------ shared

  private static <IN, OUT> SingleOutputStreamOperator<OUT> addOperator(DataStream<IN> in,
      AsyncFunction<IN, OUT> function, OutputMode mode, Duration timeout, int capacity,
      AsyncRetryStrategy<OUT> retryStrategy) {
    if (in == null) {
      throw new InvalidProgramException("AsyncDataStream: the input stream must not be null.");
    }
    DataStream.checkFunction(function, "AsyncDataStream");
    if (timeout == null || timeout.isNegative()) {
      throw new InvalidProgramException("AsyncDataStream: the timeout must be zero (none) or positive, got " + timeout);
    }
    if (capacity <= 0) {
      throw new InvalidProgramException("AsyncDataStream: the capacity must be positive, got " + capacity);
    }
    boolean noRetry = retryStrategy == null || retryStrategy == AsyncRetryStrategies.NO_RETRY_STRATEGY;
    TypeInformation<OUT> outType = TypeExtractor.getUnaryReturnType(
        function, AsyncFunction.class, 0, 1, in.getType(), "Async Wait");
    SingleOutputStreamOperator<OUT> result = in.transform("Async Wait", outType,
        new AsyncWaitOperatorFactory<>(function, mode == OutputMode.ORDERED, timeout, capacity,
            noRetry ? null : retryStrategy, in.getType()));
    // The task must be able to stop feeding this operator when it is full, so it heads its chain.
    result.getTransformation().setChainingStrategy(ChainingStrategy.HEAD);
    return result;
  }

  private static Duration toDuration(long timeout, TimeUnit unit) {
    if (unit == null) {
      throw new InvalidProgramException("AsyncDataStream: the time unit must not be null.");
    }
    return Duration.of(timeout, unit.toChronoUnit());
  }

  private static <OUT> AsyncRetryStrategy<OUT> requireStrategy(AsyncRetryStrategy<OUT> strategy) {
    if (strategy == null) {
      throw new InvalidProgramException("AsyncDataStream: the retry strategy must not be null;"
          + " use AsyncRetryStrategies.NO_RETRY_STRATEGY for none.");
    }
    return strategy;
  }
}
