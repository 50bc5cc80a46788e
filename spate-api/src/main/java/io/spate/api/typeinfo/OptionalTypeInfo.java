package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.OptionalSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.util.Optional;

/**
 * Type information of {@link Optional}s of one element type.
 *
 * @param <E> the type of the contained value
 */
@PublicEvolving
public final class OptionalTypeInfo<E> extends ElementContainerTypeInfo<Optional<E>, E> {

  private static final long serialVersionUID = 1L;

  /** Creates the type information of optionals of {@code elementType}. */
  public OptionalTypeInfo(TypeInformation<E> elementType) {
    super(elementType, Optional.class, "an Optional", "");
  }

  @Override
  public TypeSerializer<Optional<E>> createSerializer() {
    return new OptionalSerializer<>(elementType.createSerializer());
  }

  /** The contained value's key hash, or 0 when empty, like {@link Optional#hashCode()}. */
  @Override
  public int keyHash(Optional<E> value) {
    return value.isPresent() ? elementType.keyHash(value.get()) : 0;
  }
}
