package io.spate.api.windowing.triggers;

import io.spate.api.functions.ReduceFunction;

/** Adds longs, for the counters of triggers. */
final class LongSum implements ReduceFunction<Long> {

  private static final long serialVersionUID = 1L;

  @Override
  public Long reduce(Long a, Long b) {
    return a + b;
  }
}
