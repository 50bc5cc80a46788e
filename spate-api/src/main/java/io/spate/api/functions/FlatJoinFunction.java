package io.spate.api.functions;

import io.spate.api.annotation.Public;

/**
 * Emits any number of results for each pair of records of a window join that share a key and a
 * window.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {

  /** Emits the results for the pair {@code first}, {@code second} to {@code out}. */
  void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
