package io.spate.api.typeinfo;

import java.lang.reflect.Array;

/** Reads and writes one element of an array in place. */
final class ArrayElementAccessor<T, F> implements FieldAccessor<T, F> {

  private static final long serialVersionUID = 1L;

  private final int index;
  private final TypeInformation<F> elementType;

  ArrayElementAccessor(int index, TypeInformation<F> elementType) {
    this.index = index;
    this.elementType = elementType;
  }

  static void checkIndex(TypeInformation<?> arrayType, int index) {
    if (index < 0) {
      throw new InvalidTypesException(
          "Type " + arrayType + " has no position " + index + ": array indexes start at 0");
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public F get(T record) {
    return (F) Array.get(record, index);
  }

  @Override
  public T set(T record, F fieldValue) {
    Array.set(record, index, fieldValue);
    return record;
  }

  @Override
  public TypeInformation<F> getFieldType() {
    return elementType;
  }
}
