package io.spate.api.util;

import io.spate.api.annotation.Internal;

/**
 * A {@code long} that one thread writes often, with its cache lines to itself. Without padding,
 * the field a subtask updates for every record can share a cache line with a field another
 * subtask's thread writes or reads for every record: the garbage collector copies live objects of
 * both subtasks (and the enum constants and class statics they share) next to one another, in an
 * order that differs from run to run. Every write then takes the line away from the other core, and
 * the same job ran at half speed in some JVMs. Reads and writes are plain: one thread writes, and
 * another thread may read a recent, possibly stale, value.
 */
@Internal
public final class PaddedLong {

  /** Bytes of padding on each side of the value: CPUs that fetch cache lines in pairs make 128 the span. */
  public static final int PADDING_BYTES = 128;

  // Sixteen longs on each side. HotSpot lays out fields of one size in declaration order, so the
  // value sits between the two runs of padding.
  @SuppressWarnings("unused")
  private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  private long value;
  @SuppressWarnings("unused")
  private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

  /** A cell holding zero. */
  public PaddedLong() {}

  /** A cell holding {@code initial}. */
  public PaddedLong(long initial) {
    this.value = initial;
  }

  /** The value. */
  public long get() {
    return value;
  }

  /** Replaces the value. */
  public void set(long newValue) {
    value = newValue;
  }

  /** Adds one. */
  public void increment() {
    value++;
  }

  /** Adds {@code delta}, which may be negative. */
  public void add(long delta) {
    value += delta;
  }

  /** Replaces the value by {@code candidate} if that is greater. */
  public void raiseTo(long candidate) {
    if (candidate > value) {
      value = candidate;
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
