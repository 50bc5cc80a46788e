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
 * <p>A function that blocks here while holding its checkpoint lock waits on that lock instead, in
 * short rounds, which releases it: the task can then take the lock for a checkpoint while the
 * hand-over is full, and the record being put is not part of that checkpoint, nor is the state update
 * that follows it under the same lock.
 */
final class SourceHandover {

  /** A record; its timestamp is {@code Long.MIN_VALUE} when it has none. */
  static final byte RECORD = 0;
  /** A watermark; the timestamp is the watermark. */
  static final byte WATERMARK = 1;
  /** The function marked itself idle. */
  static final byte IDLE = 2;

  private static final long LOCKED_WAIT_MILLIS = 1;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Object checkpointLock;
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

  /** A hand-over of {@code capacity} elements for a function whose checkpoint lock is {@code checkpointLock}. */
  SourceHandover(int capacity, Object checkpointLock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("The capacity of a source hand-over must be at least 1, got " + capacity);
    }
    this.checkpointLock = checkpointLock;
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
    boolean holdsCheckpointLock = Thread.holdsLock(checkpointLock);
    while (!offer(kind, value, timestamp, holdsCheckpointLock)) {
      // Waiting on the checkpoint lock releases it, so that the task can take it for a checkpoint.
      checkpointLock.wait(LOCKED_WAIT_MILLIS);
    }
  }

  /**
   * Puts the element, waiting for room unless the caller holds the checkpoint lock: then a full
   * hand-over answers false at once.
   */
  private boolean offer(byte kind, Object value, long timestamp, boolean holdsCheckpointLock)
      throws InterruptedException {
    Runnable wake = null;
    lock.lock();
    try {
      while (size == values.length && !closed) {
        if (holdsCheckpointLock) {
          return false;
        }
        notFull.await();
      }
      if (closed) {
        return true;
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
    return true;
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
