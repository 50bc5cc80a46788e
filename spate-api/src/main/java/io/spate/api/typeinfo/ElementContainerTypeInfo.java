package io.spate.api.typeinfo;

import java.util.Objects;

/**
 * What the type informations of single-element-type containers (lists, optionals) share: the
 * element type, key checks through it, and having no fields of their own.
 *
 * @param <C> the container type
 * @param <E> the element type
 */
abstract class ElementContainerTypeInfo<C, E> extends TypeInformation<C> {

  private static final long serialVersionUID = 1L;

  /** The type of the contained values. */
  protected final TypeInformation<E> elementType;

  private final Class<?> containerClass;
  private final String description;
  private final String positionHint;

  ElementContainerTypeInfo(
      TypeInformation<E> elementType, Class<?> containerClass, String description, String positionHint) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
    this.containerClass = containerClass;
    this.description = description;
    this.positionHint = positionHint;
  }

  /** The type of the contained values. */
  public TypeInformation<E> getElementType() {
    return elementType;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<C> getTypeClass() {
    return (Class<C>) containerClass;
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
  public <F> FieldAccessor<C, F> fieldAccessor(String fieldExpression) {
    throw new InvalidTypesException(
        "Type " + this + " is " + description + " and has no field '" + fieldExpression + "'");
  }

  @Override
  public <F> FieldAccessor<C, F> fieldAccessor(int position) {
    throw new InvalidTypesException("Type " + this + " is " + description + " and has no fields by position" + positionHint);
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass()
        && ((ElementContainerTypeInfo<?, ?>) o).elementType.equals(elementType);
  }

  @Override
  public int hashCode() {
    return 31 * getClass().hashCode() + elementType.hashCode();
  }

  @Override
  public String toString() {
    return containerClass.getSimpleName() + "<" + elementType + ">";
  }
}
