package io.spate.connectors.base;

import io.spate.api.connector.NoOpMetricGroup;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;

/** The context of a reader of subtask 0 of 1 that a test drives itself, without an enumerator. */
final class TestReaderContext implements SourceReaderContext {

  @Override
  public int getIndexOfSubtask() {
    return 0;
  }

  @Override
  public int currentParallelism() {
    return 1;
  }

  @Override
  public void sendSplitRequest() {}

  @Override
  public void sendSourceEventToCoordinator(SourceEvent event) {}

  @Override
  public SourceReaderMetricGroup metricGroup() {
    return new NoOpMetricGroup();
  }
}
