package io.spate.runtime.operators;

import io.spate.runtime.operators.InternalTimerService.Timer;
import java.io.IOException;
import java.util.Arrays;

/**
 * The timers of one time domain on the heap: a min-heap by timestamp that also holds each
 * (timestamp, key, namespace) at most once and removes any timer in logarithmic time.
 *
 * <p>The timers live in an open-addressing hash table (each timer knows its hash, so adding one
 * allocates only the timer). The heap orders slots of that table, not timer objects: it holds each
 * entry's timestamp and slot number in arrays of primitives, and the table holds each slot's heap
 * position. Sifting therefore reads and writes only those arrays. A queue of many timers is mostly
 * cache misses, and this keeps them to a few lines per level instead of one timer object per child;
 * it also writes no object references while sifting, which the garbage collector would have to
 * track. Each node has four children, half the levels of a binary heap.
 */
public final class HeapTimerQueue implements TimerQueue {

  private static final int ARITY_BITS = 2;
  private static final int ARITY = 1 << ARITY_BITS;
  static final int INITIAL_SLOTS = 128;

  /** Linear probing, at most half full, so that an absent timer ends its probe soon. */
  private Timer[] slots = new Timer[INITIAL_SLOTS];
  /** The heap position of the timer in each occupied slot. */
  private int[] positionOf = new int[INITIAL_SLOTS];
  private int slotShift = 64 - Integer.numberOfTrailingZeros(INITIAL_SLOTS);

  /** The heap: timestamp and slot of the entry at each position. */
  private long[] times = new long[INITIAL_SLOTS / 2];
  private int[] slotAt = new int[INITIAL_SLOTS / 2];
  private int size;

  @Override
  public boolean add(long timestamp, Object key, Object namespace) {
    int hash = Timer.hash(timestamp, key, namespace);
    int slot = find(hash, timestamp, key, namespace);
    if (slot >= 0) {
      return false;
    }
    slot = -slot - 1;
    slots[slot] = new Timer(timestamp, key, namespace, hash);
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      slotAt = Arrays.copyOf(slotAt, size * 2);
    }
    siftUp(size++, slot, timestamp);
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
    int position = positionOf[slot];
    unindex(slot);
    removeAt(position);
    return true;
  }

  /**
   * The slot of the timer, or {@code -(s + 1)} if it is not queued, where {@code s} is the empty slot
   * that ended the probe (where the timer would go).
   */
  private int find(int hash, long timestamp, Object key, Object namespace) {
    int mask = slots.length - 1;
    int slot = home(hash);
    for (Timer t; (t = slots[slot]) != null; slot = (slot + 1) & mask) {
      if (t.hash == hash && t.is(timestamp, key, namespace)) {
        return slot;
      }
    }
    return -slot - 1;
  }

  @Override
  public Timer peek() {
    return size == 0 ? null : slots[slotAt[0]];
  }

  @Override
  public Timer poll() {
    if (size == 0) {
      return null;
    }
    int slot = slotAt[0];
    Timer head = slots[slot];
    unindex(slot);
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
      Timer t = slots[slotAt[i]];
      visitor.visit(t.key, t.namespace, t.timestamp);
    }
  }

  private int home(int hash) {
    return home(hash, slotShift);
  }

  /** The slot where a probe for {@code hash} starts, in a table of {@code 2^(64 - shift)} slots. */
  static int home(int hash, int shift) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /**
   * Empties slot {@code i}, moving back the timers after it that a probe from their home slot would
   * no longer reach.
   */
  private void unindex(int i) {
    int mask = slots.length - 1;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      Timer t = slots[j];
      if (t == null) {
        break;
      }
      int h = home(t.hash);
      boolean reachable = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (!reachable) {
        slots[i] = t;
        positionOf[i] = positionOf[j];
        slotAt[positionOf[i]] = i;
        i = j;
      }
    }
    slots[i] = null;
  }

  private void rehash(int capacity) {
    Timer[] oldSlots = slots;
    int[] oldPositions = positionOf;
    slots = new Timer[capacity];
    positionOf = new int[capacity];
    slotShift = 64 - Integer.numberOfTrailingZeros(capacity);
    int mask = capacity - 1;
    for (int s = 0; s < oldSlots.length; s++) {
      Timer t = oldSlots[s];
      if (t != null) {
        int i = home(t.hash);
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = t;
        positionOf[i] = oldPositions[s];
        slotAt[positionOf[i]] = i;
      }
    }
  }

  private void removeAt(int position) {
    size--;
    if (position == size) {
      return;
    }
    int lastSlot = slotAt[size];
    long lastTime = times[size];
    siftDown(position, lastSlot, lastTime);
    if (slotAt[position] == lastSlot) {
      siftUp(position, lastSlot, lastTime);
    }
  }

  /** Places the entry ({@code slot}, {@code time}) at {@code position} or above it. */
  private void siftUp(int position, int slot, long time) {
    while (position > 0) {
      int parent = (position - 1) >>> ARITY_BITS;
      if (times[parent] <= time) {
        break;
      }
      move(parent, position);
      position = parent;
    }
    place(position, slot, time);
  }

  /** Places the entry ({@code slot}, {@code time}) at {@code position} or below it. */
  private void siftDown(int position, int slot, long time) {
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
    place(position, slot, time);
  }

  private void move(int from, int to) {
    int slot = slotAt[from];
    times[to] = times[from];
    slotAt[to] = slot;
    positionOf[slot] = to;
  }

  private void place(int position, int slot, long time) {
    times[position] = time;
    slotAt[position] = slot;
    positionOf[slot] = position;
  }
}
