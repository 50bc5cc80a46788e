package io.spate.runtime.operators;

import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * The streaming keyed {@code reduce}: keeps the running value per key and emits it after every
 * record.
 */
public final class KeyedReduceOperator<K, T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {

  private final ReduceFunction<T> function;
  private final KeySelector<T, K> keySelector;
  private final Map<K, T> values = new HashMap<>();

  /** Creates the operator. */
  @SuppressWarnings("unchecked")
  public KeyedReduceOperator(ReduceFunction<T> function, KeySelector<?, ?> keySelector) {
    super(function);
    this.function = function;
    this.keySelector = (KeySelector<T, K>) keySelector;
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    K key = keySelector.getKey(value);
    T previous = values.get(key);
    T updated = previous == null ? value : function.reduce(previous, value);
    values.put(key, updated);
    output.collect(updated, timestamp);
  }
}
