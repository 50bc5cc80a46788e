package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Receives the records that a function emits. */
@Public
public interface Collector<T> {
  /** Emits one record. */
  void collect(T record);

  /** Signals that no more records will be emitted; most functions never call it. */
  default void close() {}
}
