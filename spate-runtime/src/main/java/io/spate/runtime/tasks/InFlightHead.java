package io.spate.runtime.tasks;

import io.spate.api.operators.InFlightOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.operators.OperatorFailure;

/**
 * Feeds a one-input head that keeps records in flight (async I/O): it takes records only while the
 * operator has room, so a batch may be taken in parts; only here is capacity checked per record.
 */
final class InFlightHead implements HeadInput {

  private final OneInputStreamOperator<Object, ?> operator;
  private final InFlightOperator inFlight;

  /** {@code operator} and {@code inFlight} are the same object. */
  InFlightHead(OneInputStreamOperator<Object, ?> operator, InFlightOperator inFlight) {
    this.operator = operator;
    this.inFlight = inFlight;
  }

  @Override
  public int processBatch(int inputIndex, RecordBatch batch, int from) {
    int size = batch.size();
    int i = from;
    try {
      while (i < size && inFlight.canTakeInput()) {
        operator.processElement(batch.value(i), batch.timestamp(i));
        i++;
      }
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
    return i;
  }

  @Override
  public void processRecord(int inputIndex, Object value, long timestamp) {
    try {
      operator.processElement(value, timestamp);
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }

  @Override
  public boolean runCompletions() {
    try {
      return inFlight.runCompletions();
    } catch (Exception e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }

  @Override
  public boolean hasInFlight() {
    return inFlight.hasInFlight();
  }
}
