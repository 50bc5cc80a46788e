package io.spate.connectors.base;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between fetcher threads and the task thread. A fetcher that finds it full
 * waits (which stops it fetching: backpressure reaches the client); the task never waits: it polls,
 * and when the queue is empty it is handed a future that completes when a batch arrives.
 *
 * <p>No lost wake-up: {@link #availability()} replaces a future only once it is completed, only
 * while holding the lock and only if the queue is empty; {@link #put} reads the current future
 * under the same lock after adding its batch and completes it, so the future the task got from an
 * empty queue is completed by the next put. (At worst the task wakes once for a batch it already
 * took.)
 */
final class HandoverQueue<T> {

  private final int capacity;
  private final ArrayDeque<T> batches;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private boolean closed;

  HandoverQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("The hand-over queue needs a capacity of at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.batches = new ArrayDeque<>(capacity);
  }

  /**
   * Adds {@code batch}, waiting while the queue is full; returns false, dropping nothing that a
   * reader would still read, if the queue was closed first.
   */
  boolean put(T batch) throws InterruptedException {
    CompletableFuture<Void> toComplete;
    lock.lockInterruptibly();
    try {
      while (batches.size() == capacity && !closed) {
        notFull.await();
      }
      if (closed) {
        return false;
      }
      batches.add(batch);
      toComplete = available;
    } finally {
      lock.unlock();
    }
    // Completed outside the lock, so that the task's wake-up callbacks never run while holding it.
    toComplete.complete(null);
    return true;
  }

  /** The oldest batch, or null if there is none; never waits. */
  T poll() {
    lock.lock();
    try {
      T batch = batches.poll();
      if (batch != null) {
        notFull.signal();
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a batch is waiting. */
  boolean isEmpty() {
    lock.lock();
    try {
      return batches.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** The number of batches waiting. */
  int size() {
    lock.lock();
    try {
      return batches.size();
    } finally {
      lock.unlock();
    }
  }

  /** A future that is complete if a batch is waiting and otherwise completes when one arrives. */
  CompletableFuture<Void> availability() {
    lock.lock();
    try {
      if (available.isDone() && batches.isEmpty()) {
        available = new CompletableFuture<>();
      }
      return available;
    } finally {
      lock.unlock();
    }
  }

  /** Completes the current future without a batch, for news the task must look at (an error, the end). */
  void notifyAvailable() {
    CompletableFuture<Void> toComplete;
    lock.lock();
    try {
      toComplete = available;
    } finally {
      lock.unlock();
    }
    toComplete.complete(null);
  }

  /** Releases every fetcher waiting in {@link #put}; later puts return false. */
  void close() {
    lock.lock();
    try {
      closed = true;
      batches.clear();
      notFull.signalAll();
      available.complete(null);
    } finally {
      lock.unlock();
    }
  }
}
