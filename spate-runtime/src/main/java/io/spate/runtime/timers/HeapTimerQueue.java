package io.spate.runtime.timers;

import io.spate.runtime.operators.InternalTimerServiceImpl;
import io.spate.runtime.timers.Timer;
import java.io.IOException;
import java.util.Arrays;

/**
 * The timers of one time domain on the heap: a min-heap by timestamp that also holds each
 * (timestamp, key, namespace) at most once and removes any timer in logarithmic time.
 *
 * <p>Each timer gets a small integer id, the index of its object in {@code timers}; ids of removed
 * timers are reused. Everything else refers to timers by id, in arrays of primitives: an
 * open-addressing hash table whose slots hold a timer's hash and id, and a heap that holds each
 * entry's timestamp and id, with each id's heap position beside it. Sifting and probing thus read
 * and write only those arrays. A queue of many timers is mostly cache misses, and this keeps them to
 * a few lines per level instead of one timer object per child. Each node has four children, half
 * the levels of a binary heap.
 *
 * <p>Only adding a timer stores an object reference, and it stores it at a reused or the next id, not
 * at a slot picked by the hash. Timers mostly leave in the order they came, so new timers land on
 * neighbouring elements of {@code timers}. This matters to G1: a reference stored into an old array
 * marks that array's card dirty, and a table of many timers is old. Stores spread by hash dirty a
 * card per new timer, and the collector then rescans each one; neighbouring stores share a card.
 */
public final class HeapTimerQueue implements TimerQueue {

  private static final int ARITY_BITS = 2;
  private static final int ARITY = 1 << ARITY_BITS;
  static final int INITIAL_SLOTS = 128;

  /** The timer of each id in use; null at free ids. */
  private Timer[] timers = new Timer[INITIAL_SLOTS / 2];
  /** The heap position of each id in use. */
  private int[] positionOf = new int[INITIAL_SLOTS / 2];
  /** Ids below {@code size + freeCount} that no timer uses, the last freed on top. */
  private int[] freeIds = new int[INITIAL_SLOTS / 2];
  private int freeCount;

  /**
   * Linear probing, at most half full, so that an absent timer ends its probe soon: each slot holds
   * {@code hash << 32 | (id + 1)}, or 0 when empty.
   */
  private long[] slots = new long[INITIAL_SLOTS];
  private int slotShift = 64 - Integer.numberOfTrailingZeros(INITIAL_SLOTS);

  /** The heap: timestamp and id of the entry at each position. */
  private long[] times = new long[INITIAL_SLOTS / 2];
  private int[] idAt = new int[INITIAL_SLOTS / 2];
  private int size;

  @Override
  public boolean add(long timestamp, Object key, Object namespace) {
    int hash = Timer.hash(timestamp, key, namespace);
    int slot = find(hash, timestamp, key, namespace);
    if (slot >= 0) {
      return false;
    }
    if (size == times.length) {
      grow();
    }
    int id = freeCount > 0 ? freeIds[--freeCount] : size;
    timers[id] = new Timer(timestamp, key, namespace, hash);
    slots[-slot - 1] = slotEntry(hash, id);
    siftUp(size++, id, timestamp);
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return true;
  }

  @Override
  public boolean remove(long timestamp, Object key, Object namespace) {
    int slot = find(Timer.hash(timestamp, key, namespace), timestamp, key, namespace);
    if (slot < 0) {
      return false;
    }
    int id = idIn(slots[slot]);
    unindex(slot);
    release(id);
    removeAt(positionOf[id]);
    return true;
  }

  /**
   * The slot of the timer, or {@code -(s + 1)} if it is not queued, where {@code s} is the empty slot
   * that ended the probe (where the timer would go).
   */
  private int find(int hash, long timestamp, Object key, Object namespace) {
    int mask = slots.length - 1;
    int slot = home(hash);
    for (long s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
      if (hashIn(s) == hash && timers[idIn(s)].is(timestamp, key, namespace)) {
        return slot;
      }
    }
    return -slot - 1;
  }

