package io.spate.runtime.metrics.groups;

import io.spate.api.metrics.Counter;
import java.util.function.LongSupplier;

/**
 * A counter whose count someone else keeps (the network counts a task's bytes per channel): it reads
 * the supplier it was given last, 0 before, and cannot be incremented.
 */
final class SuppliedCounter implements Counter {

  private final String name;
  private volatile LongSupplier count = () -> 0;

  SuppliedCounter(String name) {
    this.name = name;
  }

  /** Reads {@code count} from now on. */
  void readFrom(LongSupplier count) {
    this.count = count;
  }

  @Override
  public void inc() {
    throw notIncrementable();
  }

  @Override
  public void inc(long n) {
    throw notIncrementable();
  }

  @Override
  public void dec() {
    throw notIncrementable();
  }

  @Override
  public void dec(long n) {
    throw notIncrementable();
  }

  private UnsupportedOperationException notIncrementable() {
    return new UnsupportedOperationException(name + " is counted where it happens; it cannot be incremented");
  }

  @Override
  public long getCount() {
    return count.getAsLong();
  }
}
