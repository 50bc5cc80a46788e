package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes POJOs field by field, in the order of the given properties, and reads them back by
 * calling the public no-arg constructor and setting each field. Fields of reference type may be
 * null. Values must be of exactly the POJO class: a subclass would lose its extra fields, so it is
 * rejected. Public-evolving because {@code PojoTypeInfo.createPojoSerializer} returns it, as Flink's
 * does; create it through the type information.
 *
 * @param <T> the POJO type
 */
@PublicEvolving
public final class PojoSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private final PojoProperty[] properties;
  private final TypeSerializer<Object>[] fieldSerializers;
  private final boolean[] primitive;
  private final PojoInstantiator<T> instantiator;

  /** Creates the serializer of {@code pojoClass}, with one serializer per property. */
  @SuppressWarnings("unchecked")
  public PojoSerializer(
      Class<T> pojoClass, PojoProperty[] properties, TypeSerializer<?>[] fieldSerializers) {
    this.pojoClass = Objects.requireNonNull(pojoClass, "pojoClass");
    if (properties.length != fieldSerializers.length) {
      throw new IllegalArgumentException(
          properties.length + " properties but " + fieldSerializers.length + " serializers");
    }
    this.properties = properties.clone();
    this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
    this.instantiator = new PojoInstantiator<>(pojoClass);
    this.primitive = new boolean[properties.length];
    for (int i = 0; i < properties.length; i++) {
      primitive[i] = properties[i].getType().isPrimitive();
    }
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    if (value.getClass() != pojoClass) {
      throw new IOException(subclassMessage(value));
    }
    for (int i = 0; i < properties.length; i++) {
      Object field = properties[i].get(value);
      if (primitive[i]) {
        fieldSerializers[i].serialize(field, target);
      } else {
        NullMarkers.write(field, fieldSerializers[i], target);
      }
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    T value = instantiator.newInstance();
    for (int i = 0; i < properties.length; i++) {
      Object field =
          primitive[i]
              ? fieldSerializers[i].deserialize(source)
              : NullMarkers.read(fieldSerializers[i], source);
      properties[i].set(value, field);
    }
    return value;
  }

  @Override
  public T copy(T value) {
    if (value == null) {
      return null;
    }
    if (value.getClass() != pojoClass) {
      throw new IllegalArgumentException(subclassMessage(value));
    }
    T copy = instantiator.newInstance();
    for (int i = 0; i < properties.length; i++) {
      properties[i].set(copy, NullMarkers.copy(properties[i].get(value), fieldSerializers[i]));
    }
    return copy;
  }

  private String subclassMessage(T value) {
    return "A value of class " + value.getClass().getName() + " was given to the serializer of "
        + pojoClass.getName() + "; subclasses are not supported because their own fields would be"
        + " lost. Declare the stream with the subclass's type, or use one class for all values";
  }

  /** The class this serializer reads and writes. */
  public Class<T> getPojoClass() {
    return pojoClass;
  }

  /** A {@link PojoSerializerSnapshot}: the class name and each field's name, type and serializer. */
  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new PojoSerializerSnapshot<>(
        pojoClass,
        SnapshotFields.of(
            "field", pojoClass.getName(), propertyNames(), propertyTypes(), fieldSerializers));
  }

  String[] propertyNames() {
    String[] names = new String[properties.length];
    for (int i = 0; i < properties.length; i++) {
      names[i] = properties[i].getName();
    }
    return names;
  }

  Type[] propertyTypes() {
    Type[] types = new Type[properties.length];
    for (int i = 0; i < properties.length; i++) {
      types[i] = properties[i].getGenericType();
    }
    return types;
  }

  TypeSerializer<?>[] fieldSerializers() {
    return fieldSerializers;
  }

  /**
   * A POJO made with its no-argument constructor, whose object fields hold their serializers' new
   * instances where they have one (a primitive field keeps its default).
   */
  @Override
  public T createInstance() {
    T value = instantiator.newInstance();
    for (int i = 0; i < properties.length; i++) {
      Object field = fieldSerializers[i].createInstance();
      if (field != null) {
        properties[i].set(value, field);
      }
    }
    return value;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    TypeSerializer<Object>[] duplicates = NullMarkers.duplicateAll(fieldSerializers);
    return duplicates == fieldSerializers
        ? this
        : new PojoSerializer<>(pojoClass, properties, duplicates);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PojoSerializer<?> other
        && other.pojoClass == pojoClass
        && Arrays.equals(other.properties, properties)
        && Arrays.equals(other.fieldSerializers, fieldSerializers);
  }

  @Override
  public int hashCode() {
    return 31 * pojoClass.hashCode() + Arrays.hashCode(fieldSerializers);
  }

  @Override
  public String toString() {
    return "PojoSerializer(" + pojoClass.getName() + ")";
  }
}
