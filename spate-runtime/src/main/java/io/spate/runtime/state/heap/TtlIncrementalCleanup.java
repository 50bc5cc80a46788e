package io.spate.runtime.state.heap;

import java.util.ArrayDeque;

/**
 * Incremental TTL cleanup of one heap state: each run checks the next few stored entries for expiry
 * and removes what has expired, so that entries nobody reads again do not stay forever.
 *
 * <p>The position is a ring of the entries the state created, not an iterator over the hash maps:
 * the state changes between runs, and the maps' iterators would fail on the next run; the ring
 * keeps each run's work bounded however the state changes in between.
 */
final class TtlIncrementalCleanup {

  /** A stored entry of the state; stale once the table holds another object (or none) there. */
  private static final class Slot {
    final int keyGroup;
    final Object key;
    final Object namespace;
    final Object stored;

    Slot(int keyGroup, Object key, Object namespace, Object stored) {
      this.keyGroup = keyGroup;
      this.key = key;
      this.namespace = namespace;
      this.stored = stored;
    }
  }

  private final AbstractTtlHeapState<?, ?, ?> state;
  private final int cleanupSize;
  private final ArrayDeque<Slot> ring = new ArrayDeque<>();

  TtlIncrementalCleanup(AbstractTtlHeapState<?, ?, ?> state, int cleanupSize) {
    this.state = state;
    this.cleanupSize = cleanupSize;
  }

  /** Remembers an entry that the state has just stored. */
  void track(int keyGroup, Object key, Object namespace, Object stored) {
    ring.addLast(new Slot(keyGroup, key, namespace, stored));
  }

  /** Checks up to {@code cleanupSize} live entries (and drops as many stale ring slots) at time {@code now}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void run(long now) {
    // Each entry at most once per run, even when the ring is shorter than the cleanup size.
    int budget = Math.min(cleanupSize, ring.size());
    // Stale slots cost almost nothing; skipping some for free keeps the ring from growing when
    // entries are removed and recreated faster than a small cleanup size would reach them.
    int staleBudget = cleanupSize + 1;
    StateTable table = state.table;
    while (budget > 0 && !ring.isEmpty()) {
      Slot slot = ring.pollFirst();
      Object current = table.get(slot.keyGroup, slot.key, slot.namespace);
      if (current != slot.stored) {
        if (--staleBudget <= 0) {
          budget--;
        }
        continue;
      }
      budget--;
      if (((AbstractTtlHeapState) state).purgeExpired(current, now)) {
        ring.addLast(slot);
      } else {
        table.remove(slot.keyGroup, slot.key, slot.namespace);
      }
    }
  }

  /** The number of ring slots, live and stale, for tests. */
  int trackedEntries() {
    return ring.size();
  }
}
