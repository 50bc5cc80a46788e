package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Decides which records to keep. */
@Public
@FunctionalInterface
public interface FilterFunction<T> extends Function {
  /** Whether to keep {@code value}. */
  boolean filter(T value) throws Exception;
}
