package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.EnumSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Type information of an enum. Its key hash is {@code name().hashCode()}, which unlike {@link
 * Enum#hashCode()} is the same in every JVM.
 *
 * @param <E> the enum type
 */
@PublicEvolving
public final class EnumTypeInfo<E extends Enum<E>> extends AtomicTypeInfo<E> {

  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;

  /** Creates the type information of {@code enumClass}. */
  public EnumTypeInfo(Class<E> enumClass) {
    this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
    if (!enumClass.isEnum()) {
      throw new InvalidTypesException(
          enumClass.getName() + " is not an enum; Types.ENUM takes an enum class");
    }
  }

  @Override
  public Class<E> getTypeClass() {
    return enumClass;
  }

  @Override
  public TypeSerializer<E> createSerializer() {
    return new EnumSerializer<>(enumClass);
  }

  @Override
  public int keyHash(E value) {
    return value == null ? 0 : value.name().hashCode();
  }

  @Override
  public void checkValidKey() {
    // Enum constants are singletons, so identity equality is value equality.
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumTypeInfo<?> other && other.enumClass == enumClass;
  }

  @Override
  public int hashCode() {
    return enumClass.hashCode();
  }

  @Override
  public String toString() {
    return "Enum(" + enumClass.getSimpleName() + ")";
  }
}
