package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Transforms one record into exactly one record. */
@Public
@FunctionalInterface
public interface MapFunction<IN, OUT> extends Function {
  /** Returns the record that {@code value} maps to. */
  OUT map(IN value) throws Exception;
}
