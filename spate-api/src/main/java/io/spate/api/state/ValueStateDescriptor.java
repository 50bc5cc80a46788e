package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;

/**
 * Describes a {@link ValueState}.
 *
 * @param <T> the value type
 */
@PublicEvolving
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {

  private static final long serialVersionUID = 1L;

  private final T defaultValue;

  /** A value state named {@code name} of values of {@code type}. */
  public ValueStateDescriptor(String name, Class<T> type) {
    this(name, type, null);
  }

  /** A value state whose {@code value()} is {@code defaultValue} for keys without a value. */
  public ValueStateDescriptor(String name, Class<T> type, T defaultValue) {
    super(name, type);
    this.defaultValue = defaultValue;
  }

  /** A value state named {@code name} of values of {@code type}. */
  public ValueStateDescriptor(String name, TypeInformation<T> type) {
    this(name, type, null);
  }

  /** A value state whose {@code value()} is {@code defaultValue} for keys without a value. */
  public ValueStateDescriptor(String name, TypeInformation<T> type, T defaultValue) {
    super(name, type);
    this.defaultValue = defaultValue;
  }

  /** A value state named {@code name} whose values {@code serializer} writes. */
  public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
    this(name, serializer, null);
  }

  /** A value state whose values {@code serializer} writes and whose {@code value()} is {@code defaultValue} for keys without a value. */
  public ValueStateDescriptor(String name, TypeSerializer<T> serializer, T defaultValue) {
    super(name, serializer);
    this.defaultValue = defaultValue;
  }

  /** What {@code value()} returns for a key without a value. */
  @Override
  public T getDefaultValue() {
    return defaultValue;
  }

  @Override
  public Type getType() {
    return Type.VALUE;
  }
}