  /** The slot that holds {@code id}, whose timer has {@code hash}. */
  private int slotOf(int id, int hash) {
    long wanted = slotEntry(hash, id);
    int mask = slots.length - 1;
    int slot = home(hash);
    while (slots[slot] != wanted) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  @Override
  public Timer peek() {
    return size == 0 ? null : timers[idAt[0]];
  }

  @Override
  public Timer poll() {
    if (size == 0) {
      return null;
    }
    int id = idAt[0];
    Timer head = timers[id];
    unindex(slotOf(id, head.hash));
    release(id);
    removeAt(0);
    return head;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(Visitor visitor) throws IOException {
    for (int i = 0; i < size; i++) {
      Timer t = timers[idAt[i]];
      visitor.visit(t.key, t.namespace, t.timestamp);
    }
  }

  private static long slotEntry(int hash, int id) {
    return (long) hash << 32 | (id + 1L);
  }

  private static int hashIn(long slotEntry) {
    return (int) (slotEntry >>> 32);
  }

  private static int idIn(long slotEntry) {
    return (int) slotEntry - 1;
  }

  private int home(int hash) {
    return home(hash, slotShift);
  }

  /** The slot where a probe for {@code hash} starts, in a table of {@code 2^(64 - shift)} slots. */
  static int home(int hash, int shift) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /** Frees {@code id}; writing null marks no card, so a removal costs the collector nothing. */
  private void release(int id) {
    timers[id] = null;
    freeIds[freeCount++] = id;
  }

  /**
   * Empties slot {@code i}, moving back the entries after it that a probe from their home slot would
   * no longer reach.
   */
  private void unindex(int i) {
    int mask = slots.length - 1;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long s = slots[j];
      if (s == 0) {
        break;
      }
      int h = home(hashIn(s));
      boolean reachable = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (!reachable) {
        slots[i] = s;
        i = j;
      }
    }
    slots[i] = 0;
  }

  private void rehash(int capacity) {
    long[] old = slots;
    slots = new long[capacity];
    slotShift = 64 - Integer.numberOfTrailingZeros(capacity);
    int mask = capacity - 1;
    for (long s : old) {
      if (s != 0) {
        int i = home(hashIn(s));
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  /** Doubles the arrays indexed by id or heap position; with every id in use, none is free. */
  private void grow() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    idAt = Arrays.copyOf(idAt, capacity);
    timers = Arrays.copyOf(timers, capacity);
    positionOf = Arrays.copyOf(positionOf, capacity);
    freeIds = new int[capacity];
  }

  private void removeAt(int position) {
    size--;
    if (position == size) {
      return;
    }
    int lastId = idAt[size];
    long lastTime = times[size];
    siftDown(position, lastId, lastTime);
    if (idAt[position] == lastId) {
      siftUp(position, lastId, lastTime);
    }
  }

  /** Places the entry ({@code id}, {@code time}) at {@code position} or above it. */
  private void siftUp(int position, int id, long time) {
    while (position > 0) {
      int parent = (position - 1) >>> ARITY_BITS;
      if (times[parent] <= time) {
        break;
      }
      move(parent, position);
      position = parent;
    }
    place(position, id, time);
  }

  /** Places the entry ({@code id}, {@code time}) at {@code position} or below it. */
  private void siftDown(int position, int id, long time) {
    while (true) {
      int first = (position << ARITY_BITS) + 1;
      if (first >= size) {
        break;
      }
      int end = Math.min(first + ARITY, size);
      int least = first;
      long leastTime = times[first];
      for (int c = first + 1; c < end; c++) {
        if (times[c] < leastTime) {
          leastTime = times[c];
          least = c;
        }
      }
      if (time <= leastTime) {
        break;
      }
      move(least, position);
      position = least;
    }
    place(position, id, time);
  }

  private void move(int from, int to) {
    int id = idAt[from];
    times[to] = times[from];
    idAt[to] = id;
    positionOf[id] = to;
  }

  private void place(int position, int id, long time) {
    times[position] = time;
    idAt[position] = id;
    positionOf[id] = position;
  }
}
