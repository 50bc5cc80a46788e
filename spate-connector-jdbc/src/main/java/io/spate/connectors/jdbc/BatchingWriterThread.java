package io.spate.connectors.jdbc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread of its own that executes a sink writer's records in batches, so that the task's worker
 * never waits for the database: the task {@link #add adds} records (a short lock, never a wait), the
 * thread executes a batch when it holds {@code batchSize} records or its first record is
 * {@code batchInterval} old, and {@link #flushAndCall} hands it everything added so far and then an
 * action (a commit, an XA prepare), waiting for both. Once {@code maxBuffered} records wait,
 * {@link #isAvailable} answers a future that completes when the thread takes a batch: the task then
 * pauses its input instead of blocking.
 *
 * <p>A batch that fails for good stops the thread; the failure is thrown by the next {@code add} or
 * {@code flushAndCall} on the task thread.
 *
 * @param <T> the record type
 */
final class BatchingWriterThread<T> implements AutoCloseable {

  /** Executes one batch on the writer's thread. */
  interface BatchHandler<T> {
    /** Writes {@code batch}; throwing stops the writer. */
    void write(List<T> batch) throws Exception;
  }

  private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

  private final String name;
  private final int batchSize;
  private final long intervalNanos;
  private final int maxBuffered;
  private final BatchHandler<T> handler;
  private final Callable<Void> onStart;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();

  // Guarded by lock.
  private List<T> pending = new ArrayList<>();
  private long firstPendingNanos;
  private Action<?> action;
  private CompletableFuture<Void> available = AVAILABLE;
  private boolean closed;
  private volatile Throwable failure;

  private static final class Action<R> {
    final Callable<R> call;
    final CompletableFuture<R> done = new CompletableFuture<>();

    Action(Callable<R> call) {
      this.call = call;
    }

    void run() {
      try {
        done.complete(call.call());
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }
  }

  /**
   * A started writer thread named {@code name} that first runs {@code onStart} (opening connections:
   * its failure is the writer's); {@code batchInterval} zero means batches are only executed when
   * full or flushed.
   */
  BatchingWriterThread(String name, int batchSize, Duration batchInterval, int maxBuffered, Callable<Void> onStart,
      BatchHandler<T> handler) {
    this.name = name;
    this.batchSize = batchSize;
    this.intervalNanos = batchInterval.toNanos();
    this.maxBuffered = Math.max(maxBuffered, batchSize);
    this.handler = handler;
    this.onStart = onStart;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Adds a record for the next batch; throws the failure that stopped the thread, if one did. */
  void add(T record) throws IOException {
    throwIfFailed();
    lock.lock();
    try {
      if (pending.isEmpty()) {
        firstPendingNanos = System.nanoTime();
        if (intervalNanos > 0) {
          wakeUp.signal(); // the thread starts timing the interval
        }
      }
      pending.add(record);
      if (pending.size() == batchSize) {
        wakeUp.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Done while fewer than {@code maxBuffered} records wait; otherwise when the thread takes a batch. */
  CompletableFuture<Void> isAvailable() {
    lock.lock();
    try {
      if (failure != null || pending.size() < maxBuffered) {
        return AVAILABLE;
      }
      if (available.isDone()) {
        available = new CompletableFuture<>();
      }
      return available;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Executes every record added so far, then runs {@code call} on the writer's thread and returns
   * its result; waits up to {@code timeout}.
   */
  <R> R flushAndCall(Callable<R> call, Duration timeout) throws IOException, InterruptedException {
    throwIfFailed();
    Action<R> next = new Action<>(call);
    lock.lock();
    try {
      if (closed) {
        throw new IOException(name + " is closed");
      }
      throwIfFailed(); // a failure after the check above completes no action set from now on
      action = next;
      wakeUp.signal();
    } finally {
      lock.unlock();
    }
    try {
      return next.done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IOException(name + ": flushing did not finish within " + timeout + " (the database does not"
          + " answer, or retries take longer)", e);
    } finally {
      lock.lock();
      try {
        if (action == next) {
          action = null;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private void throwIfFailed() throws IOException {
    Throwable t = failure;
    if (t != null) {
      if (t instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      throw new IOException(t.getMessage(), t);
    }
  }

  private void loop() {
    try {
      onStart.call();
      while (true) {
        List<T> batch = null;
        Action<?> due = null;
        lock.lock();
        try {
          while (batch == null && due == null) {
            if (closed) {
              return;
            }
            long now = System.nanoTime();
            if (pending.size() >= batchSize || (!pending.isEmpty() && action != null)
                || (!pending.isEmpty() && intervalNanos > 0 && now - firstPendingNanos >= intervalNanos)) {
              batch = takeBatch(now);
            } else if (action != null) {
              due = action;
              action = null;
            } else if (!pending.isEmpty() && intervalNanos > 0) {
              wakeUp.awaitNanos(intervalNanos - (now - firstPendingNanos));
            } else {
              wakeUp.await();
            }
          }
        } finally {
          lock.unlock();
        }
        if (batch != null) {
          handler.write(batch);
        } else {
          due.run();
        }
      }
    } catch (InterruptedException e) {
      fail(new InterruptedIOException(name + " was interrupted"));
    } catch (Throwable t) {
      fail(t);
    }
  }

  private List<T> takeBatch(long now) {
    List<T> batch;
    if (pending.size() <= batchSize) {
      batch = pending;
      pending = new ArrayList<>();
    } else {
      batch = new ArrayList<>(pending.subList(0, batchSize));
      pending = new ArrayList<>(pending.subList(batchSize, pending.size()));
      firstPendingNanos = now;
    }
    available.complete(null);
    return batch;
  }

  private void fail(Throwable t) {
    lock.lock();
    try {
      failure = t;
      if (action != null) {
        action.done.completeExceptionally(t);
        action = null;
      }
      available.complete(null);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the thread, interrupting a batch that blocks, and waits up to 5 s for it to end. */
  @Override
  public void close() throws InterruptedException {
    lock.lock();
    try {
      closed = true;
      wakeUp.signal();
    } finally {
      lock.unlock();
    }
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }
}
