package io.spate.runtime.state.heap;

import io.spate.api.state.StateTtlConfig;

/**
 * The base of TTL heap states that keep one value per key and namespace (value, reducing and
 * aggregating state); the value is never null.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the user value type
 */
abstract class AbstractTtlHeapSingleValueState<K, N, V> extends AbstractTtlHeapState<K, N, TtlValue<V>> {

  AbstractTtlHeapSingleValueState(String name, StateTtlConfig ttlConfig, HeapKeyedStateBackend<K> backend) {
    super(name, ttlConfig, backend);
  }

  /** Reads the value in the current namespace as a user read does: null when absent or invisible. */
  final V read(long now) {
    TtlValue<V> stored = getInternal();
    if (stored == null) {
      return null;
    }
    if (!expired(stored, now)) {
      if (updateOnRead) {
        stored.lastAccess = now;
      }
      return stored.value;
    }
    deleteInternal(namespace);
    return returnExpired ? stored.value : null;
  }

  /** The value in {@code ns} to build an update on: null when absent or invisible. */
  final V currentForUpdate(N ns, long now) {
    return visible(getInternal(ns), now);
  }

  /** Removes the value in {@code ns} and returns it if it was visible, for merging. */
  final V removeForMerge(N ns, long now) {
    return visible(removeInternal(ns), now);
  }

  private V visible(TtlValue<V> stored, long now) {
    return stored == null || (!returnExpired && expired(stored, now)) ? null : stored.value;
  }

  /** Writes {@code value} in {@code ns}, which restarts its time to live. */
  final void write(N ns, V value, long now) {
    TtlValue<V> stored = getInternal(ns);
    if (stored != null) {
      stored.value = value;
      stored.lastAccess = now;
    } else {
      stored = new TtlValue<>(value, now);
      putInternal(ns, stored);
      track(ns);
    }
  }

  @Override
  final boolean purgeExpired(TtlValue<V> stored, long now) {
    return !expired(stored, now);
  }
}
