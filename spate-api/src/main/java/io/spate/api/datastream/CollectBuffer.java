package io.spate.api.datastream;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A bounded hand-over of collected records from the sink writers to the client's iterator. */
final class CollectBuffer<T> {

  static final int CAPACITY = 4096;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final Runnable onClose;
  private boolean closed;

  CollectBuffer(Runnable onClose) {
    this.onClose = onClose;
  }

  /** Blocks while the buffer is full; drops the record if the client closed its iterator. */
  void put(T element) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (queue.size() >= CAPACITY && !closed) {
        notFull.await();
      }
      if (!closed) {
        queue.addLast(element);
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The next record, or null if none arrived within {@code timeoutMillis}. */
  T poll(long timeoutMillis) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (queue.isEmpty() && nanos > 0 && !closed) {
        nanos = notEmpty.awaitNanos(nanos);
      }
      T element = queue.pollFirst();
      if (element != null) {
        notFull.signal();
      }
      return element;
    } finally {
      lock.unlock();
    }
  }

  void close() {
    lock.lock();
    try {
      closed = true;
      queue.clear();
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    onClose.run();
  }
}
