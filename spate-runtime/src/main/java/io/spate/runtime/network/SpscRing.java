package io.spate.runtime.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded lock-free queue for exactly one producer thread and one consumer thread. Each side
 * caches the other's index so that it reads the shared one only when the cache says full or empty.
 */
final class SpscRing<E> {

  private static final VarHandle HEAD;
  private static final VarHandle TAIL;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(SpscRing.class, "head", long.class);
      TAIL = lookup.findVarHandle(SpscRing.class, "tail", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Object[] buffer;
  private final int mask;
  private final int capacity;
  // Each side's indices have 128 bytes of padding around them (HotSpot lays out the longs in
  // declaration order): the consumer writes head for every poll and the producer tail for every
  // offer, and with the two on one cache line, or beside a field another task uses for every
  // record, each write would take the line from the other core.
  @SuppressWarnings("unused")
  private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  // consumer-owned
  @SuppressWarnings("unused")
  private volatile long head;
  private long cachedTail;
  @SuppressWarnings("unused")
  private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;
  // producer-owned
  @SuppressWarnings("unused")
  private volatile long tail;
  private long cachedHead;
  @SuppressWarnings("unused")
  private long r00, r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, r13, r14, r15;

  SpscRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    int size = Integer.highestOneBit(capacity - 1 == 0 ? 1 : capacity - 1) << 1;
    this.buffer = new Object[Math.max(size, 2)];
    this.mask = buffer.length - 1;
    this.capacity = capacity;
  }

  /** Adds {@code element} unless the queue holds {@code capacity} elements; producer only. */
  boolean offer(E element) {
    long t = (long) TAIL.getOpaque(this);
    if (t - cachedHead >= capacity) {
      cachedHead = (long) HEAD.getAcquire(this);
      if (t - cachedHead >= capacity) {
        return false;
      }
    }
    buffer[(int) t & mask] = element;
    TAIL.setRelease(this, t + 1);
    return true;
  }

  /** Whether {@link #offer} would succeed now; producer only. */
  boolean hasCapacity() {
    long t = (long) TAIL.getOpaque(this);
    if (t - cachedHead < capacity) {
      return true;
    }
    cachedHead = (long) HEAD.getAcquire(this);
    return t - cachedHead < capacity;
  }

  /** Removes the oldest element, or returns null; consumer only. */
  @SuppressWarnings("unchecked")
  E poll() {
    long h = (long) HEAD.getOpaque(this);
    if (h >= cachedTail) {
      cachedTail = (long) TAIL.getAcquire(this);
      if (h >= cachedTail) {
        return null;
      }
    }
    int index = (int) h & mask;
    E element = (E) buffer[index];
    buffer[index] = null;
    HEAD.setRelease(this, h + 1);
    return element;
  }

  /** The element {@code offset} places after the oldest, without removing it, or null; consumer only. */
  @SuppressWarnings("unchecked")
  E peek(long offset) {
    long index = (long) HEAD.getOpaque(this) + offset;
    if (index >= cachedTail) {
      cachedTail = (long) TAIL.getAcquire(this);
      if (index >= cachedTail) {
        return null;
      }
    }
    return (E) buffer[(int) index & mask];
  }

  /** Whether the queue looks empty; consumer only. */
  boolean isEmpty() {
    long h = (long) HEAD.getOpaque(this);
    if (h < cachedTail) {
      return false;
    }
    cachedTail = (long) TAIL.getAcquire(this);
    return h >= cachedTail;
  }

  /** An approximate size, for metrics; any thread. */
  int size() {
    return (int) Math.max(0, (long) TAIL.getAcquire(this) - (long) HEAD.getAcquire(this));
  }
}
