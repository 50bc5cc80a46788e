package io.spate.runtime.tasks;

import io.spate.api.functions.KeySelector;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.state.KeyedStateBackend;
import io.spate.runtime.operators.OperatorFailure;

/**
 * A {@link ChainingOutput} into a keyed operator of the SPI: makes the record's key the current key
 * of the operator's keyed state, then calls the operator. Chosen once when the chain is built, so
 * that operators on non-keyed streams pay nothing for it.
 */
final class KeyedChainingOutput<T> extends ChainingOutput<T> {

  private final KeySelector<T, ?> keySelector;
  private final KeyedStateBackend<Object> keys;

  KeyedChainingOutput(OneInputStreamOperator<T, ?> operator, KeySelector<T, ?> keySelector,
      KeyedStateBackend<Object> keys, SimpleCounter targetRecordsIn) {
    super(operator, targetRecordsIn);
    this.keySelector = keySelector;
    this.keys = keys;
  }

  @Override
  public void collect(T value, long timestamp) {
    if (targetRecordsIn != null) {
      targetRecordsIn.inc();
    }
    try {
      keys.setCurrentKey(keySelector.getKey(value));
      operator.processElement(value, timestamp);
    } catch (Exception | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(operator.getName(), e);
    }
  }
}
