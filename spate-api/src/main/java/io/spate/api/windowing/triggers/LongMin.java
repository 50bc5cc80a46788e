package io.spate.api.windowing.triggers;

import io.spate.api.functions.ReduceFunction;

/** Keeps the smaller long, for the next fire times of continuous triggers. */
final class LongMin implements ReduceFunction<Long> {

  private static final long serialVersionUID = 1L;

  @Override
  public Long reduce(Long a, Long b) {
    return Math.min(a, b);
  }
}
