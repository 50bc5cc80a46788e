package io.spate.api.typeinfo;

import io.spate.api.serialization.OptionalSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.util.Objects;
import java.util.Optional;

/**
 * Type information of {@link Optional}s of one element type.
 *
 * @param <E> the type of the contained value
 */
public final class OptionalTypeInfo<E> extends TypeInformation<Optional<E>> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<E> elementType;

  /** Creates the type information of optionals of {@code elementType}. */
  public OptionalTypeInfo(TypeInformation<E> elementType) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
  }

  /** The type of the contained value. */
  public TypeInformation<E> getElementType() {
    return elementType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Optional<E>> getTypeClass() {
    return (Class) Optional.class;
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

  @Override
  public void checkValidKey() {
    checkValidKey("");
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    elementType.checkValidKey(FieldPaths.element(fieldPath));
  }

  @Override
  public <F> FieldAccessor<Optional<E>, F> fieldAccessor(String fieldExpression) {
    throw new InvalidTypesException(
        "Type " + this + " is an Optional and has no field '" + fieldExpression + "'");
  }

  @Override
  public <F> FieldAccessor<Optional<E>, F> fieldAccessor(int position) {
    throw new InvalidTypesException(
        "Type " + this + " is an Optional and has no fields by position");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptionalTypeInfo<?> other && other.elementType.equals(elementType);
  }

  @Override
  public int hashCode() {
    return 31 * OptionalTypeInfo.class.hashCode() + elementType.hashCode();
  }

  @Override
  public String toString() {
    return "Optional<" + elementType + ">";
  }
}
