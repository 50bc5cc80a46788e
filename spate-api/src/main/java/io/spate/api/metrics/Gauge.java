package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A metric whose value is read when it is reported. */
@Public
@FunctionalInterface
public interface Gauge<T> {
  /** The current value. */
  T getValue();
}
