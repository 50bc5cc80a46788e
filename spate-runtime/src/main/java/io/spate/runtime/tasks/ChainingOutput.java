package io.spate.runtime.tasks;

import io.spate.api.common.OutputTag;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.api.operators.Output;

/**
 * Hands records straight to the next operator of the chain: a method call, no copy, no queue. Counts
 * each record as taken in by the target (a plain increment on the task's thread); when the producer
 * feeds this target alone, the same counter is the producer's numRecordsOut. Without a counter the
 * producer's routing output has counted the record already, for all of its consumers at once.
 */
class ChainingOutput<T> implements Output<T>, WatermarkTracked {

  final OneInputStreamOperator<T, ?> operator;
  // Null when the routing output in front of this one counts for the target.
  final SimpleCounter targetRecordsIn;
  private long lastWatermark = Long.MIN_VALUE;

  ChainingOutput(OneInputStreamOperator<T, ?> operator, SimpleCounter targetRecordsIn) {
    this.operator = operator;
    this.targetRecordsIn = targetRecordsIn;
  }

  @Override
  public void collect(T value, long timestamp) {
    if (targetRecordsIn != null) {
      targetRecordsIn.inc();
    }
    try {
      operator.processElement(value, timestamp);
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    // Only reached when no one consumes any side output of the operator: the record is dropped.
  }

  @Override
  public void emitWatermark(long watermark) {
    lastWatermark = watermark;
    try {
      operator.processWatermark(watermark);
    } catch (Exception e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }

  @Override
  public long lastEmittedWatermark() {
    return lastWatermark;
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {
    try {
      operator.processWatermarkStatus(status);
    } catch (Exception e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }
}
