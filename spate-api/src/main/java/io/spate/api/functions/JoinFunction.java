package io.spate.api.functions;

import io.spate.api.annotation.Public;

/**
 * Combines one record of each side of a window join that share a key and a window into one result.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {

  /** The result for the pair {@code first}, {@code second}. */
  OUT join(IN1 first, IN2 second) throws Exception;
}
