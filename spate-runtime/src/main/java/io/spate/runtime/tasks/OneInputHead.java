package io.spate.runtime.tasks;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.operators.KeyedInput;
import io.spate.runtime.operators.OperatorFailure;

/** Feeds a one-input head operator, with the keys of a keyed exchange when the batch carries them. */
final class OneInputHead implements HeadInput {

  private final OneInputStreamOperator<Object, ?> operator;
  private final KeyedInput keyedInput;
  private final CurrentKeySetter keySetter;

  /** {@code keyedInput} and {@code keySetter} may be null. */
  OneInputHead(OneInputStreamOperator<Object, ?> operator, KeyedInput keyedInput, CurrentKeySetter keySetter) {
    this.operator = operator;
    this.keyedInput = keyedInput;
    this.keySetter = keySetter;
  }

  @Override
  public int processBatch(int inputIndex, RecordBatch batch, int from) {
    int size = batch.size();
    // With a keyed exchange the head takes each record's key from the batch rather than computing it.
    boolean batchKeys = batch.hasKeys();
    KeyedInput keys = batchKeys ? keyedInput : null;
    CurrentKeySetter setter = keySetter;
    try {
      for (int i = from; i < size; i++) {
        if (keys != null) {
          keys.setIncomingKey(batch.key(i));
        } else if (setter != null) {
          setter.setKeyOf(0, batch.value(i), batchKeys ? batch.key(i) : null);
        }
        operator.processElement(batch.value(i), batch.timestamp(i));
      }
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    } finally {
      if (keys != null) {
        keys.setIncomingKey(null);
      }
    }
    return size;
  }

  @Override
  public void processRecord(int inputIndex, Object value, long timestamp) {
    try {
      if (keySetter != null) {
        keySetter.setKeyOf(0, value, null);
      }
      operator.processElement(value, timestamp);
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }
}
