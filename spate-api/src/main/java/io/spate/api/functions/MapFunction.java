package io.spate.api.functions;

/** Transforms one record into exactly one record. */
@FunctionalInterface
public interface MapFunction<IN, OUT> extends Function {
  /** Returns the record that {@code value} maps to. */
  OUT map(IN value) throws Exception;
}
