package io.spate.api.metrics;

import java.io.Serializable;

/**
 * A histogram that keeps the most recent values in a ring of fixed capacity, so that its memory is
 * bounded however many values are recorded. Updates and snapshots take a lock on the histogram, so
 * any thread may record values.
 */
abstract class RecentValuesHistogram implements Histogram, Serializable {

  private static final long serialVersionUID = 1L;

  private final long[] ring;
  private long count;

  /** Keeps the last {@code capacity} values; subclasses check that it is at least 1. */
  RecentValuesHistogram(int capacity) {
    this.ring = new long[capacity];
  }

  @Override
  public synchronized void update(long value) {
    ring[(int) (count % ring.length)] = value;
    count++;
  }

  @Override
  public synchronized long getCount() {
    return count;
  }

  /** A copy of the values kept, oldest first. */
  final synchronized long[] recentValues() {
    int kept = (int) Math.min(count, ring.length);
    long[] oldestFirst = new long[kept];
    int oldest = count <= ring.length ? 0 : (int) (count % ring.length);
    for (int i = 0; i < kept; i++) {
      oldestFirst[i] = ring[(oldest + i) % ring.length];
    }
    return oldestFirst;
  }
}
