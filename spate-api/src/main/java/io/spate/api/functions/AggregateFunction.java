package io.spate.api.functions;

import io.spate.api.annotation.Public;

/**
 * An incremental aggregation: values are added one at a time to an accumulator, accumulators can
 * be merged (for merging windows), and the result is read from the accumulator.
 *
 * @param <IN> the type of aggregated values
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
@Public
public interface AggregateFunction<IN, ACC, OUT> extends Function {

  /** A new, empty accumulator. */
  ACC createAccumulator();

  /** Adds {@code value} to {@code accumulator}; returns the updated accumulator (may be the same object). */
  ACC add(IN value, ACC accumulator);

  /**
   * The result of the aggregation held by {@code accumulator}, which it must not change: state
   * backends may hand it an accumulator that a checkpoint in progress still reads.
   */
  OUT getResult(ACC accumulator);

  /** Combines two accumulators into one (may reuse either). */
  ACC merge(ACC a, ACC b);
}
