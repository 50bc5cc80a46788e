package io.spate.api.connector.source;

import io.spate.api.metrics.MetricGroup;

/** What a {@link SourceReader} can learn and do besides reading. */
public interface SourceReaderContext {

  /** The 0-based index of the reader's subtask. */
  int getIndexOfSubtask();

  /** The parallelism of the source. */
  int currentParallelism();

  /** Asks the enumerator for a split. */
  void sendSplitRequest();

  /** Sends a custom event to the enumerator. */
  void sendSourceEventToCoordinator(SourceEvent event);

  /** The reader's metric group. */
  MetricGroup metricGroup();
}
