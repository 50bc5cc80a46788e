package io.spate.api.functions;

/** Receives the records that a function emits. */
public interface Collector<T> {
  /** Emits one record. */
  void collect(T record);

  /** Signals that no more records will be emitted; most functions never call it. */
  default void close() {}
}
