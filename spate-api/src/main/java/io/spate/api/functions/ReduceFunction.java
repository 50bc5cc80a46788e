package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Combines two values of one type into one, associatively. */
@Public
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
  /** Combines the accumulated {@code value1} with the new {@code value2}. */
  T reduce(T value1, T value2) throws Exception;
}
