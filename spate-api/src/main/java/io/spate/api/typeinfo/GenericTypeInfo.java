package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.serialization.JavaSerializationSerializer;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Type information of a class that Spate treats as a black box, named explicitly with {@code
 * Types.GENERIC(MyClass.class)}. Spate has no Kryo: it serializes such values with Java
 * serialization, so the class must be {@link java.io.Serializable}; and it never falls back to a
 * generic type by itself, so a record, POJO or {@code TypeInfoFactory} is the better choice where one
 * fits. As in Flink, {@code setGenericTypes(false)} in the serializer config makes such a type fail.
 *
 * @param <T> the described type
 */
@Public
public class GenericTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;

  /** The generic type of {@code typeClass}. */
  public GenericTypeInfo(Class<T> typeClass) {
    this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
  }

  /** False: a generic type is not a basic type. */
  @Override
  public boolean isBasicType() {
    return false;
  }

  /** False: a generic type is not a tuple. */
  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  /** As in Flink, a generic type is a key when its class is {@link Comparable}. */
  @Override
  public boolean isKeyType() {
    return Comparable.class.isAssignableFrom(typeClass);
  }

  /** As {@link #isKeyType()}. */
  @Override
  public boolean isSortKeyType() {
    return isKeyType();
  }

  /**
   * @throws InvalidTypesException if the class is not {@link Comparable}
   */
  @Override
  public void checkValidKey() {
    if (!isKeyType()) {
      throw new InvalidTypesException(
          "Type " + this + " cannot be a key: a generic type is a key only when its class implements"
              + " Comparable (as in Flink); use a record or a POJO with equals and hashCode as the key");
    }
  }

  /**
   * The Java-serialization serializer of the class.
   *
   * @throws UnsupportedOperationException if {@code config} disables generic types
   * @throws InvalidTypesException if the class is not {@link java.io.Serializable}
   */
  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    if (config.hasGenericTypesDisabled()) {
      throw new UnsupportedOperationException(
          "Generic types have been disabled in the ExecutionConfig and type " + typeClass.getName()
              + " is treated as a generic type.");
    }
    try {
      return new JavaSerializationSerializer<>(typeClass);
    } catch (IllegalArgumentException e) {
      throw new InvalidTypesException("Type " + this + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof GenericTypeInfo<?> other && other.canEqual(this) && typeClass == other.typeClass;
  }

  @Override
  public int hashCode() {
    return typeClass.hashCode();
  }

  /** Whether {@code obj} is a generic type information. */
  @Override
  public boolean canEqual(Object obj) {
    return obj instanceof GenericTypeInfo;
  }

  /** As Flink prints it: {@code GenericType<com.example.Thing>}. */
  @Override
  public String toString() {
    return "GenericType<" + typeClass.getCanonicalName() + ">";
  }
}
