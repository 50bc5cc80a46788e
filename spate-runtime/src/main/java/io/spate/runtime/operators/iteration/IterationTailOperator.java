package io.spate.runtime.operators.iteration;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.TaskOperatorParameters;

/**
 * The tail of an iteration: hands every record of the feedback stream, with its timestamp, to the
 * head of the same subtask through their {@link FeedbackChannel}; never waits. Watermarks of the
 * feedback stream end here: fed-back records move no watermark.
 *
 * @param <T> the record type
 */
public final class IterationTailOperator<T> implements OneInputStreamOperator<T, Object> {

  private final int iterationId;
  private final String headName;
  private final TypeInformation<T> type;
  private OperatorContext context;
  private FeedbackChannels.Key key;
  private FeedbackChannel channel;

  /** The tail of iteration {@code iterationId}, whose head is named {@code headName}. */
  public IterationTailOperator(int iterationId, String headName, TypeInformation<T> type) {
    this.iterationId = iterationId;
    this.headName = headName;
    this.type = type;
  }

  @Override
  public void setup(StreamOperatorParameters<Object> parameters) {
    this.context = TaskOperatorParameters.of(parameters).context();
  }

  @Override
  public void open() {
    key = FeedbackChannels.keyOf(context, iterationId);
    channel = FeedbackChannels.acquire(key, context, headName, type);
  }

  @Override
  public void processElement(T value, long timestamp) {
    channel.offer(value, timestamp);
  }

  @Override
  public void processWatermark(long watermark) {
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) {
  }

  @Override
  public void finish() {
  }

  @Override
  public void close() {
    if (channel != null) {
      FeedbackChannels.release(key);
      channel = null;
    }
  }

  @Override
  public String getName() {
    return context != null ? context.operatorName() : "IterationSink-" + iterationId;
  }
}
