package io.spate.api.connector.sink.lib;

import io.spate.api.connector.NoOpMetricGroup;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import java.util.function.LongSupplier;

/** The writer context of one subtask with a clock, and a record context without time, for sink tests. */
public record TestWriterContext(int subtask, int parallelism, LongSupplier clock) implements WriterInitContext {

  /** A context of subtask {@code subtask} whose clock stands at 0. */
  public TestWriterContext(int subtask, int parallelism) {
    this(subtask, parallelism, () -> 0L);
  }

  /** A record context without time. */
  public static final SinkWriter.Context NO_TIME = new SinkWriter.Context() {
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
  public SinkWriterMetricGroup metricGroup() {
    return new NoOpMetricGroup();
  }

  @Override
  public long currentProcessingTime() {
    return clock.getAsLong();
  }
}
