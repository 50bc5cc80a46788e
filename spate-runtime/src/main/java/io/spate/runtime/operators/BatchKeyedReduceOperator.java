package io.spate.runtime.operators;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BATCH-mode keyed {@code reduce}: combines all records of a key in a hash table and emits only
 * the final value per key (in first-seen key order) when the input ends.
 */
public final class BatchKeyedReduceOperator<K, T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {

  private final ReduceFunction<T> function;
  private final KeySelector<T, K> keySelector;
  private final Map<K, Entry<T>> values = new LinkedHashMap<>();

  private static final class Entry<T> {
    T value;
    long timestamp;
  }

  /** Creates the operator. */
  @SuppressWarnings("unchecked")
  public BatchKeyedReduceOperator(ReduceFunction<T> function, KeySelector<?, ?> keySelector) {
    super(function);
    this.function = function;
    this.keySelector = (KeySelector<T, K>) keySelector;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(T value, long timestamp) throws Exception {
    K key = (K) keyOf(keySelector, value);
    Entry<T> entry = values.get(key);
    if (entry == null) {
      entry = new Entry<>();
      entry.value = value;
      entry.timestamp = timestamp;
      values.put(key, entry);
    } else {
      entry.value = function.reduce(entry.value, value);
    }
    entry.timestamp = Math.max(entry.timestamp, timestamp);
  }

  @Override
  public void processWatermark(long watermark) {
    // In BATCH mode results are final only at the end of input; watermarks carry no information.
  }

  @Override
  public void finish() throws Exception {
    for (Entry<T> entry : values.values()) {
      output.collect(entry.value, entry.timestamp);
    }
    values.clear();
    output.emitWatermark(Long.MAX_VALUE);
  }
}
