package io.spate.api.metrics;

/** A metric whose value is read when it is reported. */
@FunctionalInterface
public interface Gauge<T> {
  /** The current value. */
  T getValue();
}
