package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.serialization.PrimitiveArraySerializer;
import io.spate.api.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Type information of an array of a primitive type, such as {@code byte[]}. Arrays cannot be keys:
 * they have no value equality.
 *
 * @param <T> the array type
 */
@Public
public final class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> arrayClass;
  private final BasicTypeInfo<?> componentType;

  private PrimitiveArrayTypeInfo(Class<T> arrayClass) {
    this.arrayClass = arrayClass;
    this.componentType = BasicTypeInfo.getInfoFor(arrayClass.getComponentType());
  }

  /**
   * The type information of {@code arrayClass}, such as {@code int[].class}.
   *
   * @throws InvalidTypesException if it is not an array of a primitive type
   */
  public static <T> PrimitiveArrayTypeInfo<T> forArrayClass(Class<T> arrayClass) {
    Objects.requireNonNull(arrayClass, "arrayClass");
    if (!arrayClass.isArray()
        || !arrayClass.getComponentType().isPrimitive()
        || arrayClass.getComponentType() == void.class) {
      throw new InvalidTypesException(
          arrayClass.getName() + " is not an array of a primitive type");
    }
    return new PrimitiveArrayTypeInfo<>(arrayClass);
  }

  /** The type of the elements (the boxed type, such as Integer for {@code int[]}). */
  public TypeInformation<?> getComponentType() {
    return componentType;
  }

  @Override
  public Class<T> getTypeClass() {
    return arrayClass;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return PrimitiveArraySerializer.forArrayClass(arrayClass);
  }

  /** Arrays are never keys; this always throws, like {@link #checkValidKey()}. */
  @Override
  public int keyHash(T value) {
    throw notAKey("", toString());
  }

  @Override
  public void checkValidKey() {
    checkValidKey("");
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    throw notAKey(fieldPath, toString());
  }

  static InvalidTypesException notAKey(String fieldPath, String typeName) {
    return new InvalidTypesException(
        FieldPaths.subject(fieldPath, typeName) + " cannot be a key: arrays have no value"
            + " equality, so two arrays with the same elements would be different keys. Use a List"
            + " or a record instead of the array");
  }

  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(String fieldExpression) {
    try {
      return fieldAccessor(Integer.parseInt(fieldExpression));
    } catch (NumberFormatException e) {
      throw new InvalidTypesException(
          "Type " + this + " is an array: its fields are its indexes, not '" + fieldExpression + "'");
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    ArrayElementAccessor.checkIndex(this, position);
    return new ArrayElementAccessor<>(position, (TypeInformation<F>) componentType);
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrimitiveArrayTypeInfo<?> other && other.arrayClass == arrayClass;
  }

  @Override
  public int hashCode() {
    return arrayClass.hashCode();
  }

  @Override
  public String toString() {
    return arrayClass.getComponentType().getName() + "[]";
  }

  // Flink's names for the component class and the lookup by array class.

  /** The primitive class of the elements, such as {@code int.class} for {@code int[]}. */
  public Class<?> getComponentClass() {
    return arrayClass.getComponentType();
  }

  /**
   * The type information of {@code type} if it is an array of a primitive type; as in Flink, null for
   * an array of objects.
   *
   * @throws InvalidTypesException if {@code type} is not an array
   */
  public static <X> PrimitiveArrayTypeInfo<X> getInfoFor(Class<X> type) {
    if (!type.isArray()) {
      throw new InvalidTypesException(type.getName() + " is not an array");
    }
    return type.getComponentType().isPrimitive() ? forArrayClass(type) : null;
  }
}
