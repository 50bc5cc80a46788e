package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Transforms one record into zero, one or more records. */
@Public
@FunctionalInterface
public interface FlatMapFunction<IN, OUT> extends Function {
  /** Emits the records that {@code value} maps to through {@code out}. */
  void flatMap(IN value, Collector<OUT> out) throws Exception;
}
