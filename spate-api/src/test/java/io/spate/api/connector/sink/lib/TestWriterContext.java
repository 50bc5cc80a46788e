package io.spate.api.connector.sink.lib;

import io.spate.api.connector.NoOpMetricGroup;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.metrics.MetricGroup;

/** The writer context of one subtask, and a record context without time, for sink tests. */
record TestWriterContext(int subtask, int parallelism) implements WriterInitContext {

  static final SinkWriter.Context NO_TIME = new SinkWriter.Context() {
    @Override
    public long currentWatermark() {
      return Long.MIN_VALUE;
    }

    @Override
    public Long timestamp() {
      return null;
    }
  };

  @Override
  public int getSubtaskId() {
    return subtask;
  }

  @Override
  public int getNumberOfParallelSubtasks() {
    return parallelism;
  }

  @Override
  public int getAttemptNumber() {
    return 0;
  }

  @Override
  public MetricGroup metricGroup() {
    return new NoOpMetricGroup();
  }
}
