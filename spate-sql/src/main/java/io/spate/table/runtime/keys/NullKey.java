package io.spate.table.runtime.keys;

import io.spate.api.annotation.Internal;
import java.io.Serializable;

/**
 * The key of rows whose one key field is NULL: keyed streams need a non-null key object, and a
 * one-field key is otherwise the field's value itself.
 */
@Internal
public final class NullKey implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final NullKey INSTANCE = new NullKey();

  private NullKey() {}

  /** 0, as the hash of a NULL field, so that the key group is the same in every JVM. */
  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NullKey;
  }

  @Override
  public String toString() {
    return "NULL";
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
