package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A metric whose value is read when it is reported; its code runs on the reporting thread. */
@Public
@FunctionalInterface
public interface Gauge<T> extends Metric {
  /** The current value. */
  T getValue();
}
