package io.spate.runtime.operators;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.metrics.MetricGroup;
import java.util.Collection;

/**
 * Runs a {@link Sink}'s writer; for sinks with a committer, commits what the writer prepared once
 * the input has ended (checkpoints will commit earlier).
 */
public final class SinkWriterOperator<T> extends AbstractStreamOperator<Object>
    implements OneInputStreamOperator<T, Object> {

  private final Sink<T> sink;
  private SinkWriter<T> writer;
  private final WriterContext writerContext = new WriterContext();

  /** Creates the operator. */
  public SinkWriterOperator(Sink<T> sink) {
    super(null);
    this.sink = sink;
  }

  @Override
  public void open() throws Exception {
    super.open();
    writer = sink.createWriter(new WriterInitContext() {
      @Override
      public int getSubtaskId() {
        return context.taskInfo().indexOfThisSubtask();
      }

      @Override
      public int getNumberOfParallelSubtasks() {
        return context.taskInfo().numberOfParallelSubtasks();
      }

      @Override
      public int getAttemptNumber() {
        return context.taskInfo().attemptNumber();
      }

      @Override
      public MetricGroup metricGroup() {
        return context.metricGroup();
      }
    });
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    writerContext.timestamp = timestamp;
    writer.write(value, writerContext);
  }

  @Override
  public void processWatermark(long watermark) {
    writerContext.watermark = watermark;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void finish() throws Exception {
    writer.flush(true);
    if (sink instanceof SupportsCommitter<?> committing && writer instanceof CommittingSinkWriter<?, ?> cw) {
      Collection committables = cw.prepareCommit();
      if (!committables.isEmpty()) {
        try (Committer committer = committing.createCommitter()) {
          committer.commit(committables);
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
    super.close();
  }

  private static final class WriterContext implements SinkWriter.Context {
    long timestamp = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;

    @Override
    public long currentWatermark() {
      return watermark;
    }

    @Override
    public Long timestamp() {
      return timestamp == Long.MIN_VALUE ? null : timestamp;
    }
  }
}
