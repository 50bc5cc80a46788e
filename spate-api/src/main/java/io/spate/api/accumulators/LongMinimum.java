package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the minimum of the {@code long} values added, over all subtasks. */
@Public
public class LongMinimum implements SimpleAccumulator<Long> {

  private static final long serialVersionUID = 1L;

  private long value = Long.MAX_VALUE;

  /** Starts at Long.MAX_VALUE. */
  public LongMinimum() {}

  /** Starts at {@code value}. */
  public LongMinimum(long value) {
    this.value = value;
  }

  /** Takes {@code value} into the minimum. */
  public void add(long value) {
    this.value = Math.min(this.value, value);
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
    value = Long.MAX_VALUE;
  }

  @Override
  public LongMinimum clone() {
    return new LongMinimum(value);
  }

  @Override
  public String toString() {
    return "LongMinimum " + value;
  }
}
