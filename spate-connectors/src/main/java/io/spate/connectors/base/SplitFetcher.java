package io.spate.connectors.base;

import io.spate.api.connector.source.SourceSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One fetcher thread's loop: creates its {@link SplitReader}, hands it new splits, fetches, and puts
 * each non-empty batch into the hand-over queue, waiting there while the queue is full. It waits for
 * splits when it has none, and ends when shut down, or, if told to, once its splits are all read.
 * The split reader is created on this thread, not the task's: building a client (a Kafka consumer
 * takes a few hundred milliseconds at a job's start) must not hold a worker, and a fetcher started
 * before its first splits builds it while the enumerator is still looking for them.
 */
final class SplitFetcher<E, SplitT extends SourceSplit> implements Runnable {

  private final int id;
  private final Supplier<? extends SplitReader<E, SplitT>> splitReaderFactory;
  private final HandoverQueue<RecordsBySplits<E>> queue;
  private final BiConsumer<Set<String>, Throwable> failureHandler;
  private final boolean exitWhenIdle;

  /** Guards {@link #pendingSplits}, {@link #fetching} and {@link #shutDown}. */
  private final Object lock = new Object();
  private final ArrayDeque<List<SplitT>> pendingSplits = new ArrayDeque<>();
  private boolean fetching;
  private volatile boolean shutDown;
  /**
   * Written once by the fetcher thread before the first fetch; other threads use it only for a
   * wake-up while {@link #fetching}, which they read under {@link #lock}, as it is written.
   */
  private SplitReader<E, SplitT> splitReader;
  /** The splits handed to the split reader and not yet finished; fetcher thread only. */
  private final Set<String> assignedSplits = new LinkedHashSet<>();

  SplitFetcher(
      int id,
      Supplier<? extends SplitReader<E, SplitT>> splitReaderFactory,
      HandoverQueue<RecordsBySplits<E>> queue,
      BiConsumer<Set<String>, Throwable> failureHandler,
      boolean exitWhenIdle) {
    this.id = id;
    this.splitReaderFactory = splitReaderFactory;
    this.queue = queue;
    this.failureHandler = failureHandler;
    this.exitWhenIdle = exitWhenIdle;
  }

  int id() {
    return id;
  }

  /** Hands {@code splits} to the fetcher thread, waking a fetch that blocks so that it sees them soon. */
  void addSplits(List<SplitT> splits) {
    SplitReader<E, SplitT> toWake;
    synchronized (lock) {
      pendingSplits.add(new ArrayList<>(splits));
      toWake = fetching ? splitReader : null;
      lock.notifyAll();
    }
    if (toWake != null) {
      toWake.wakeUp();
    }
  }

  /** Asks the thread to end: wakes it wherever it waits (for splits, in a fetch, on a full queue). */
  void shutDown() {
    SplitReader<E, SplitT> toWake;
    synchronized (lock) {
      shutDown = true;
      toWake = fetching ? splitReader : null;
      lock.notifyAll();
    }
    if (toWake != null) {
      toWake.wakeUp();
    }
  }

  @Override
  public void run() {
    try {
      SplitReader<E, SplitT> created = splitReaderFactory.get();
      synchronized (lock) {
        splitReader = created;
      }
      while (!shutDown) {
        if (!takePendingSplits()) {
          break;
        }
        if (assignedSplits.isEmpty()) {
          continue;
        }
        RecordsBySplits<E> batch = fetchOnce();
        if (batch == null || shutDown) {
          continue;
        }
        assignedSplits.removeAll(batch.finishedSplits());
        if (!batch.isEmpty() && !queue.put(batch)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      // close() interrupts a fetcher that did not stop in time: nothing reads its output any more.
    } catch (Throwable t) {
      if (!shutDown) {
        failureHandler.accept(involvedSplits(), t);
      }
    } finally {
      closeReader();
    }
  }

  /**
   * Gives the split reader the splits added since the last call, waiting for some while it has
   * none; returns false if the thread should end.
   */
  private boolean takePendingSplits() throws Exception {
    List<List<SplitT>> added = new ArrayList<>();
    synchronized (lock) {
      while (!shutDown && pendingSplits.isEmpty() && assignedSplits.isEmpty()) {
        if (exitWhenIdle) {
          return false;
        }
        lock.wait();
      }
      if (shutDown) {
        return false;
      }
      added.addAll(pendingSplits);
      pendingSplits.clear();
    }
    for (List<SplitT> splits : added) {
      splitReader.addSplits(splits);
      for (SplitT split : splits) {
        assignedSplits.add(split.splitId());
      }
    }
    return true;
  }

  private RecordsBySplits<E> fetchOnce() throws Exception {
    synchronized (lock) {
      // Splits added since takePendingSplits would otherwise wait for the end of this fetch.
      if (shutDown || !pendingSplits.isEmpty()) {
        return null;
      }
      fetching = true;
    }
    try {
      return splitReader.fetch();
    } finally {
      synchronized (lock) {
        fetching = false;
      }
    }
  }

  /** The splits this fetcher reads or was given to read (a failure to create the split reader names those). */
  private Set<String> involvedSplits() {
    Set<String> ids = new LinkedHashSet<>(assignedSplits);
    synchronized (lock) {
      for (List<SplitT> splits : pendingSplits) {
        splits.forEach(split -> ids.add(split.splitId()));
      }
    }
    return ids;
  }

  private void closeReader() {
    if (splitReader == null) {
      return;
    }
    try {
      splitReader.close();
    } catch (Exception e) {
      if (!shutDown) {
        failureHandler.accept(Set.copyOf(assignedSplits), e);
      }
    }
  }
}
