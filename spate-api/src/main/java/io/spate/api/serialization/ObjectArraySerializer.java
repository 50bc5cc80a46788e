package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Serializes arrays of a reference type as a length followed by the elements, each of which may be
 * null.
 *
 * @param <E> the component type
 */
@Internal
public final class ObjectArraySerializer<E> extends TypeSerializer<E[]> {

  private static final long serialVersionUID = 1L;

  private final Class<E> componentClass;
  private final TypeSerializer<E> elementSerializer;

  /** Creates a serializer of {@code componentClass[]} writing elements with {@code elementSerializer}. */
  public ObjectArraySerializer(Class<E> componentClass, TypeSerializer<E> elementSerializer) {
    this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
    this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
    if (componentClass.isPrimitive()) {
      throw new IllegalArgumentException(
          "Use PrimitiveArraySerializer for arrays of " + componentClass.getName());
    }
  }

  /** The class of the array's components. */
  public Class<E> getComponentClass() {
    return componentClass;
  }

  /** The serializer of the elements. */
  public TypeSerializer<E> getElementSerializer() {
    return elementSerializer;
  }

  @Override
  public void serialize(E[] value, DataOutputView target) throws IOException {
    target.writeVarInt(value.length);
    for (E element : value) {
      NullMarkers.write(element, elementSerializer, target);
    }
  }

  @Override
  public E[] deserialize(DataInputView source) throws IOException {
    E[] array = newArray(readLength(source));
    for (int i = 0; i < array.length; i++) {
      array[i] = NullMarkers.read(elementSerializer, source);
    }
    return array;
  }

  @Override
  public E[] copy(E[] value) {
    if (value == null) {
      return null;
    }
    if (elementSerializer.isImmutableType()) {
      return value.clone();
    }
    E[] copy = newArray(value.length);
    for (int i = 0; i < value.length; i++) {
      copy[i] = NullMarkers.copy(value[i], elementSerializer);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private E[] newArray(int length) {
    return (E[]) Array.newInstance(componentClass, length);
  }

  /** An empty array of the component class. */
  @Override
  public E[] createInstance() {
    return newArray(0);
  }

  @Override
  public TypeSerializer<E[]> duplicate() {
    TypeSerializer<E> duplicate = elementSerializer.duplicate();
    return duplicate == elementSerializer ? this : new ObjectArraySerializer<>(componentClass, duplicate);
  }

  @Override
  public TypeSerializerSnapshot<E[]> snapshotConfiguration() {
    return new ObjectArraySerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectArraySerializer<?> other
        && other.componentClass == componentClass
        && other.elementSerializer.equals(elementSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * componentClass.hashCode() + elementSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "ObjectArraySerializer(" + elementSerializer + ")";
  }
}
