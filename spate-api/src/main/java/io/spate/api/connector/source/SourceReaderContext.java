package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What a {@link SourceReader} can learn and do besides reading. */
@PublicEvolving
public interface SourceReaderContext {

  /** The 0-based index of the reader's subtask. */
  int getIndexOfSubtask();

  /** The parallelism of the source. */
  int currentParallelism();

  /** Asks the enumerator for a split. */
  void sendSplitRequest();

  /** Sends a custom event to the enumerator. */
  void sendSourceEventToCoordinator(SourceEvent event);

  /**
   * The reader's metric group: its operator's group, with the source metrics of FLIP-33 the reader
   * counts ({@code numRecordsInErrors}, {@code pendingRecords}, {@code pendingBytes}).
   */
  SourceReaderMetricGroup metricGroup();

  /**
   * A future that completes once {@code delayNanos} nanoseconds have passed, for a reader that has
   * nothing to emit before then (a rate-limited source) to return from {@link
   * SourceReader#isAvailable()}. Call it from the reader's own methods. Inside a Spate task the
   * task's worker completes it, parking until then instead of relying on a timer thread; this
   * default, for readers driven outside a task, completes it from the JDK's delay thread.
   */
  default CompletableFuture<Void> availableAfter(long delayNanos) {
    return new CompletableFuture<Void>().completeOnTimeout(null, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
  }
}
