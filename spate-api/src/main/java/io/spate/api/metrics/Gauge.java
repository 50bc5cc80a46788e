package io.spate.api.metrics;

/** A metric whose value is read when it is reported; its code runs on the reporting thread. */
@FunctionalInterface
public interface Gauge<T> extends Metric {
  /** The current value. */
  T getValue();
}
