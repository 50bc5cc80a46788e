package io.spate.runtime.operators;

import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.sink.SinkFunction;
import io.spate.api.functions.sink.TwoPhaseCommitSinkFunction;
import io.spate.api.operators.OneInputStreamOperator;

/**
 * Calls a legacy {@link SinkFunction} for every record, on the task's thread, with a context that
 * tells the record's timestamp, the current watermark and the processing time; hands it every
 * watermark and calls its {@code finish} at the end of input; a {@link TwoPhaseCommitSinkFunction}
 * then commits its last transaction at once unless the task's final checkpoint follows, on whose
 * completion it commits it as it commits every checkpoint's. Its base gives a rich function its
 * runtime context and life cycle, and a {@code CheckpointedFunction} or {@code CheckpointListener}
 * its part in checkpoints.
 *
 * @param <T> the record type
 */
public final class SinkFunctionOperator<T> extends AbstractStreamOperator<Object>
    implements OneInputStreamOperator<T, Object> {

  private final SinkFunction<T> function;
  private final InvokeContext invokeContext = new InvokeContext();
  private long currentWatermark = Long.MIN_VALUE;

  /** Calls {@code function}. */
  public SinkFunctionOperator(SinkFunction<T> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    invokeContext.timestamp = timestamp;
    function.invoke(value, invokeContext);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    function.writeWatermark(new Watermark(watermark));
    super.processWatermark(watermark);
  }

  @Override
  public void finish() throws Exception {
    function.finish();
    if (function instanceof TwoPhaseCommitSinkFunction<?, ?, ?> twoPhase && !context.finalCheckpointFollowsEndOfInput()) {
      twoPhase.notifyCheckpointComplete(TwoPhaseCommitSinkFunction.END_OF_INPUT);
    }
  }

  /** The context of the record being written; one per operator, updated per record. */
  private final class InvokeContext implements SinkFunction.Context {
    long timestamp;

    @Override
    public long currentProcessingTime() {
      return context.processingTimeService().getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public Long timestamp() {
      return timestamp == Long.MIN_VALUE ? null : timestamp;
    }
  }
}
