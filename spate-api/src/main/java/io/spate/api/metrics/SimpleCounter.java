package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.util.PaddedLong;

/**
 * A counter for one writing thread: a plain {@code long}, no lock, no memory fence. Another thread
 * (a reporter) may read it and then sees a recent, possibly slightly stale, value. Use {@link
 * ThreadSafeSimpleCounter} when several threads update the count. The count has its cache lines to
 * itself (see {@link PaddedLong}): the counters of a chain are updated for every record.
 */
@PublicEvolving
public final class SimpleCounter implements Counter {

  private final PaddedLong count = new PaddedLong();

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
    count.add(-1);
  }

  @Override
  public void dec(long n) {
    count.add(-n);
  }

  @Override
  public long getCount() {
    return count.get();
  }
}
