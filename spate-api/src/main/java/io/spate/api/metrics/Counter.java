package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A metric that counts up (or down). */
@Public
public interface Counter extends Metric {
  /** Adds one. */
  void inc();

  /** Adds {@code n}. */
  void inc(long n);

  /** Subtracts one. */
  void dec();

  /** Subtracts {@code n}. */
  void dec(long n);

  /** The current count. */
  long getCount();
}
