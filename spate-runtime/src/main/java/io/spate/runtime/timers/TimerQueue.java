package io.spate.runtime.timers;

import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.runtime.timers.Timer;
import java.io.IOException;

/**
 * The timers of one time domain of a timer service, earliest first: each (timestamp, key,
 * namespace) at most once. Keyed state backends choose where it lives (heap or RocksDB).
 */
public interface TimerQueue {

  /** Receives each timer of the queue. */
  @FunctionalInterface
  interface Visitor {
    /** A timer of {@code key} in {@code namespace} at {@code timestamp}. */
    void visit(Object key, Object namespace, long timestamp) throws IOException;
  }

  /**
   * Adds the timer unless it exists; returns false if it existed. A queue that would have to read
   * storage to know may return true for an existing timer that is not among its earliest.
   */
  boolean add(long timestamp, Object key, Object namespace);

  /** Removes the timer if it exists; returns false if it did not (with the same leeway as add). */
  boolean remove(long timestamp, Object key, Object namespace);

  /** The earliest timer (any of the earliest if several share its timestamp), or null. */
  Timer peek();

  /** Removes and returns the timer {@link #peek()} returns, or null. */
  Timer poll();

  /** The number of timers; may scan storage, so for tests and metrics. */
  int size();

  /** Calls {@code visitor} with every timer, in no particular order, for snapshots. */
  void forEach(Visitor visitor) throws IOException;

  /**
   * Whether the keyed state backend that made this queue writes its timers into snapshots itself
   * (from storage, after the synchronous part), so that its timer service leaves them out.
   */
  default boolean isSnapshotByBackend() {
    return false;
  }
}
