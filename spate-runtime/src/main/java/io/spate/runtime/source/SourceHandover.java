package io.spate.runtime.source;

import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-over from a source function's thread to its task: the function's thread puts
 * records, watermarks and idleness marks in order and blocks while the hand-over is full; the task
 * takes them in batches without ever blocking, and is woken when something arrives after it found
 * the hand-over empty. The function's end (or failure) follows everything it put.
 *
 * <p>A function that blocks here while it holds its checkpoint lock keeps holding it: what a function
 * does under its lock must fall wholly before or wholly after a checkpoint's barrier, whatever order it
 * does it in (a record taken from its input before it is emitted, or emitted before its offset moves).
 * The task never needs the lock to take from the hand-over, so the wait ends as the task polls; a
 * checkpoint waits for the function to let go of its lock, as in Flink.
 */
final class SourceHandover {

  /** A record; its timestamp is {@code Long.MIN_VALUE} when it has none. */
  static final byte RECORD = 0;
  /** A watermark; the timestamp is the watermark. */
  static final byte WATERMARK = 1;
  /** The function marked itself idle. */
  static final byte IDLE = 2;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Object[] values;
  private final long[] timestamps;
  private final byte[] kinds;
  // Guarded by lock.
  private int head;
  private int size;
  private boolean takerWaiting;
  private boolean closed;
  private boolean ended;
  private Throwable failure;
  private volatile Runnable waker = () -> {};

  /** A hand-over of {@code capacity} elements. */
  SourceHandover(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("The capacity of a source hand-over must be at least 1, got " + capacity);
    }
    this.values = new Object[capacity];
    this.timestamps = new long[capacity];
    this.kinds = new byte[capacity];
  }

  /** Has {@code waker} run when an element arrives after the task found the hand-over empty. */
  void setWaker(Runnable waker) {
    this.waker = waker;
  }

  /**
   * Function's thread: puts one element, blocking while the hand-over is full. After {@link #close}
   * the element is dropped: the task that would have taken it is gone.
   *
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  void put(byte kind, Object value, long timestamp) throws InterruptedException {
    Runnable wake = null;
    lock.lock();
    try {
      while (size == values.length && !closed) {
        notFull.await();
      }
      if (closed) {
        return;
      }
      int slot = (head + size) % values.length;
      values[slot] = value;
      timestamps[slot] = timestamp;
      kinds[slot] = kind;
      size++;
      if (takerWaiting) {
        takerWaiting = false;
        wake = waker;
      }
    } finally {
      lock.unlock();
    }
    if (wake != null) {
      wake.run();
    }
  }

  /** Function's thread: the function returned ({@code failure} null) or threw {@code failure}. */
  void end(Throwable failure) {
    Runnable wake;
    lock.lock();
    try {
      ended = true;
      this.failure = failure;
      wake = waker;
      takerWaiting = false;
    } finally {
      lock.unlock();
    }
    wake.run();
  }

  /**
   * Task: moves up to {@code batch.capacity()} elements into {@code batch}, oldest first; if there
   * are none, the next put wakes the task.
   */
  void takeInto(Batch batch) {
    lock.lock();
    try {
      int n = Math.min(size, batch.values.length);
      for (int i = 0; i < n; i++) {
        int slot = (head + i) % values.length;
        batch.values[i] = values[slot];
        batch.timestamps[i] = timestamps[slot];
        batch.kinds[i] = kinds[slot];
        values[slot] = null;
      }
      boolean wasFull = size == values.length;
      head = (head + n) % values.length;
      size -= n;
      batch.size = n;
      batch.ended = size == 0 && ended;
      batch.failure = batch.ended ? failure : null;
      if (n == 0 && !ended) {
        takerWaiting = true;
      }
      if (wasFull && n > 0) {
        notFull.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Task: it takes nothing more; a function blocked in a put returns. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** What one {@link #takeInto} took: elements in order, then whether the function's end follows them. */
  static final class Batch {
    final Object[] values;
    final long[] timestamps;
    final byte[] kinds;
    int size;
    boolean ended;
    Throwable failure;

    /** A batch of up to {@code capacity} elements. */
    Batch(int capacity) {
      values = new Object[capacity];
      timestamps = new long[capacity];
      kinds = new byte[capacity];
    }

    /** Drops the references to the records taken, once they are emitted. */
    void clear() {
      Arrays.fill(values, 0, size, null);
      size = 0;
    }
  }
}
