package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.ObjectArraySerializer;
import io.spate.api.serialization.TypeSerializer;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Type information of an array of a reference type, such as {@code String[]}. Elements may be null.
 * Arrays cannot be keys: they have no value equality.
 *
 * @param <E> the component type
 */
@PublicEvolving
public final class ObjectArrayTypeInfo<E> extends TypeInformation<E[]> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<E> componentType;
  private final Class<E[]> arrayClass;

  /** Creates the type information of arrays of {@code componentType}. */
  @SuppressWarnings("unchecked")
  public ObjectArrayTypeInfo(TypeInformation<E> componentType) {
    this.componentType = Objects.requireNonNull(componentType, "componentType");
    this.arrayClass =
        (Class<E[]>) Array.newInstance(componentType.getTypeClass(), 0).getClass();
  }

  /** The type of the elements. */
  public TypeInformation<E> getComponentType() {
    return componentType;
  }

  @Override
  public Class<E[]> getTypeClass() {
    return arrayClass;
  }

  @Override
  public TypeSerializer<E[]> createSerializer() {
    return new ObjectArraySerializer<>(componentType.getTypeClass(), componentType.createSerializer());
  }

  /** Arrays are never keys; this always throws, like {@link #checkValidKey()}. */
  @Override
  public int keyHash(E[] value) {
    throw PrimitiveArrayTypeInfo.notAKey("", toString());
  }

  @Override
  public void checkValidKey() {
    checkValidKey("");
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    throw PrimitiveArrayTypeInfo.notAKey(fieldPath, toString());
  }

  @Override
  public <F> FieldAccessor<E[], F> fieldAccessor(String fieldExpression) {
    int dot = fieldExpression.indexOf('.');
    String head = dot < 0 ? fieldExpression : fieldExpression.substring(0, dot);
    int index;
    try {
      index = Integer.parseInt(head);
    } catch (NumberFormatException e) {
      throw new InvalidTypesException(
          "Type " + this + " is an array: its fields are its indexes, not '" + head + "'");
    }
    if (dot < 0) {
      return fieldAccessor(index);
    }
    FieldAccessor<E[], E> element = fieldAccessor(index);
    FieldAccessor<E, F> inner = componentType.fieldAccessor(fieldExpression.substring(dot + 1));
    return new NestedFieldAccessor<>(head, element, inner);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <F> FieldAccessor<E[], F> fieldAccessor(int position) {
    ArrayElementAccessor.checkIndex(this, position);
    return new ArrayElementAccessor<>(position, (TypeInformation<F>) componentType);
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectArrayTypeInfo<?> other && other.componentType.equals(componentType);
  }

  @Override
  public int hashCode() {
    return 31 * ObjectArrayTypeInfo.class.hashCode() + componentType.hashCode();
  }

  @Override
  public String toString() {
    return componentType + "[]";
  }

  // Flink's names for the component type and its factories.

  /** The type of the elements; Flink's name for {@link #getComponentType()}. */
  public TypeInformation<E> getComponentInfo() {
    return componentType;
  }

  /**
   * The type information of arrays of {@code componentInfo}, whose class is {@code arrayClass}.
   *
   * @throws InvalidTypesException if {@code arrayClass} is not an array of {@code componentInfo}'s class
   */
  public static <C> ObjectArrayTypeInfo<C> getInfoFor(Class<?> arrayClass, TypeInformation<C> componentInfo) {
    if (!arrayClass.isArray() || arrayClass.getComponentType() != componentInfo.getTypeClass()) {
      throw new InvalidTypesException(
          arrayClass.getName() + " is not an array of " + componentInfo.getTypeClass().getName()
              + ", the class of " + componentInfo);
    }
    return new ObjectArrayTypeInfo<>(componentInfo);
  }

  /** The type information of arrays of {@code componentInfo}. */
  public static <C> ObjectArrayTypeInfo<C> getInfoFor(TypeInformation<C> componentInfo) {
    return new ObjectArrayTypeInfo<>(componentInfo);
  }
}
