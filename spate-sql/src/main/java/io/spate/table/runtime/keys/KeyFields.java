package io.spate.table.runtime.keys;

import io.spate.api.annotation.Internal;

/**
 * Reads the fields of a key made by {@link SqlKeySelector}, whatever its form: a {@link CompositeKey},
 * the value of a one-field key itself, or {@link NullKey} for a one-field key that is NULL.
 */
@Internal
public final class KeyFields {

  private KeyFields() {}

  /** The number of fields of {@code key}. */
  public static int arity(Object key) {
    return key instanceof CompositeKey composite ? composite.arity() : 1;
  }

  /** The field at {@code pos} of {@code key}; null for a NULL field. */
  public static Object get(Object key, int pos) {
    if (key instanceof CompositeKey composite) {
      return composite.get(pos);
    }
    if (pos != 0) {
      throw new IndexOutOfBoundsException("Field " + pos + " of the one-field key " + key);
    }
    return key == NullKey.INSTANCE ? null : key;
  }
}
