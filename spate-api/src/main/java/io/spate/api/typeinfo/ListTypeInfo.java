package io.spate.api.typeinfo;

import io.spate.api.serialization.ListSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.util.List;
import java.util.Objects;

/**
 * Type information of {@link List}s of one element type. Elements may be null; deserialized lists
 * are {@link java.util.ArrayList}s in the original order.
 *
 * @param <E> the element type
 */
public final class ListTypeInfo<E> extends TypeInformation<List<E>> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<E> elementType;

  /** Creates the type information of lists of {@code elementType}. */
  public ListTypeInfo(TypeInformation<E> elementType) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
  }

  /** The type of the elements. */
  public TypeInformation<E> getElementType() {
    return elementType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<List<E>> getTypeClass() {
    return (Class) List.class;
  }

  @Override
  public TypeSerializer<List<E>> createSerializer() {
    return new ListSerializer<>(elementType.createSerializer());
  }

  /** Combines the elements' key hashes in order, like {@link List#hashCode()}. */
  @Override
  public int keyHash(List<E> value) {
    int hash = 1;
    for (E element : value) {
      hash = 31 * hash + (element == null ? 0 : elementType.keyHash(element));
    }
    return hash;
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
  public <F> FieldAccessor<List<E>, F> fieldAccessor(String fieldExpression) {
    throw new InvalidTypesException(
        "Type " + this + " is a list and has no field '" + fieldExpression + "'");
  }

  @Override
  public <F> FieldAccessor<List<E>, F> fieldAccessor(int position) {
    throw new InvalidTypesException(
        "Type " + this + " is a list and has no fields by position; use an array or a record");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListTypeInfo<?> other && other.elementType.equals(elementType);
  }

  @Override
  public int hashCode() {
    return 31 * ListTypeInfo.class.hashCode() + elementType.hashCode();
  }

  @Override
  public String toString() {
    return "List<" + elementType + ">";
  }
}
