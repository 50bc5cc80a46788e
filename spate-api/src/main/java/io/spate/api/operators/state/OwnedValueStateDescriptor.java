package io.spate.api.operators.state;

import io.spate.api.annotation.Internal;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;

/**
 * A value state that only the engine reads and writes (an operator's accumulators and indexes, never
 * user code), and that already treats the values it reads as shared objects, as it must on the heap
 * backend: a serializing backend may then keep recent values as objects instead of copies.
 *
 * @param <T> the value type
 */
@Internal
public final class OwnedValueStateDescriptor<T> extends ValueStateDescriptor<T> {

  private static final long serialVersionUID = 1L;

  /** A descriptor for values of {@code type}. */
  public OwnedValueStateDescriptor(String name, Class<T> type) {
    super(name, type);
  }

  /** A descriptor for values of {@code type}. */
  public OwnedValueStateDescriptor(String name, TypeInformation<T> type) {
    super(name, type);
  }
}
