package io.spate.runtime.tasks;

import io.spate.api.operators.Input;
import io.spate.api.operators.StreamOperator;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.operators.OperatorFailure;

/** Feeds a multiple-input head operator: each batch to the input of its index. */
final class MultipleInputHead implements HeadInput {

  private final StreamOperator<?> operator;
  private final Input<Object>[] inputs;
  private final CurrentKeySetter keySetter;

  /** {@code inputs} are {@code operator}'s, by input index; {@code keySetter} may be null. */
  MultipleInputHead(StreamOperator<?> operator, Input<Object>[] inputs, CurrentKeySetter keySetter) {
    this.operator = operator;
    this.inputs = inputs;
    this.keySetter = keySetter;
  }

  @Override
  public int processBatch(int inputIndex, RecordBatch batch, int from) {
    int size = batch.size();
    boolean batchKeys = batch.hasKeys();
    CurrentKeySetter setter = keySetter;
    Input<Object> input = inputs[inputIndex];
    try {
      for (int i = from; i < size; i++) {
        if (setter != null) {
          setter.setKeyOf(inputIndex, batch.value(i), batchKeys ? batch.key(i) : null);
        }
        input.processElement(batch.value(i), batch.timestamp(i));
      }
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
    return size;
  }

  @Override
  public void processRecord(int inputIndex, Object value, long timestamp) {
    try {
      if (keySetter != null) {
        keySetter.setKeyOf(inputIndex, value, null);
      }
      inputs[inputIndex].processElement(value, timestamp);
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }
}
