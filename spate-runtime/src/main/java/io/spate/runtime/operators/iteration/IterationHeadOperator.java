package io.spate.runtime.operators.iteration;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.StateSnapshotContext;
import io.spate.api.operators.Output;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.TaskOperatorParameters;

/**
 * The head of an iteration: passes on the records and watermarks of the iteration's input (none for
 * a connected iteration) and, when its task asks, the records that came back through the feedback
 * channel. Fed-back records keep their timestamps but move no watermark: the head passes on its
 * input's watermarks, except the final one, which it holds until the head itself ends, so that
 * records still coming back are not late. Its task drains the feedback before it reads new input
 * (see the tasks' iteration input processor).
 *
 * @param <T> the record type
 */
public final class IterationHeadOperator<T> implements OneInputStreamOperator<T, T> {

  /** The most records the head takes from the channel in one call. */
  static final int BATCH = 256;

  private final int iterationId;
  private final long maxWaitTimeMillis;
  private final TypeInformation<T> type;
  private final Object[] batchValues = new Object[BATCH];
  private final long[] batchTimestamps = new long[BATCH];
  private OperatorContext context;
  private Output<T> output;
  private FeedbackChannels.Key key;
  private FeedbackChannel channel;
  private boolean finalWatermarkHeld;

  /** The head of iteration {@code iterationId} over records of {@code type}; {@code maxWaitTimeMillis} 0 for never ending. */
  public IterationHeadOperator(int iterationId, long maxWaitTimeMillis, TypeInformation<T> type) {
    this.iterationId = iterationId;
    this.maxWaitTimeMillis = maxWaitTimeMillis;
    this.type = type;
  }

  @Override
  public void setup(StreamOperatorParameters<T> parameters) {
    TaskOperatorParameters<T> p = TaskOperatorParameters.of(parameters);
    this.context = p.context();
    this.output = p.output();
  }

  @Override
  public void open() {
    key = FeedbackChannels.keyOf(context, iterationId);
    channel = FeedbackChannels.acquire(key, context, getName(), type);
  }

  /** How long the head waits for feedback after its input ended; 0 for forever. */
  public long maxWaitTimeMillis() {
    return maxWaitTimeMillis;
  }

  /** The channel the tail of this subtask writes to; set once the operator is open. */
  public FeedbackChannel channel() {
    return channel;
  }

  /** Emits up to one batch of fed-back records, oldest first; returns how many. */
  @SuppressWarnings("unchecked")
  public int emitFeedback() {
    int n = channel.poll(batchValues, batchTimestamps, BATCH);
    for (int i = 0; i < n; i++) {
      Object value = batchValues[i];
      batchValues[i] = null;
      output.collect((T) value, batchTimestamps[i]);
    }
    return n;
  }

  /**
   * Marks the head's output idle: the head of a connected iteration has no input whose watermarks it
   * could pass on, and must not hold back the watermark of the operator it feeds.
   */
  public void markIdle() {
    output.emitWatermarkStatus(WatermarkStatus.IDLE);
  }

  @Override
  public void processElement(T value, long timestamp) {
    output.collect(value, timestamp);
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Long.MAX_VALUE) {
      finalWatermarkHeld = true;
    } else {
      output.emitWatermark(watermark);
    }
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) {
    output.emitWatermarkStatus(status);
  }

  /**
   * Refuses every snapshot: the records on their way back are in none, so a savepoint of an iterative
   * job would lose them on restore. The checkpoint is declined with this reason; the job goes on.
   */
  @Override
  public void snapshotState(StateSnapshotContext snapshotContext) {
    throw new UnsupportedOperationException("Iteration " + getName() + " is not checkpointed: the records on"
        + " their way back to its head would be in no snapshot, so no checkpoint or savepoint of this job is taken.");
  }

  @Override
  public void finish() {
    channel.endHead();
    if (finalWatermarkHeld) {
      output.emitWatermark(Long.MAX_VALUE);
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.endHead();
      FeedbackChannels.release(key);
      channel = null;
    }
  }

  @Override
  public String getName() {
    return context != null ? context.operatorName() : "IterationSource-" + iterationId;
  }
}
