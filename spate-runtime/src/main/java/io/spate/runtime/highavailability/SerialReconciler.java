package io.spate.runtime.highavailability;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one action on a thread of its own whenever asked, one run at a time. The action compares the
 * current state of the world with what it last acted on, so requests coalesce: while one run is
 * pending, further requests are dropped, because that pending run will see their state anyway. This
 * keeps ZooKeeper's event thread free (blocking calls there would deadlock) with a queue of one.
 */
final class SerialReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(SerialReconciler.class);

  private final ThreadPoolExecutor executor;
  private final Runnable action;

  SerialReconciler(String threadName, Runnable action) {
    this.action = action;
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
        runnable -> {
          Thread thread = new Thread(runnable, threadName);
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.DiscardPolicy());
  }

  /** Asks for a run soon; does nothing once {@link #shutdown} was called. */
  void request() {
    executor.execute(this::runOnce);
  }

  private void runOnce() {
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      LOG.error("{} failed", Thread.currentThread().getName(), e);
    }
  }

  /** Lets the runs already asked for finish (waiting at most {@code timeoutMillis}) and stops the thread. */
  void shutdown(long timeoutMillis) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
