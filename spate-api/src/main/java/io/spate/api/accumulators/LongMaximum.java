package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the maximum of the {@code long} values added, over all subtasks. */
@Public
public class LongMaximum implements SimpleAccumulator<Long> {

  private static final long serialVersionUID = 1L;

  private long value = Long.MIN_VALUE;

  /** Starts at Long.MIN_VALUE. */
  public LongMaximum() {}

  /** Starts at {@code value}. */
  public LongMaximum(long value) {
    this.value = value;
  }

  /** Takes {@code value} into the maximum. */
  public void add(long value) {
    this.value = Math.max(this.value, value);
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
    value = Long.MIN_VALUE;
  }

  @Override
  public LongMaximum clone() {
    return new LongMaximum(value);
  }

  @Override
  public String toString() {
    return "LongMaximum " + value;
  }
}
