package io.spate.runtime.tasks;

import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.operators.KeyedInput;
import io.spate.runtime.operators.OperatorFailure;

/** Feeds a two-input head operator: input 0 to its first side, any other to its second. */
final class TwoInputHead implements HeadInput {

  private final TwoInputStreamOperator<Object, Object, ?> operator;
  private final KeyedInput keyedInput;
  private final CurrentKeySetter keySetter;

  /** {@code keyedInput} and {@code keySetter} may be null. */
  TwoInputHead(TwoInputStreamOperator<Object, Object, ?> operator, KeyedInput keyedInput,
      CurrentKeySetter keySetter) {
    this.operator = operator;
    this.keyedInput = keyedInput;
    this.keySetter = keySetter;
  }

  /** The input the operator wants read to its end before the other (a BATCH broadcast side), or -1. */
  int inputToReadFirst() {
    return operator.inputToReadFirst();
  }

  @Override
  public int processBatch(int inputIndex, RecordBatch batch, int from) {
    int size = batch.size();
    // With a keyed exchange the head takes each record's key from the batch rather than computing it.
    boolean batchKeys = batch.hasKeys();
    KeyedInput keys = batchKeys ? keyedInput : null;
    CurrentKeySetter setter = keySetter;
    try {
      if (inputIndex == 0) {
        for (int i = from; i < size; i++) {
          if (keys != null) {
            keys.setIncomingKey(batch.key(i));
          } else if (setter != null) {
            setter.setKeyOf(0, batch.value(i), batchKeys ? batch.key(i) : null);
          }
          operator.processElement1(batch.value(i), batch.timestamp(i));
        }
      } else {
        for (int i = from; i < size; i++) {
          if (keys != null) {
            keys.setIncomingKey(batch.key(i));
          } else if (setter != null) {
            setter.setKeyOf(1, batch.value(i), batchKeys ? batch.key(i) : null);
          }
          operator.processElement2(batch.value(i), batch.timestamp(i));
        }
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
        keySetter.setKeyOf(inputIndex, value, null);
      }
      if (inputIndex == 0) {
        operator.processElement1(value, timestamp);
      } else {
        operator.processElement2(value, timestamp);
      }
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }
}
