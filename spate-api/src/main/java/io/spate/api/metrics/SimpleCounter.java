package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;

/**
 * A counter for one writing thread: a plain {@code long}, no lock, no memory fence. Another thread
 * (a reporter) may read it and then sees a recent, possibly slightly stale, value. Use {@link
 * ThreadSafeSimpleCounter} when several threads update the count.
 */
@PublicEvolving
public final class SimpleCounter implements Counter {

  private long count;

  @Override
  public void inc() {
    count++;
  }

  @Override
  public void inc(long n) {
    count += n;
  }

  @Override
  public void dec() {
    count--;
  }

  @Override
  public void dec(long n) {
    count -= n;
  }

  @Override
  public long getCount() {
    return count;
  }
}
