package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A metric that counts up (or down). */
@Public
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
