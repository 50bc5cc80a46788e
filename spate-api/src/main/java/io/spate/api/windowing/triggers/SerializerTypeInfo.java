package io.spate.api.windowing.triggers;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeInformation;

/**
 * The type of a trigger's state when the user gave only its serializer (as Flink's {@code
 * DeltaTrigger.of(threshold, function, serializer)} does): usable for state values, never as a key.
 */
final class SerializerTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> serializer;

  SerializerTypeInfo(TypeSerializer<T> serializer) {
    this.serializer = serializer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<T> getTypeClass() {
    return (Class<T>) Object.class;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return serializer.duplicate();
  }

  @Override
  public int keyHash(T value) {
    throw notAKey();
  }

  @Override
  public void checkValidKey() {
    throw notAKey();
  }

  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(String fieldExpression) {
    throw new InvalidTypesException("The state type given by serializer " + serializer + " has no fields.");
  }

  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    throw new InvalidTypesException("The state type given by serializer " + serializer + " has no fields.");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  private InvalidTypesException notAKey() {
    return new InvalidTypesException("The state type given by serializer " + serializer + " cannot be a key.");
  }

  @Override
  public String toString() {
    return "SerializerTypeInfo(" + serializer + ")";
  }
}
