package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Serializes lists as a size followed by the elements in order, each of which may be null. Reads
 * them back as {@link ArrayList}.
 *
 * @param <E> the element type
 */
@Internal
public final class ListSerializer<E> extends TypeSerializer<List<E>> {

  private static final long serialVersionUID = 1L;

  /** Caps the capacity allocated up front, in case the size comes from corrupt input. */
  private static final int MAX_INITIAL_CAPACITY = 1 << 16;

  private final TypeSerializer<E> elementSerializer;

  /** Creates a serializer whose elements are written with {@code elementSerializer}. */
  public ListSerializer(TypeSerializer<E> elementSerializer) {
    this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
  }

  /** The serializer of the elements. */
  public TypeSerializer<E> getElementSerializer() {
    return elementSerializer;
  }

  @Override
  public void serialize(List<E> value, DataOutputView target) throws IOException {
    int size = value.size();
    target.writeVarInt(size);
    if (value instanceof RandomAccess) {
      for (int i = 0; i < size; i++) {
        NullMarkers.write(value.get(i), elementSerializer, target);
      }
    } else {
      int written = 0;
      for (E element : value) {
        NullMarkers.write(element, elementSerializer, target);
        written++;
      }
      if (written != size) {
        throw new IOException("The list changed size while it was serialized");
      }
    }
  }

  @Override
  public List<E> deserialize(DataInputView source) throws IOException {
    int size = readLength(source);
    List<E> list = new ArrayList<>(Math.min(size, MAX_INITIAL_CAPACITY));
    for (int i = 0; i < size; i++) {
      list.add(NullMarkers.read(elementSerializer, source));
    }
    return list;
  }

  @Override
  public List<E> copy(List<E> value) {
    if (value == null) {
      return null;
    }
    List<E> copy = new ArrayList<>(value.size());
    for (E element : value) {
      copy.add(NullMarkers.copy(element, elementSerializer));
    }
    return copy;
  }

  /** An empty {@link ArrayList}. */
  @Override
  public List<E> createInstance() {
    return new ArrayList<>();
  }

  @Override
  public TypeSerializer<List<E>> duplicate() {
    TypeSerializer<E> duplicate = elementSerializer.duplicate();
    return duplicate == elementSerializer ? this : new ListSerializer<>(duplicate);
  }

  @Override
  public TypeSerializerSnapshot<List<E>> snapshotConfiguration() {
    return new ListSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListSerializer<?> other && other.elementSerializer.equals(elementSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * ListSerializer.class.hashCode() + elementSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "ListSerializer(" + elementSerializer + ")";
  }
}
