package io.spate.runtime.tasks;

import io.spate.api.functions.KeySelector;
import io.spate.api.operators.state.KeyedStateBackend;
import java.util.List;

/**
 * Makes each record's key the current key of a keyed head operator of the SPI before the task hands
 * it the record: the key the keyed exchange computed when the batch carries it, else what the
 * input's key selector makes of the record. Inputs without a selector (the broadcast side) keep the
 * current key as it is.
 */
final class CurrentKeySetter {

  private final KeySelector<Object, ?>[] selectors;
  private final KeyedStateBackend<Object> keys;

  @SuppressWarnings("unchecked")
  CurrentKeySetter(List<KeySelector<?, ?>> selectors, KeyedStateBackend<Object> keys) {
    this.selectors = selectors.toArray(new KeySelector[0]);
    this.keys = keys;
  }

  /** Sets the current key for {@code value} of input {@code input}; {@code key} is null if not computed yet. */
  void setKeyOf(int input, Object value, Object key) throws Exception {
    if (key != null) {
      keys.setCurrentKey(key);
    } else if (selectors[input] != null) {
      keys.setCurrentKey(selectors[input].getKey(value));
    }
  }
}
