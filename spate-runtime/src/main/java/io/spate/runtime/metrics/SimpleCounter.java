package io.spate.runtime.metrics;

import io.spate.api.metrics.Counter;
import java.util.concurrent.atomic.LongAdder;

/** A counter that any thread may update and read. */
public final class SimpleCounter implements Counter {

  private final LongAdder count = new LongAdder();

  @Override
  public void inc() {
    count.increment();
  }

  @Override
  public void inc(long n) {
    count.add(n);
  }

  @Override
  public void dec() {
    count.decrement();
  }

  @Override
  public long getCount() {
    return count.sum();
  }
}
