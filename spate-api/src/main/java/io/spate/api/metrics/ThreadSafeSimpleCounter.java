package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;
import java.util.concurrent.atomic.LongAdder;

/** A counter that any number of threads may update at the same time. */
@PublicEvolving
public final class ThreadSafeSimpleCounter implements Counter {

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
  public void dec(long n) {
    count.add(-n);
  }

  @Override
  public long getCount() {
    return count.sum();
  }
}
