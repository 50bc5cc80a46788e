package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;

/** What a sink writer learns when it is created. */
@PublicEvolving
public interface WriterInitContext {

  /** The 0-based index of the writer's subtask. */
  int getSubtaskId();

  /** The parallelism of the sink. */
  int getNumberOfParallelSubtasks();

  /** 0 on the first attempt; incremented on every restart. */
  int getAttemptNumber();

  /**
   * The writer's metric group: its operator's group, with the sink metrics of FLIP-33 the writer
   * counts ({@code numRecordsSend}, {@code numBytesSend}, {@code numRecordsSendErrors}, {@code
   * currentSendTime}).
   */
  SinkWriterMetricGroup metricGroup();

  /**
   * Whether the job takes periodic checkpoints: a sink that makes its writes visible only when a
   * checkpoint completes (exactly once) refuses to start without them. Spate's runtime answers from
   * the job's configuration; a context that cannot tell answers true.
   */
  default boolean isCheckpointingEnabled() {
    return true;
  }

  /**
   * The current processing time in milliseconds since the epoch, from the task's clock (which tests
   * may control); the wall clock by default.
   */
  default long currentProcessingTime() {
    return System.currentTimeMillis();
  }
}
