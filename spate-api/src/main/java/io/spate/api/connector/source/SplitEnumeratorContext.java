package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What a {@link SplitEnumerator} can do: assign splits, signal the end, talk to readers, and run
 * blocking discovery work off the coordinator thread.
 *
 * @param <SplitT> the split type
 */
@PublicEvolving
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {

  /** The parallelism of the source. */
  int currentParallelism();

  /** The subtasks whose readers have registered. */
  Set<Integer> registeredReaders();

  /** Gives {@code split} to the reader of {@code subtaskId}. */
  void assignSplit(SplitT split, int subtaskId);

  /** Tells the reader of {@code subtaskId} that it gets no more splits. */
  void signalNoMoreSplits(int subtaskId);

  /** Sends a custom event to a reader. */
  void sendEventToSourceReader(int subtaskId, SourceEvent event);

  /**
   * Runs {@code callable} on a worker thread, now or after {@code initialDelayMillis} and then
   * every {@code periodMillis} (if positive), and hands each result or failure to {@code handler}
   * on the coordinator thread.
   */
  <T> void callAsync(
      Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis);

  /** Runs {@code action} on the coordinator thread. */
  void runInCoordinatorThread(Runnable action);
}
