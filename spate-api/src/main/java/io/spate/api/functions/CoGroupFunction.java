package io.spate.api.functions;

import io.spate.api.annotation.Public;

/**
 * Sees, per key and window, all records of both inputs of a co-group at once (either side may be
 * empty), and emits any number of results.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends Function {

  /** Emits the results for the records {@code first} and {@code second} of one key and window. */
  void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
