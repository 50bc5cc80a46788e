package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Serializes {@link Optional} values as a presence byte followed by the value, if any.
 *
 * @param <E> the type of the contained value
 */
@Internal
public final class OptionalSerializer<E> extends TypeSerializer<Optional<E>> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<E> elementSerializer;

  /** Creates a serializer writing the contained value with {@code elementSerializer}. */
  public OptionalSerializer(TypeSerializer<E> elementSerializer) {
    this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
  }

  /** The serializer of the contained value. */
  public TypeSerializer<E> getElementSerializer() {
    return elementSerializer;
  }

  @Override
  public void serialize(Optional<E> value, DataOutputView target) throws IOException {
    NullMarkers.write(value.orElse(null), elementSerializer, target);
  }

  @Override
  public Optional<E> deserialize(DataInputView source) throws IOException {
    return Optional.ofNullable(NullMarkers.read(elementSerializer, source));
  }

  @Override
  public Optional<E> copy(Optional<E> value) {
    if (value == null || value.isEmpty() || elementSerializer.isImmutableType()) {
      return value;
    }
    return Optional.of(elementSerializer.copy(value.get()));
  }

  /** {@link Optional#empty()}. */
  @Override
  public Optional<E> createInstance() {
    return Optional.empty();
  }

  @Override
  public TypeSerializer<Optional<E>> duplicate() {
    TypeSerializer<E> duplicate = elementSerializer.duplicate();
    return duplicate == elementSerializer ? this : new OptionalSerializer<>(duplicate);
  }

  @Override
  public boolean isImmutableType() {
    return elementSerializer.isImmutableType();
  }

  @Override
  public TypeSerializerSnapshot<Optional<E>> snapshotConfiguration() {
    return new OptionalSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptionalSerializer<?> other
        && other.elementSerializer.equals(elementSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * OptionalSerializer.class.hashCode() + elementSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "OptionalSerializer(" + elementSerializer + ")";
  }
}
