package io.spate.api.functions;

/** Decides which records to keep. */
@FunctionalInterface
public interface FilterFunction<T> extends Function {
  /** Whether to keep {@code value}. */
  boolean filter(T value) throws Exception;
}
