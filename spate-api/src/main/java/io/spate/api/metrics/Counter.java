package io.spate.api.metrics;

/** A metric that counts up (or down). */
public interface Counter {
  /** Adds one. */
  void inc();

  /** Adds {@code n}. */
  void inc(long n);

  /** Subtracts one. */
  void dec();

  /** The current count. */
  long getCount();
}
