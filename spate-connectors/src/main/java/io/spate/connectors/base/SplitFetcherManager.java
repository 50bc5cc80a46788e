package io.spate.connectors.base;

import io.spate.api.connector.source.SourceSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Starts the fetcher threads of one reader (one for all splits, or one per split), collects the
 * first failure of any of them for the task thread, and stops and joins them on close. Every
 * method but the failure callback runs on the task thread.
 */
final class SplitFetcherManager<E, SplitT extends SourceSplit> {

  private final String sourceName;
  private final int subtask;
  private final Supplier<? extends SplitReader<E, SplitT>> splitReaders;
  private final HandoverQueue<RecordsBySplits<E>> queue;
  private final SourceReaderOptions options;
  private final List<Running<E, SplitT>> running = new ArrayList<>();
  private volatile SplitFetcherException failure;
  private int nextFetcherId;
  private boolean closed;

  private record Running<E, SplitT extends SourceSplit>(SplitFetcher<E, SplitT> fetcher, Thread thread) {}

  SplitFetcherManager(
      String sourceName,
      int subtask,
      Supplier<? extends SplitReader<E, SplitT>> splitReaders,
      HandoverQueue<RecordsBySplits<E>> queue,
      SourceReaderOptions options) {
    this.sourceName = sourceName;
    this.subtask = subtask;
    this.splitReaders = splitReaders;
    this.queue = queue;
    this.options = options;
  }

  /** Hands {@code splits} to the fetcher, or to a new fetcher each, per the fetcher mode. */
  void addSplits(List<SplitT> splits) {
    if (closed) {
      throw new IllegalStateException(sourceName + " subtask " + subtask + ": splits added after the reader closed");
    }
    running.removeIf(r -> !r.thread().isAlive());
    if (options.fetcherMode() == SourceReaderOptions.FetcherMode.FETCHER_PER_SPLIT) {
      for (SplitT split : splits) {
        start(List.of(split), true);
      }
    } else if (running.isEmpty()) {
      start(splits, false);
    } else {
      running.get(0).fetcher().addSplits(splits);
    }
  }

  /**
   * Starts the one fetcher of {@link SourceReaderOptions.FetcherMode#SINGLE_FETCHER} before any split
   * comes, so that it creates its split reader meanwhile; does nothing in the other mode, where a
   * fetcher serves one split, or if the fetcher runs already.
   */
  void startAhead() {
    if (closed || options.fetcherMode() != SourceReaderOptions.FetcherMode.SINGLE_FETCHER) {
      return;
    }
    running.removeIf(r -> !r.thread().isAlive());
    if (running.isEmpty()) {
      start(List.of(), false);
    }
  }

  private void start(List<SplitT> splits, boolean exitWhenIdle) {
    int id = nextFetcherId++;
    SplitFetcher<E, SplitT> fetcher = new SplitFetcher<>(id, splitReaders, queue, this::onFailure, exitWhenIdle);
    if (!splits.isEmpty()) {
      fetcher.addSplits(splits);
    }
    Thread thread = new Thread(fetcher, "spate-" + sourceName + "-fetcher-" + id + " (subtask " + subtask + ")");
    thread.setDaemon(true);
    running.add(new Running<>(fetcher, thread));
    thread.start();
  }

  private void onFailure(Set<String> splitIds, Throwable cause) {
    synchronized (this) {
      if (failure == null) {
        failure = new SplitFetcherException(sourceName, subtask, splitIds, cause);
      }
    }
    queue.notifyAvailable();
  }

  /** Whether a fetcher failed. */
  boolean hasFailed() {
    return failure != null;
  }

  /** Throws the first failure of a fetcher, if there was one. */
  void checkFailure() throws SplitFetcherException {
    SplitFetcherException f = failure;
    if (f != null) {
      throw f;
    }
  }

  /**
   * Stops every fetcher (waking blocked fetches and puts) and waits, up to the close timeout in
   * all, for their threads to end; a thread still running after that is interrupted, and if it
   * still does not end the reader's close fails naming it rather than leaving it behind silently.
   */
  void close() throws InterruptedException {
    closed = true;
    for (Running<E, SplitT> r : running) {
      r.fetcher().shutDown();
    }
    queue.close();
    long deadline = System.nanoTime() + options.closeTimeout().toNanos();
    List<String> stuck = new ArrayList<>();
    for (Running<E, SplitT> r : running) {
      joinUntil(r.thread(), deadline);
      if (r.thread().isAlive()) {
        r.thread().interrupt();
        joinUntil(r.thread(), System.nanoTime() + Duration.ofMillis(100).toNanos());
      }
      if (r.thread().isAlive()) {
        stuck.add(r.thread().getName());
      }
    }
    running.clear();
    if (!stuck.isEmpty()) {
      throw new IllegalStateException(sourceName + " subtask " + subtask + ": fetcher threads " + stuck
          + " did not end within " + options.closeTimeout() + " of closing: their split reader's fetch does not "
          + "return on wakeUp()");
    }
  }

  private static void joinUntil(Thread thread, long deadlineNanos) throws InterruptedException {
    long remainingMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    thread.join(remainingMillis);
  }

  /** The number of fetcher threads that are running, for tests. */
  int liveFetchers() {
    return (int) running.stream().filter(r -> r.thread().isAlive()).count();
  }
}
