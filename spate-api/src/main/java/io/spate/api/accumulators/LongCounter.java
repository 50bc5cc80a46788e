package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the sum of the {@code long} values added, over all subtasks. */
@Public
public class LongCounter implements SimpleAccumulator<Long> {

  private static final long serialVersionUID = 1L;

  private long value = 0L;

  /** Starts at 0L. */
  public LongCounter() {}

  /** Starts at {@code value}. */
  public LongCounter(long value) {
    this.value = value;
  }

  /** Takes {@code value} into the sum. */
  public void add(long value) {
    this.value = this.value + value;
  }

  @Override
  public void add(Long value) {
    add(value.longValue());
  }

  @Override
  public Long getLocalValue() {
    return value;
  }

  /** The local value, unboxed. */
  public long getLocalValuePrimitive() {
    return value;
  }

  @Override
  public void merge(Accumulator<Long, Long> other) {
    add(other.getLocalValue().longValue());
  }

  @Override
  public void resetLocal() {
    value = 0L;
  }

  @Override
  public LongCounter clone() {
    return new LongCounter(value);
  }

  @Override
  public String toString() {
    return "LongCounter " + value;
  }
}
