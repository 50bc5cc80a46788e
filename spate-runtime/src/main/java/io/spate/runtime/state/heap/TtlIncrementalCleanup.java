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

  /**
   * A stored value of the state; stale once the table holds another value (or none) there. Values
   * are told apart by their birth number, not their identity, because a snapshot running while the
   * task changes a value makes the table hold a copy of the same value.
   */
  private static final class Slot {
    final int keyGroup;
    final Object key;
    final Object namespace;
    final int birth;

    Slot(int keyGroup, Object key, Object namespace, int birth) {
      this.keyGroup = keyGroup;
      this.key = key;
      this.namespace = namespace;
      this.birth = birth;
    }
  }

  private final AbstractTtlHeapState<?, ?, ?> state;
  private final int cleanupSize;
  private final ArrayDeque<Slot> ring = new ArrayDeque<>();

  TtlIncrementalCleanup(AbstractTtlHeapState<?, ?, ?> state, int cleanupSize) {
    this.state = state;
    this.cleanupSize = cleanupSize;
  }

  /** Remembers the value that the state has just stored for a key and namespace. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void track(int keyGroup, Object key, Object namespace) {
    ring.addLast(new Slot(keyGroup, key, namespace, ((StateTable) state.table).birthOf(keyGroup, key, namespace)));
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
      Object current = table.getIfBorn(slot.keyGroup, slot.key, slot.namespace, slot.birth);
      if (current == null) {
        if (--staleBudget <= 0) {
          budget--;
        }
        continue;
      }
      budget--;
      if (((AbstractTtlHeapState) state).purgeExpired(current, now)) {
        ring.addLast(slot);
      } else {
        table.delete(slot.keyGroup, slot.key, slot.namespace);
      }
    }
  }

  /** The number of ring slots, live and stale, for tests. */
  int trackedEntries() {
    return ring.size();
  }
}
