package io.spate.runtime.state.heap;

import io.spate.api.state.StateTtlConfig;
import java.util.ArrayList;
import java.util.function.LongSupplier;

/**
 * The base of heap states with a time to live: the expiry rules, the clock, and the incremental
 * cleanup that each access triggers.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <SV> the stored value type (holding {@link TtlValue}s)
 */
abstract class AbstractTtlHeapState<K, N, SV> extends AbstractHeapState<K, N, SV> {

  final StateTtlConfig ttlConfig;
  final long ttlMillis;
  final boolean updateOnRead;
  final boolean returnExpired;
  private final LongSupplier clock;
  final TtlIncrementalCleanup cleanup;
  final boolean cleanupForEveryRecord;

  AbstractTtlHeapState(String name, StateTtlConfig ttlConfig, HeapKeyedStateBackend<K> backend) {
    super(name, backend, true);
    this.ttlConfig = ttlConfig;
    this.ttlMillis = ttlConfig.getTtlMillis();
    this.updateOnRead = ttlConfig.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired = ttlConfig.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    this.clock = backend.clock();
    StateTtlConfig.IncrementalCleanupStrategy incremental =
        ttlConfig.getCleanupStrategies().getIncrementalCleanupStrategy();
    this.cleanup = incremental == null ? null : new TtlIncrementalCleanup(this, incremental.cleanupSize());
    this.cleanupForEveryRecord = incremental != null && incremental.runCleanupForEveryRecord();
  }

  /** Starts a state access: runs incremental cleanup and returns the current time. */
  final long access() {
    long now = clock.getAsLong();
    if (cleanup != null) {
      cleanup.run(now);
    }
    return now;
  }

  /** Runs incremental cleanup for a processed record. */
  final void cleanupForRecord() {
    cleanup.run(clock.getAsLong());
  }

  final long now() {
    return clock.getAsLong();
  }

  final boolean expired(TtlValue<?> value, long now) {
    return value.isExpired(now, ttlMillis);
  }

  /** Tells incremental cleanup about a newly stored value of the current key in {@code ns}. */
  final void track(N ns) {
    if (cleanup != null) {
      cleanup.track(backend.getCurrentKeyGroup(), currentKey(), ns);
    }
  }

  /**
   * Removes the expired parts of {@code stored} at time {@code now}; returns whether anything is
   * left (if not, the caller removes the entry from the table).
   */
  abstract boolean purgeExpired(SV stored, long now);

  /** Removes the expired elements of {@code list} in place, keeping the order of the rest. */
  final <X> void removeExpired(ArrayList<TtlValue<X>> list, long now) {
    int kept = 0;
    int size = list.size();
    for (int i = 0; i < size; i++) {
      TtlValue<X> element = list.get(i);
      if (!expired(element, now)) {
        list.set(kept++, element);
      }
    }
    if (kept < size) {
      list.subList(kept, size).clear();
    }
  }

  @Override
  public void clear() {
    access();
    super.clear();
  }
}
